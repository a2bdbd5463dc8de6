"""Walking paths: deterministic order, dispatch by extension and content, errors never stop a batch."""

from __future__ import annotations

import shutil
from pathlib import Path

from newstrace.ingest import read_paths
from newstrace.model import Article, IngestError

FIFTY_MB = 50 * 1024 * 1024


def test_directory_walk_is_sorted_and_recursive(samples: Path, tmp_path: Path) -> None:
    shutil.copytree(samples, tmp_path / "b")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "note.txt").write_text(
        "Ferries were cancelled on Tuesday because of high winds.\n"
    )
    (tmp_path / ".hidden.txt").write_text("Never read: hidden files are skipped by the walk.\n")
    first = [(type(i).__name__, getattr(i, "id", None), i.source) for i in read_paths([tmp_path])]
    second = [(type(i).__name__, getattr(i, "id", None), i.source) for i in read_paths([tmp_path])]
    assert first == second
    sources = [s for _, _, s in first]
    assert sources == sorted(sources)
    assert sources[0].endswith("a/note.txt")
    assert not any(".hidden" in s for s in sources)


def test_batch_goes_on_after_errors(samples: Path, bad_inputs: Path) -> None:
    items = list(read_paths([bad_inputs, samples / "harbour_fire.txt", "no/such/file.txt"]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert articles[-1].id == "harbour_fire"
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["file.txt"] == "no such file or directory"
    assert len(errors) >= 8


def test_file_over_the_limit_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    line = b"Port officials said 4,200 containers were handled on Tuesday, a record.\n"
    big.write_bytes(line * (FIFTY_MB // len(line)) + b"x" * (FIFTY_MB % len(line)))
    assert big.stat().st_size == FIFTY_MB
    small = tmp_path / "z.txt"
    small.write_text("The coast road reopened on Thursday morning, police said.\n")
    items = list(read_paths([big, small]))
    assert isinstance(items[0], IngestError)
    assert items[0].reason == "file too large: 52.4 MB > 25 MB limit (--max-bytes)"
    assert isinstance(items[1], Article)


def test_limit_is_adjustable(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("The coast road reopened on Thursday morning, police said.\n")
    (error,) = list(read_paths([path], max_bytes=10))
    assert isinstance(error, IngestError) and error.reason.startswith("file too large")


def test_content_sniffing_beats_a_wrong_extension(samples: Path, tmp_path: Path) -> None:
    page = tmp_path / "saved_page.txt"
    page.write_bytes((samples / "depot_report.html").read_bytes())
    lines = tmp_path / "export"  # no extension at all
    lines.write_bytes((samples / "wire.jsonl").read_bytes())
    items = list(read_paths([page, lines]))
    assert [i.format for i in items if isinstance(i, Article)] == [
        "html",
        "jsonl",
        "jsonl",
        "jsonl",
    ]


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder, text in (("a", "Ferries resumed on Friday."), ("b", "Schools reopened on Monday.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "update.txt").write_text(text + "\n")
    ids = [i.id for i in read_paths([tmp_path]) if isinstance(i, Article)]
    assert ids == ["update", "update-2"]


def test_oversized_jsonl_record_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "stream.jsonl"
    huge = '{"id": "huge", "text": "' + "word " * 300_000 + '"}'
    path.write_text(
        huge + '\n{"id": "small", "text": "Ferries resumed on Friday, operators said."}\n',
        encoding="utf-8",
    )
    items = list(read_paths([path], max_bytes=1_000_000))
    assert isinstance(items[0], IngestError)
    assert items[0].reason == "record too large: over the 1 MB limit (--max-bytes)"
    assert items[0].record == "1"
    assert isinstance(items[1], Article) and items[1].id == "small"


def test_unknown_extensions_are_refused_and_bare_names_read_as_text(tmp_path: Path) -> None:
    sheet = tmp_path / "figures.csv"
    sheet.write_text("date,containers\n2026-03-04,4200\n")
    bare = tmp_path / "NOTES"
    bare.write_text("Harbour reopened on Friday, the port authority said.\n")
    items = list(read_paths([sheet, bare]))
    assert isinstance(items[0], IngestError)
    assert items[0].reason.startswith("unsupported file type '.csv' (known: ")
    assert isinstance(items[1], Article) and items[1].id == "NOTES"


def test_gzipped_files_are_read_like_their_inner_format(samples: Path, tmp_path: Path) -> None:
    import gzip

    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress((samples / "wire.jsonl").read_bytes()))
    (tmp_path / "harbour_fire.txt.gz").write_bytes(
        gzip.compress((samples / "harbour_fire.txt").read_bytes())
    )
    items = list(read_paths([tmp_path / "harbour_fire.txt.gz", tmp_path / "wire.jsonl.gz"]))
    assert [i.id for i in items if isinstance(i, Article)] == [
        "harbour_fire",
        "wire-0412",
        "wire-2",
        "wire-0414",
    ]
    assert items[0].source.endswith("harbour_fire.txt.gz")


def test_truncated_gzip_keeps_earlier_lines(samples: Path, tmp_path: Path) -> None:
    import gzip
    import json
    import random

    rng = random.Random(5)
    words = [
        "port",
        "ferry",
        "crew",
        "depot",
        "fire",
        "harbour",
        "council",
        "vote",
        "strike",
        "rail",
        "road",
        "school",
    ]
    lines = "".join(
        json.dumps({"id": f"r{n}", "text": " ".join(rng.choice(words) for _ in range(40)) + "."})
        + "\n"
        for n in range(3000)
    )
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = list(read_paths([path]))
    assert isinstance(items[-1], IngestError)
    assert items[-1].reason.startswith("corrupt or truncated gzip file")
    assert 1000 < sum(isinstance(i, Article) for i in items) < 3000


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    (error,) = list(read_paths([path], max_bytes=1_000_000))
    assert isinstance(error, IngestError)
    assert error.reason == "file too large: over the 1 MB limit once decompressed (--max-bytes)"
