"""`newstrace score-support`: score JSONL lines {"id", "source", "claim"} -> {"id", "score"}.

Source and claim are analysed by the same analyzer as every article (sentences, names,
figures, quotes, vectors), and scored by the same checker that decides flags.
"""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.align.support import SupportChecker
from newstrace.analyze import Analyzer
from newstrace.model import Article
from newstrace.settings import Settings


def score_support_file(in_path: str | Path, out_path: str | Path, settings: Settings) -> int:
    """Write one {"id", "score"} line per input line; returns how many were scored.

    A line that is not JSON or lacks "source"/"claim" raises ValueError naming the line.
    """
    checker = SupportChecker(settings)
    analyzer = Analyzer(settings)
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
            pair = [
                Article(id=f"{line_number}-source", source=str(in_path), text=str(source)),
                Article(id=f"{line_number}-claim", source=str(in_path), text=str(claim)),
            ]
            analyzer.analyze(pair)
            score = checker.score_analysed(pair[0], pair[1])
            out.write(json.dumps({"id": record.get("id", line_number), "score": round(score, 6)}))
            out.write("\n")
            count += 1
    return count
