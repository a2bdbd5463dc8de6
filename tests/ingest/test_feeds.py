"""RSS and Atom feeds: one article per entry, stable ids, feed title as outlet."""

from __future__ import annotations

from pathlib import Path

from newstrace.ingest import read_paths
from newstrace.model import Article, IngestError


def test_rss_entries(samples: Path) -> None:
    items = list(read_paths([samples / "gazette.rss"]))
    assert all(isinstance(i, Article) for i in items)
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "eastportgazette-example-news-residents-return-after-depot-fire"
    assert first.outlet == "Eastport Gazette"
    assert first.author == "Helen Marsh"
    assert first.published == "2026-03-05T14:30:00Z"
    assert first.format == "feed"
    # full content:encoded is preferred over the short description
    assert first.text == (
        "Residents began returning to their homes on Wednesday after officials lifted the "
        'evacuation order.\n\n"It was a long night," said Maria Lopez, who spent it at a school gym.'
    )
    assert (
        second.text
        == "All twelve schools in Eastport reopened on Friday, the education department said."
    )
    assert second.url == "https://eastportgazette.example/news/schools-reopen"


def test_atom_entry(samples: Path) -> None:
    (entry,) = list(read_paths([samples / "agency.atom"]))
    assert isinstance(entry, Article)
    assert entry.outlet == "Regional Environment Agency"
    assert entry.published == "2026-03-05T16:00:00Z"
    assert entry.id == "tag-environment-agency-example-2026-press-117"
    assert entry.text.startswith("The agency has opened an independent inquiry")


def test_ids_are_stable_across_reads(samples: Path) -> None:
    def ids() -> list[str]:
        return [i.id for i in read_paths([samples / "gazette.rss"]) if isinstance(i, Article)]

    assert ids() == ids()


def test_feed_sniffed_from_xml_extension(samples: Path, tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes((samples / "gazette.rss").read_bytes())
    assert len([i for i in read_paths([path]) if isinstance(i, Article)]) == 2


def test_xml_that_is_not_a_feed(bad_inputs: Path) -> None:
    (error,) = list(read_paths([bad_inputs / "not_a_feed.xml"]))
    assert isinstance(error, IngestError)
    assert error.reason == "XML file is not an RSS or Atom feed"
