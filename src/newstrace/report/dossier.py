"""The dossier: everything newstrace found, as JSON that validates against dossier.schema.json.

The schema ships inside the package (report/dossier.schema.json) so the contract travels with the
product; `validate_dossier` checks a dossier against it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from importlib import resources
from typing import Any

from newstrace.model import Article, Entity, Story, StoryProvenance

SCHEMA_ID = "newstrace.dossier/1"

JSON = dict[str, Any]


def load_schema() -> JSON:
    """The dossier JSON schema shipped with the package."""
    text = resources.files("newstrace.report").joinpath("dossier.schema.json").read_text("utf-8")
    schema: JSON = json.loads(text)
    return schema


def validate_dossier(dossier: JSON) -> None:
    """Raise jsonschema.ValidationError when `dossier` breaks the contract."""
    import jsonschema

    jsonschema.validate(dossier, load_schema())


def _article_row(article: Article, story: str | None, event: str | None) -> JSON:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "author": article.author,
        "url": article.url,
        "format": article.format,
        "story": story,
        "event": event,
        "sentences": len(article.sentences),
        "cited_sources": list(article.cited_sources),
        "analyzed_with": article.analyzed_with,
    }


def _story_row(story: Story) -> JSON:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "events": [
            {"id": e.id, "title": e.title, "articles": list(e.articles)} for e in story.events
        ],
    }


def _merge_entities(groups: Iterable[tuple[str, list[Entity]]]) -> list[JSON]:
    """One row per (name, type) across stories; a row lists the stories it appears in."""
    merged: dict[tuple[str, str], JSON] = {}
    for story_id, entities in groups:
        for ent in entities:
            row = merged.setdefault(
                (ent.name, ent.type),
                {"name": ent.name, "type": ent.type, "aliases": [], "articles": [], "stories": []},
            )
            for alias in ent.aliases:
                if alias not in row["aliases"]:
                    row["aliases"].append(alias)
            for art in ent.articles:
                if art not in row["articles"]:
                    row["articles"].append(art)
            row["stories"].append(story_id)
    return sorted(merged.values(), key=lambda r: (-len(r["articles"]), r["name"]))


def build_dossier(
    articles: list[Article],
    stories: list[Story],
    provenance: list[StoryProvenance],
    pipeline: JSON | None = None,
) -> JSON:
    """Assemble the dossier from analysed articles, their stories and each story's provenance."""
    story_of: dict[str, str] = {}
    event_of: dict[str, str] = {}
    for story in stories:
        for aid in story.articles:
            story_of[aid] = story.id
        for event in story.events:
            for aid in event.articles:
                event_of[aid] = event.id

    quotes: list[JSON] = []
    quantities: list[JSON] = []
    for art in articles:
        for q in art.quotes:
            quotes.append(
                {
                    "article": art.id,
                    "speaker": q.speaker,
                    "text": q.text,
                    "kind": q.kind,
                    "cue": q.cue,
                    "speaker_text": q.speaker_text,
                    "sentence": q.sentence,
                }
            )
        for n in art.quantities:
            quantities.append(
                {
                    "article": art.id,
                    "value": n.value,
                    "upper": n.upper,
                    "unit": n.unit,
                    "qualifier": n.qualifier,
                    "text": n.text,
                    "span": n.span,
                    "attributed_to": n.attributed_to,
                    "sentence": n.sentence,
                }
            )

    derivations: list[JSON] = []
    possible: list[JSON] = []
    flags: list[JSON] = []
    claims: list[JSON] = []
    for prov in provenance:
        for d in prov.derivations:
            # a link below the bar is a possible rewrite, kept apart so that no reader of
            # `derivations` takes it for a sure one (nor its absence for independence)
            (derivations if d.strength == "derived" else possible).append(
                {
                    "source": d.source,
                    "derived": d.derived,
                    "score": round(min(1.0, max(0.0, d.score)), 4),
                    "kind": d.kind,
                    "shared_sentences": d.shared_sentences,
                    "strength": d.strength,
                    "direction": d.direction,
                    "direction_evidence": d.direction_evidence,
                    "group": d.group,
                    "story": prov.story,
                }
            )
        for f in prov.flags:
            flags.append(
                {
                    "article": f.article,
                    "kind": f.kind,
                    "text": f.text,
                    "evidence": [asdict(e) for e in f.evidence],
                    "score": round(f.score, 4),
                    "reason": f.reason,
                    "sentence": f.sentence,
                    "story": prov.story,
                }
            )
        for c in prov.claims:
            claims.append(
                {
                    "id": c.id,
                    "text": c.text,
                    "articles": list(c.articles),
                    "contradicted_by": list(c.contradicted_by),
                    "attributed_to": c.attributed_to,
                    "story": prov.story,
                }
            )

    dossier: JSON = {
        "schema": SCHEMA_ID,
        "pipeline": pipeline or {},
        "articles": [_article_row(a, story_of.get(a.id), event_of.get(a.id)) for a in articles],
        "stories": [_story_row(s) for s in stories],
        "derivations": derivations,
        "possible_derivations": possible,
        "flags": flags,
        "quotes": quotes,
        "quantities": quantities,
        "entities": _merge_entities((p.story, p.entities) for p in provenance),
        "claims": claims,
    }
    return dossier
