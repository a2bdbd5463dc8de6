"""Hostile and mangled input: every file gives Articles or clear IngestErrors, never a crash."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newstrace.ingest import read_paths
from newstrace.ingest.reader import read_file
from newstrace.model import Article, IngestError

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>'
    "<item><title>Ferry update</title><link>{link}</link>"
    "<description>{summary}</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "surrogate.rss",
            FEED.format(link="https://x.example/a", summary="Ferries &#xD800;resumed today."),
        ),
        (
            "formfeed.rss",
            FEED.format(
                link="https://x.example/b", summary="&lt;p&gt;Ferries\fresumed today.&lt;/p&gt;"
            ),
        ),
        ("ipv6.rss", FEED.format(link="http://[::1/broken", summary="Ferries resumed on Friday.")),
        (
            "badref.html",
            "<html><body><p>Ferries resumed &#11 on Friday &#0; after the strike ended.</p></body></html>",
        ),
        (
            "declaration.atom",
            '<?xml version="1.0" encoding="\xde\xad"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
        ),
    ],
)
def test_known_crashers_give_articles_or_clear_errors(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8", "surrogatepass"))
    items = list(read_paths([path]))
    assert items
    for item in items:
        if isinstance(item, IngestError):
            assert "unexpected error" not in item.reason
        else:
            assert isinstance(item, Article)
            assert "resumed" in item.text
            assert all(ch.isprintable() or ch in "\n" for ch in item.text)


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not buffer:
            break
        position = rng.randrange(len(buffer))
        choice = rng.random()
        if choice < 0.3:
            buffer[position] = rng.randrange(256)
        elif choice < 0.5:
            del buffer[position : position + rng.randint(1, 200)]
        elif choice < 0.7:
            buffer[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
        elif choice < 0.85:
            del buffer[position:]
        else:
            snippet = rng.choice(
                [b"<", b'"', b"{", b"\n\n", b"\x00", b"\xff\xfe", b"&#xD800;", b"\x0c"]
            )
            buffer[position:position] = snippet
    return bytes(buffer)


def test_mangled_fixtures_never_crash(samples: Path, bad_inputs: Path, tmp_path: Path) -> None:
    rng = random.Random(2026)
    sources = sorted(samples.iterdir()) + sorted(bad_inputs.iterdir())
    for number in range(240):
        source = rng.choice(sources)
        path = tmp_path / f"m{number}{''.join(source.suffixes)}"
        path.write_bytes(_mutate(source.read_bytes(), rng))
        for item in read_file(path):
            assert isinstance(item, (Article, IngestError))
            if isinstance(item, IngestError):
                assert "unexpected error" not in item.reason, (path.name, item.reason)


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"caf\xe9-report.txt")  # a Latin-1 byte in the name
    (tmp_path / name).write_text("The café on the quay reopened on Friday, its owner said.\n")
    (article,) = list(read_paths([tmp_path]))
    assert isinstance(article, Article)
    assert article.id == "caf\ufffd-report"
    article.source.encode("utf-8")  # storable: no lone surrogates
