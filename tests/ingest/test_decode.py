"""Bytes to text: UTF-8 and BOMs, legacy Western encodings read right, binary junk refused."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newstrace.ingest import NotText, decode_bytes, read_paths
from newstrace.model import Article, IngestError

SENTENCE = "Renée Dubé, who runs the café on the quay, said the “evacuation” cost her €2,000."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_decode_to_the_same_text(encoding: str) -> None:
    text, _ = decode_bytes(SENTENCE.encode(encoding))
    assert text.lstrip("\ufeff") == SENTENCE


def test_latin1_without_windows_quotes() -> None:
    original = "Zürich: the Straße near the dépôt reopened, officials said on Friday."
    text, encoding = decode_bytes(original.encode("latin-1"))
    assert text == original
    assert encoding in ("cp1252", "latin-1", "iso8859-1")


def test_cp1252_file_is_read_right(samples: Path) -> None:
    (article,) = list(read_paths([samples / "cafe_cp1252.txt"]))
    assert isinstance(article, Article)
    assert article.title == "Café owners near the dépôt count the cost"
    assert "“We have never seen anything like it,” said Renée Dubé" in article.text


def test_cyrillic_legacy_encoding_is_not_forced_into_cp1252() -> None:
    original = "Пожар на складе в порту: жителей эвакуировали, сообщили спасатели."
    text, _ = decode_bytes(original.encode("cp1251"))
    assert text == original


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_are_binary(seed: int) -> None:
    rng = random.Random(seed)
    junk = bytes(rng.randrange(1, 256) for _ in range(4000))  # no NUL: must be caught by ratio
    with pytest.raises(NotText, match="binary file, not text"):
        decode_bytes(junk)


def test_binary_inputs_are_errors(bad_inputs: Path) -> None:
    items = list(read_paths([bad_inputs / "junk.txt", bad_inputs / "nul_bytes.md"]))
    assert all(isinstance(i, IngestError) for i in items)
    assert [i.reason.split(" (")[0] for i in items if isinstance(i, IngestError)] == [
        "binary file, not text",
        "binary file, not text",
    ]


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (error,) = list(read_paths([path]))
    assert isinstance(error, IngestError)
    assert error.reason == "binary file, not text (PDF document)"


def test_invalid_utf8_bytes_in_a_utf8_file_are_read_as_cp1252() -> None:
    data = (
        "Renée said “the depot is safe” on Tuesday.\n".encode() + b"The caf\xe9 owner disagreed.\n"
    )
    text, encoding = decode_bytes(data)
    assert text == "Renée said “the depot is safe” on Tuesday.\nThe café owner disagreed.\n"
    assert encoding == "utf-8+cp1252"


def test_utf8_page_declared_latin1_is_read_as_utf8(tmp_path: Path) -> None:
    page = tmp_path / "mislabelled.html"
    body = "<p>Zürich’s harbour master said the café on the quay would reopen on Friday.</p>" * 3
    page.write_bytes(
        f"<html><head><meta charset='iso-8859-1'><title>Quay</title></head><body>{body}</body></html>".encode()
    )
    (article,) = list(read_paths([page]))
    assert isinstance(article, Article)
    assert "Zürich’s harbour master said the café" in article.text
