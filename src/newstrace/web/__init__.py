"""newstrace.web: the local web UI and JSON API over a store (needs the `web` extra)."""

from __future__ import annotations

try:
    from newstrace.web.app import create_app, run
except ImportError as exc:  # pragma: no cover - depends on installed extras
    raise ImportError(
        f"the web UI needs the `web` extra: pip install 'newstrace[web]' ({exc})"
    ) from exc

__all__ = ["create_app", "run"]
