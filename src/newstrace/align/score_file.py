"""`newstrace score-support`: score JSONL lines {"id", "source", "claim"} -> {"id", "score"}."""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.align.support import SupportChecker
from newstrace.settings import Settings


def score_support_file(in_path: str | Path, out_path: str | Path, settings: Settings) -> int:
    """Write one {"id", "score"} line per input line; returns how many were scored.

    A line that is not JSON or lacks "source"/"claim" raises ValueError naming the line.
    """
    checker = SupportChecker(settings)
    count = 0
    with (
        Path(in_path).open(encoding="utf-8") as src,
        Path(out_path).open("w", encoding="utf-8") as out,
    ):
        for line_number, line in enumerate(src, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                source, claim = record["source"], record["claim"]
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise ValueError(
                    f'{in_path}:{line_number}: expected a JSON object with "source" and '
                    f'"claim" ({err})'
                ) from err
            score = checker.score(str(source), str(claim))
            out.write(json.dumps({"id": record.get("id", line_number), "score": round(score, 6)}))
            out.write("\n")
            count += 1
    return count
