"""Rule sentence splitting: offsets, paragraphs, abbreviations, closing quotes."""

from __future__ import annotations

from newstrace.analyze import split_sentences


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = (
        "Mr. Smith met Gov. Jane R. Doe in Washington, D.C. on Jan. 5 to discuss a 3.5 percent "
        "raise. The U.S. Army said it agreed."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Smith met Gov. Jane R. Doe in Washington, D.C. on Jan. 5 to discuss a 3.5 percent "
        "raise.",
        "The U.S. Army said it agreed.",
    ]


def test_closing_quote_stays_with_its_sentence_and_offsets_point_into_text() -> None:
    text = '"We are ready." He left.\n\nA new paragraph starts here! Does it?'
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        '"We are ready."',
        "He left.",
        "A new paragraph starts here!",
        "Does it?",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_one_paragraph_per_line_when_no_blank_lines() -> None:
    sentences = split_sentences("First line here.\nSecond line here.\nThird.")
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_sentences_glued_by_scraping_are_split_and_abbreviations_are_not() -> None:
    text = (
        "Two teenagers are accused of killing a couple, police said (AP).Less than a day "
        "later the FBI agreed to help.Both were arrested in December.A judge set bail. "
        "Mr.Reyes, of St.Louis, declined to comment."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Two teenagers are accused of killing a couple, police said (AP).",
        "Less than a day later the FBI agreed to help.",
        "Both were arrested in December.",
        "A judge set bail.",
        "Mr.Reyes, of St.Louis, declined to comment.",
    ]


def test_tokenised_lower_case_text_splits_at_stops_standing_alone() -> None:
    text = "physical activity can increase grey matter , study found . it can help balance ."
    assert [s.text for s in split_sentences(text)] == [
        "physical activity can increase grey matter , study found .",
        "it can help balance .",
    ]
