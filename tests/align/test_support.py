"""SupportChecker: scores, labels and reasons on real-looking news sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.align import SupportChecker, score_support_file
from newstrace.align.features import text_features
from newstrace.settings import Settings

SOURCE = [
    "Fire crews battled a blaze at the Tessaly grain terminal in Port Marrow for most of Tuesday night.",
    "The fire spread to two storage silos holding about 18,000 tonnes of wheat.",
    'Harbour master Ingrid Solberg said 140 firefighters had been sent. "The silos are still burning inside," Solberg said.',
    "Solberg briefed Halloran at the terminal gates before dawn on Wednesday.",
    "Police said they were not treating the fire as suspicious.",
]


@pytest.fixture(scope="module")
def checker() -> SupportChecker:
    return SupportChecker(Settings.lexical())


def test_a_restated_sentence_is_supported(checker: SupportChecker) -> None:
    verdict = checker.check(
        SOURCE, "The fire spread to two silos that held about 18,000 tonnes of wheat."
    )
    assert verdict.label == "supported"
    assert verdict.evidence == SOURCE[1]
    assert verdict.reason == ""


def test_a_changed_number_is_altered_with_the_source_sentence(checker: SupportChecker) -> None:
    verdict = checker.check(
        SOURCE, "The fire spread to two storage silos holding about 80,000 tonnes of wheat."
    )
    assert verdict.label == "altered"
    assert verdict.reason == "number 18,000 tonnes -> 80,000 tonnes"
    assert verdict.evidence == SOURCE[1]


def test_a_changed_day_of_the_month_is_altered(checker: SupportChecker) -> None:
    source = ["The court will sentence Orozco on May 31, prosecutors said."]
    verdict = checker.check(source, "Orozco is due to be sentenced on May 13, prosecutors said.")
    assert (verdict.label, verdict.reason) == ("altered", "date May 31 -> May 13")
    same = checker.check(source, "Prosecutors said Orozco would be sentenced on 31 May.")
    assert same.label == "supported"


def test_swapped_roles_are_altered(checker: SupportChecker) -> None:
    verdict = checker.check(
        SOURCE, "Halloran briefed Solberg at the terminal gates before dawn on Wednesday."
    )
    assert verdict.label == "altered"
    assert verdict.reason.startswith("roles swapped")


def test_a_dropped_negation_is_altered(checker: SupportChecker) -> None:
    verdict = checker.check(SOURCE, "Police said they were treating the fire as suspicious.")
    assert (verdict.label, verdict.reason) == ("altered", "negation removed: not treat")


def test_a_quote_given_to_someone_else_is_altered(checker: SupportChecker) -> None:
    verdict = checker.check(SOURCE, '"The silos are still burning inside," Halloran said.')
    assert verdict.label == "altered"
    assert verdict.reason == "speaker changed: Solberg -> Halloran"


def test_an_invented_quote_is_unsupported(checker: SupportChecker) -> None:
    verdict = checker.check(
        SOURCE, '"Someone will have to answer for this disaster," said union leader Aksel Brandt.'
    )
    assert (verdict.label, verdict.reason) == ("unsupported", "quote not in any source")


def test_an_added_detail_is_unsupported(checker: SupportChecker) -> None:
    verdict = checker.check(SOURCE, "Insurers estimate the damage at 40 million dollars.")
    assert verdict.label == "unsupported"
    assert "not in any source" in verdict.reason


def test_score_orders_support(checker: SupportChecker) -> None:
    text = " ".join(SOURCE)
    faithful = checker.score(
        text, "A blaze at the Tessaly grain terminal spread to two storage silos."
    )
    invented = checker.score(
        text, "The mayor ordered the evacuation of 3,000 residents from Lowmarsh."
    )
    assert 0.0 <= invented < faithful <= 1.0
    assert faithful > 0.5 > invented


def test_score_support_file_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    rows = [
        {
            "id": "ok",
            "source": " ".join(SOURCE),
            "claim": "Police said they were not treating the fire as suspicious.",
        },
        {
            "id": "bad",
            "source": " ".join(SOURCE),
            "claim": "Police arrested three men for starting the fire on purpose.",
        },
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    assert score_support_file(source, out, Settings.lexical()) == 2
    scores = {r["id"]: r["score"] for r in map(json.loads, out.read_text().splitlines())}
    assert scores["ok"] > 0.5 > scores["bad"]


def test_score_support_file_names_the_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"id": 1, "source": "a", "claim": "b"}\n{"id": 2, "claim": "no source"}\n')
    with pytest.raises(ValueError, match=r"pairs.jsonl:2"):
        score_support_file(source, tmp_path / "out.jsonl", Settings.lexical())


def test_numbers_are_read_from_the_figures_layer() -> None:
    (sentence,) = text_features(
        "About 2.5 million people, 5,000 engineers, 12% and twenty buses.", Settings.lexical()
    )
    assert [f.value for f in sentence.figures] == [2_500_000.0, 5000.0, 12.0, 20.0]
    assert [f.unit for f in sentence.figures] == ["people", "engineer", "percent", "buse"]


def test_negation_names_the_denied_word() -> None:
    (stayed,) = text_features("He did not stay in the unit.", Settings.lexical())
    (came,) = text_features("No fewer than 40 people came.", Settings.lexical())
    assert stayed.denied == {"stay"}
    assert came.denied == frozenset() and came.negations == 0


def test_the_checker_reads_the_analyzers_sentences() -> None:
    text = 'Mr. Vang went home. "It was awful," he said. Then U.S. ships left.'
    assert [f.text for f in text_features(text, Settings.lexical())] == [
        "Mr. Vang went home.",
        '"It was awful," he said.',
        "Then U.S. ships left.",
    ]
