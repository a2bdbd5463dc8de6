"""Provenance round trip: derivations with pairs, flags with evidence, claims, entities."""

from __future__ import annotations

import pytest

from newstrace.model import (
    Claim,
    Derivation,
    Entity,
    Evidence,
    Flag,
    SentencePair,
    StoryProvenance,
)
from newstrace.store import Store


def _provenance(story: str = "s1") -> StoryProvenance:
    return StoryProvenance(
        story=story,
        derivations=[
            Derivation(
                source="wire-0412",
                derived="gazette-7",
                score=0.93,
                kind="syndication",
                shared_sentences=5,
                direction_evidence="published earlier",
                pairs=[
                    SentencePair("wire-0412", 0, "gazette-7", 1, 0.98, "shared"),
                    SentencePair("wire-0412", 3, "gazette-7", 4, 0.81, "altered"),
                ],
            ),
            Derivation(source="gazette-7", derived="blog-2", score=0.41),
        ],
        flags=[
            Flag(
                "gazette-7",
                "altered",
                "Some 20,000 residents were evacuated.",
                [Evidence("wire-0412", "More than 2,000 residents were evacuated.")],
                score=0.88,
                sentence=4,
                reason="number 2,000 -> 20,000",
            ),
            Flag(
                "blog-2",
                "unsupported",
                "The owner had been warned twice.",
                [],
                0.7,
                6,
                "not in any source",
            ),
        ],
        claims=[
            Claim(
                "c1",
                "More than 2,000 residents were evacuated",
                ["wire-0412", "gazette-7"],
                ["blog-2"],
                "county emergency office",
                {"wire-0412": 0, "gazette-7": 1},
            ),
        ],
        entities=[
            Entity(
                "Daniel Okafor", "PERSON", ["Okafor", "the fire chief"], ["wire-0412", "gazette-7"]
            ),
            Entity("Norland Logistics", "ORG", [], ["wire-0412"]),
        ],
    )


def test_round_trip(store: Store) -> None:
    result = _provenance()
    store.save_provenance(result)
    assert store.get_provenance("s1") == result
    assert store.get_provenance("unknown") is None


def test_empty_provenance_is_not_none(store: Store) -> None:
    store.save_provenance(StoryProvenance("quiet"))
    assert store.get_provenance("quiet") == StoryProvenance("quiet")


def test_save_replaces_the_story_only(store: Store) -> None:
    store.save_provenance(_provenance("s1"))
    store.save_provenance(_provenance("s2"))
    smaller = StoryProvenance("s1", flags=[Flag("x", "contradiction", "t")])
    store.save_provenance(smaller)
    assert store.get_provenance("s1") == smaller
    assert store.get_provenance("s2") == _provenance("s2")


def test_failed_save_changes_nothing(store: Store) -> None:
    store.save_provenance(_provenance())
    broken = _provenance()
    broken.claims.append(Claim("c2", "bad", sentences={"a": object()}))  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        store.save_provenance(broken)
    assert store.get_provenance("s1") == _provenance()
