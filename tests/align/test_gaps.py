"""A rewrite's sentence between two aligned pairs is paired with its source sentence there."""

from __future__ import annotations

from newstrace.align import align_articles
from newstrace.align.features import hours, text_features
from newstrace.align.sentences import fill_gaps
from newstrace.model import Article
from newstrace.settings import Settings

SOURCE = (
    "Bus drivers in Kessel walked out on Tuesday in the first city-wide strike in a decade. "
    "The drivers' union is demanding a 9 percent pay rise; the city has offered 3 percent. "
    "Night buses on all routes were cancelled and the tram network ran a reduced timetable. "
    "Mayor Ingrid Falk urged both sides to return to talks and said the city could not pay more. "
    "The union said a second 48-hour strike will begin next Monday unless the offer improves."
)
REWRITE = (
    "Bus drivers in Kessel walked out on Tuesday in the first city-wide strike in a decade. "
    "Drivers want a 9 percent raise, while city hall has put 5 percent on the table. "
    "Night buses on all routes were cancelled and the tram network ran a reduced timetable. "
    "Mayor Ingrid Falk called on the two sides to get back to talks, saying the money is not there. "
    "Residents told us they had waited for hours in the rain. "
    "The union said a second 48-hour strike will begin next Monday unless the offer improves."
)


def _pairs() -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    source, rewrite = Article("src", "src", SOURCE), Article("der", "der", REWRITE)
    first = align_articles(source, rewrite)
    filled = fill_gaps(source, rewrite, first)
    as_tuples = [(p.derived_sentence, p.source_sentence, p.relation) for p in filled]
    return [(p.derived_sentence, p.source_sentence, p.relation) for p in first], as_tuples


def test_reworded_sentences_between_anchors_are_paired_in_order() -> None:
    first, filled = _pairs()
    assert (0, 0, "shared") in first and (2, 2, "shared") in first
    paired = {(i, j) for i, j, _ in filled}
    assert (3, 3) in paired  # the mayor's appeal, reworded
    assert (1, 1) in paired  # the offer, reworded and changed
    assert len(filled) > len(first)


def test_a_changed_figure_found_in_a_gap_is_altered() -> None:
    _, filled = _pairs()
    assert (1, 1, "altered") in filled


def test_a_new_sentence_in_a_gap_stays_unpaired() -> None:
    _, filled = _pairs()
    assert 4 not in {i for i, _, _ in filled}  # residents' remark: no source says it


def test_without_anchors_nothing_is_filled() -> None:
    source, rewrite = Article("src", "src", SOURCE), Article("der", "der", REWRITE)
    assert fill_gaps(source, rewrite, []) == []


def test_times_of_day_are_not_figures() -> None:
    text = "The first bus left at 6 a.m., the last at 11:30, and by eight o'clock 40 buses ran."
    (sentence,) = text_features(text, Settings.lexical())
    assert [f.value for f in sentence.figures] == [40.0]


def test_durations_compare_in_hours() -> None:
    (one,) = text_features("The union called a 48-hour strike.", Settings.lexical())
    (other,) = text_features("The union called a two-day strike.", Settings.lexical())
    (buses,) = text_features("The city sent 40 buses.", Settings.lexical())
    assert hours(one.figures[0]) == hours(other.figures[0]) == 48.0
    assert hours(buses.figures[0]) is None
