"""One settings object passed down the pipeline (no globals)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

EmbedderChoice = Literal["auto", "onnx", "torch", "lexical"]
NerChoice = Literal["auto", "spacy", "rules"]


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


@dataclass
class Settings:
    """What the pipeline may use. `auto` picks the best installed model and falls back to lexical.

    The choice actually made is recorded on each article (`Article.analyzed_with`) and in the
    dossier, so a reader always knows whether neural models or the lexical fallback ran.
    """

    embedder: EmbedderChoice = "auto"
    ner: NerChoice = "auto"
    progress: bool = True
    batch_size: int = 64
    # articles clustered between two durable checkpoints (NEWSTRACE_CHECKPOINT_EVERY): fewer
    # commits when large, less work redone after a kill when small
    checkpoint_every: int = field(
        default_factory=lambda: _env_int("NEWSTRACE_CHECKPOINT_EVERY", 256)
    )
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        """NEWSTRACE_EMBEDDER / NEWSTRACE_NER override the defaults (e.g. `lexical` in CI-light runs)."""
        s = cls()
        emb = os.environ.get("NEWSTRACE_EMBEDDER")
        if emb in ("auto", "onnx", "torch", "lexical"):
            s.embedder = emb  # type: ignore[assignment]
        ner = os.environ.get("NEWSTRACE_NER")
        if ner in ("auto", "spacy", "rules"):
            s.ner = ner  # type: ignore[assignment]
        return s

    @classmethod
    def lexical(cls) -> Settings:
        """No neural model at all: the documented fallback path."""
        return cls(embedder="lexical", ner="rules")
