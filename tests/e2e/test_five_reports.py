"""The issue's check: `newstrace dossier` on five plain-text reports returns in under a minute
(models loaded in the command itself) and fills every section of the dossier.

tests/data/five_reports/ is a fictional river-leak story:
northline-osk-leak (wire, 11 May 08:00) -> greywick-herald-osk-leak (verbatim copy, "(Northline)"),
-> trendwire-osk-leak (rewrite, 12 May: invented quote by mayor Paul Ingram, 12,000 -> 120,000
litres); lanmoor-standard-osk-leak (independent report); northline-osk-followup (14 May, a later
event: production halted, 5,200 dead fish).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import FIVE_REPORTS, DossierRun, write_dossier

pytestmark = pytest.mark.slow

SECTIONS = (
    "articles",
    "stories",
    "derivations",
    "flags",
    "quotes",
    "quantities",
    "entities",
    "claims",
)


@pytest.fixture(scope="module")
def five(tmp_path_factory: pytest.TempPathFactory) -> DossierRun:
    files = sorted(FIVE_REPORTS.glob("*.txt"))
    assert len(files) == 5
    return write_dossier(files, tmp_path_factory.mktemp("five") / "dossier.json")


def test_dossier_returns_in_under_a_minute(five: DossierRun) -> None:
    assert five.seconds < 60, f"dossier on five reports took {five.seconds:.1f}s"


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_is_filled(five: DossierRun, section: str) -> None:
    assert five.data[section], f"section {section!r} is empty"


def test_ids_are_the_file_stems(five: DossierRun) -> None:
    stems = sorted(p.stem for p in Path(FIVE_REPORTS).glob("*.txt"))
    assert sorted(a["id"] for a in five.data["articles"]) == stems


def test_copy_and_rewrite_point_back_to_the_wire(five: DossierRun) -> None:
    pairs = {(d["source"], d["derived"]) for d in five.data["derivations"]}
    assert ("northline-osk-leak", "greywick-herald-osk-leak") in pairs
    assert ("northline-osk-leak", "trendwire-osk-leak") in pairs
    derived = {d for _, d in pairs}
    assert "lanmoor-standard-osk-leak" not in derived


def test_rewrite_flags_the_invented_quote_and_the_changed_figure(five: DossierRun) -> None:
    flags = [f for f in five.data["flags"] if f["article"] == "trendwire-osk-leak"]
    unsupported = [f for f in flags if f["kind"] == "unsupported"]
    altered = [f for f in flags if f["kind"] == "altered"]
    assert any("shut this plant down for good" in f["text"] for f in unsupported)
    assert any("120,000 litres" in f["text"] for f in altered)


def test_follow_up_is_a_later_event_of_the_same_story(five: DossierRun) -> None:
    assert len(five.data["stories"]) == 1
    events = {a: e["id"] for e in five.data["stories"][0]["events"] for a in e["articles"]}
    assert events["northline-osk-followup"] != events["northline-osk-leak"]
    first_day = {events[a] for a in events if a != "northline-osk-followup"}
    assert len(first_day) == 1, "the four reports of 11-12 May are one event"
