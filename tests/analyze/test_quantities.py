"""Figures: value, range, unit or counted noun, qualifier; years and dates are not figures."""

from __future__ import annotations

import pytest

from newstrace.analyze import Analyzer, extract_quantities
from newstrace.model import Article
from newstrace.settings import Settings

CASES = [
    # sentence, [(value, upper, unit, qualifier)]
    ("Germany will send more than 5,000 engineers.", [(5000, None, "engineers", "more_than")]),
    ("Between 40,000 and 45,000 people marched.", [(40000, 45000, "people", "range")]),
    ("The army moved 40,000 to 45,000 troops.", [(40000, 45000, "troops", "range")]),
    ("Between 3 and 5 battalions were deployed.", [(3, 5, "battalions", "range")]),
    ("The deal is worth $1.2 billion.", [(1.2e9, None, "USD", "exact")]),
    ("The fine was €500 million.", [(5e8, None, "EUR", "exact")]),
    ("Fewer than 200 howitzers arrived.", [(200, None, "howitzers", "less_than")]),
    ("Nearly three years have passed.", [(3, None, "years", "about")]),
    ("Approximately 12 km of road was lost.", [(12, None, "km", "about")]),
    ("Some 300 residents fled.", [(300, None, "residents", "about")]),
    ("Five nations signed the pact.", [(5, None, "nations", "exact")]),
    ("A dozen reporters waited outside.", [(12, None, "reporters", "exact")]),
    ("The concert drew 10k fans.", [(10000, None, "fans", "exact")]),
    ("Prices rose 4.5% in March.", [(4.5, None, "%", "exact")]),
    ("Unemployment fell to 6 percent.", [(6, None, "%", "exact")]),
    ("Over 1.2 million tonnes of grain were shipped.", [(1.2e6, None, "tonnes", "more_than")]),
    ("It has twenty-five members.", [(25, None, "members", "exact")]),
    # a qualifier opening a quotation or parenthesis still qualifies
    ('"More than 6,000 nurses stayed home," she said.', [(6000, None, "nurses", "more_than")]),
    ("(about 40 people were inside)", [(40, None, "people", "about")]),
    # a possessive determines the counted noun, it is not the noun
    ("All 38 of the city's bus routes were cut.", [(38, None, "routes", "exact")]),
    ("Some 900 of its members voted.", [(900, None, "members", "about")]),
    ("Fewer than half of the voters agreed.", [(0.5, None, "voters", "less_than")]),
    ("Police called 12 witnesses.", [(12, None, "witnesses", "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_figures(sentence: str, expected: list[tuple[float, float | None, str, str]]) -> None:
    found = [(q.value, q.upper, q.unit, q.qualifier) for q in extract_quantities(sentence, 0)]
    assert found == [(float(v), None if u is None else float(u), n, q) for v, u, n, q in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in 2014.",
        "He was born on March 5, 1961, in Ohio.",
        "The vote is on 12 June at 5 p.m.",
        "COVID-19 hit the G7 economies.",
        "She finished 3rd in the race.",
        "One of the officials resigned.",
        "The poll was taken Nov. 6 to 10.",
        "She managed to call 911 from the car.",
    ],
)
def test_years_dates_and_names_are_not_quantities(sentence: str) -> None:
    assert extract_quantities(sentence, 0) == []


def test_span_is_the_figure_as_written() -> None:
    (q,) = extract_quantities("Officials said more than 5,000 engineers were sent.", 0)
    assert q.span == "more than 5,000 engineers"


def test_owner_is_the_quote_speaker_or_the_cited_source() -> None:
    text = (
        "Interior Minister Karl Weber said 3,000 police officers would be deployed.\n\n"
        "According to Reuters, about 20,000 people attended.\n\n"
        "The square holds 50,000 people."
    )
    article = Article(id="f", source="mem", text=text)
    Analyzer(Settings.lexical(), embed=False).analyze([article])
    owners = {q.value: q.attributed_to for q in article.quantities}
    assert owners == {3000.0: "Karl Weber", 20000.0: "Reuters", 50000.0: None}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Benjamin Banky, 40, was shot.", [(40, "years")]),
        ("A 15-year-old boy was killed.", [(15, "years")]),
        ("During the two-hour service, he spoke.", [(2, "hour")]),
        ("Pirates foiled two hijack attempts.", [(2, "attempts")]),
        ("It hosts five Democratic presidential primaries.", [(5, "primaries")]),
        ("The firm lost £446million last year.", [(446e6, "GBP")]),
        ("AMD paid $334 million for it.", [(334e6, "USD")]),
        ("Battery life is 5 and 7 hours.", [(5, "hours"), (7, "hours")]),
    ],
)
def test_units_heads_ages_and_compounds(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in extract_quantities(sentence, 0)] == [
        (float(v), u) for v, u in expected
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Belgium won 1-0 against Israel.",
        "He dropped to 36 - 3 after the fight.",
        "The flaw affects IE 7 and Internet Explorer 6.",
        "No one was injured in the blaze.",
        "The quake hit at 7: 48 am local time.",
    ],
)
def test_scores_identifiers_and_times_are_not_figures(sentence: str) -> None:
    assert extract_quantities(sentence, 0) == []


def test_each_attribution_of_a_sentence_owns_its_own_figure() -> None:
    text = (
        "Finance Minister Ana Ruiz said taxes would rise by 5 percent, but opposition leader "
        "Carlos Vega argued that 3,000 jobs would go."
    )
    article = Article(id="t", source="mem", text=text)
    Analyzer(Settings.lexical(), embed=False).analyze([article])
    owners = {q.value: q.attributed_to for q in article.quantities}
    assert owners == {5.0: "Ana Ruiz", 3000.0: "Carlos Vega"}


def test_over_a_period_spreads_it_does_not_exceed() -> None:
    spread = extract_quantities("The union wants an 11 percent pay rise over two years.", 0)
    assert [(q.value, q.unit, q.qualifier) for q in spread][-1] == (2.0, "years", "exact")
    longer = extract_quantities("He has driven trains for over two years.", 0)
    assert [(q.value, q.qualifier) for q in longer] == [(2.0, "more_than")]
    crowd = extract_quantities("Over 5,000 people marched to the depot.", 0)
    assert [(q.value, q.qualifier) for q in crowd] == [(5000.0, "more_than")]


def test_a_compared_figure_counts_what_the_first_one_counts() -> None:
    text = "About 1,400 passenger trains were cancelled, out of roughly 2,400 that normally run."
    found = [(q.value, q.unit, q.qualifier) for q in extract_quantities(text, 0)]
    assert found == [(1400.0, "trains", "about"), (2400.0, "trains", "about")]
    separate = extract_quantities("The union has 7,800 members and 12 offices.", 0)
    assert [q.unit for q in separate] == ["members", "offices"]
