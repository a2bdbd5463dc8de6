"""Facts a rewrite changes without changing the wording much: opposites, voice, swapped names,
a figure of another thing, and spellings that change nothing (real-looking news sentences)."""

from __future__ import annotations

import pytest

from newstrace.align import SupportChecker
from newstrace.settings import Settings


@pytest.fixture(scope="module")
def checker() -> SupportChecker:
    return SupportChecker(Settings.lexical())


def test_a_word_traded_for_its_opposite_is_altered(checker: SupportChecker) -> None:
    source = ["The city council approved the stadium plan on Monday by a vote of seven to two."]
    verdict = checker.check(
        source, "The city council rejected the stadium plan on Monday by a vote of seven to two."
    )
    assert (verdict.label, verdict.reason) == ("altered", "opposite: approved -> rejected")
    assert verdict.evidence == source[0]


def test_a_turned_around_clause_is_no_opposite(checker: SupportChecker) -> None:
    source = ["The ferry left the harbour at Brisk Point before the storm reached the coast."]
    verdict = checker.check(
        source, "After the ferry left the harbour at Brisk Point, the storm reached the coast."
    )
    assert not verdict.reason.startswith("opposite")


def test_a_denied_opposite_restates(checker: SupportChecker) -> None:
    source = ["The city council rejected the stadium plan on Monday evening."]
    verdict = checker.check(source, "The city council did not approve the stadium plan on Monday.")
    assert not verdict.reason.startswith("opposite")


def test_a_passive_made_active_in_the_same_order_swaps_the_roles(checker: SupportChecker) -> None:
    source = ["A delivery van was struck by a tram on Harbour Street early on Friday morning."]
    swapped = checker.check(
        source, "A delivery van struck a tram on Harbour Street early on Friday morning."
    )
    assert swapped.label == "altered"
    assert swapped.reason.startswith("roles swapped")
    turned = checker.check(
        source, "A tram struck a delivery van on Harbour Street early on Friday morning."
    )
    assert not turned.reason.startswith("roles swapped")
    no_actor = checker.check(source, "A delivery van was struck on Harbour Street on Friday.")
    assert not no_actor.reason.startswith("roles swapped")


def test_two_names_trading_places_around_a_dropped_detail(checker: SupportChecker) -> None:
    source = ["In the second round, Okafor beat the defending champion Lindqvist in straight sets."]
    verdict = checker.check(source, "In the second round, Lindqvist beat Okafor in straight sets.")
    assert verdict.label == "altered"
    assert verdict.reason.startswith("roles swapped")
    assert "Okafor" in verdict.reason and "Lindqvist" in verdict.reason


def test_a_number_given_for_another_thing_does_not_cover_a_change(
    checker: SupportChecker,
) -> None:
    source = [
        "The couple married three weeks ago in Dunmore.",
        "The driver is survived by his wife and two daughters, relatives said.",
    ]
    verdict = checker.check(source, "The driver is survived by his wife and three daughters.")
    assert (verdict.label, verdict.reason) == (
        "altered",
        "number two daughters -> three daughters",
    )


def test_a_place_spelled_out_or_by_its_initials_is_the_same_place(
    checker: SupportChecker,
) -> None:
    source = [
        "The team will play its home games at a new arena in Sacramento, Calif., next season.",
        "The film's premiere was held in Los Angeles on Sunday night.",
    ]
    spelled = checker.check(
        source, "The team will play its home games at a new arena in Sacramento, California."
    )
    assert spelled.label == "supported"
    initials = checker.check(source, "The film's premiere was held in LA on Sunday night.")
    assert initials.label == "supported"


def test_a_name_from_elsewhere_in_the_story_put_in_anothers_place(
    checker: SupportChecker,
) -> None:
    source = [
        "In the final at Valdemar Park on Sunday, Ortega beat Ruiz in three sets.",
        "Earlier in the week, Chen went out in the quarter-finals after a long rain delay.",
    ]
    verdict = checker.check(
        source, "In the final at Valdemar Park on Sunday, Chen beat Ruiz in three sets."
    )
    assert (verdict.label, verdict.reason) == ("altered", "name Ortega -> Chen")
    same = checker.check(
        source, "On Sunday, in the Valdemar Park final, Ortega beat Ruiz in three sets."
    )
    assert same.label == "supported"
