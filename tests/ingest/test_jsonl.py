"""JSON Lines: one article per line, a bad line is one error naming the line."""

from __future__ import annotations

from pathlib import Path

from newstrace.ingest import read_paths
from newstrace.model import Article, IngestError


def test_records_with_and_without_optional_fields(samples: Path) -> None:
    items = list(read_paths([samples / "wire.jsonl"]))
    assert [type(i) for i in items] == [Article, Article, Article]
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert first.id == "wire-0412"
    assert first.outlet == "Harbour Wire"
    assert first.author == "Lena Fischer"
    assert first.url == "https://harbourwire.example/0412"
    assert first.published == "2026-03-05T08:15:00Z"
    assert first.format == "jsonl"
    assert "\n\nAir quality tests" in first.text
    assert second.id == "wire-2"  # no id field: <stem>-<line>
    assert second.published == "2026-03-05T12:00:00Z"
    assert third.title is None and third.outlet is None


def test_malformed_lines_are_reported_and_the_rest_ingested(bad_inputs: Path) -> None:
    items = list(read_paths([bad_inputs / "malformed.jsonl"]))
    articles = [i.id for i in items if isinstance(i, Article)]
    errors = {e.record: e.reason for e in items if isinstance(e, IngestError)}
    assert articles == ["ok-1", "ok-2", "ok-4"]
    assert set(errors) == {"3", "5", "6"}
    assert errors["3"].startswith("invalid JSON on line 3:")
    assert errors["5"] == "expected a JSON object, got list"
    assert errors["6"] == "missing required field 'text'"
    error = next(e for e in items if isinstance(e, IngestError))
    assert str(error).startswith(f"{bad_inputs / 'malformed.jsonl'}:3: invalid JSON on line 3")


def test_invalid_json_message_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "a", "text": "Harbour closed."}\n{"id": "b" "text": "x"}\n', encoding="utf-8"
    )
    items = list(read_paths([path]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError)
    assert items[1].reason.startswith("invalid JSON on line 2: Expecting ',' delimiter")


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(
        '[{"title": "Bridge closed", "text": "The Harlow bridge was closed for repairs on Monday."},'
        ' {"id": "b-7", "body": "Repairs are expected to take three weeks, engineers said."}]',
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["batch-1", "b-7"]


def test_html_in_the_text_field_is_reduced_to_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    path.write_text(
        '{"id": "s1", "text": "<p>The bridge reopened on Monday.</p><p>Tolls were <b>waived</b> '
        'for a week.</p>"}\n{"id": "s2", "text": "Prices rose 3 < 5 percent, officials said."}\n',
        encoding="utf-8",
    )
    first, second = list(read_paths([path]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "The bridge reopened on Monday.\n\nTolls were waived for a week."
    assert second.text == "Prices rose 3 < 5 percent, officials said."
