"""One search syntax for every backend: web-search style, never a syntax error.

    rail strike        both words (stemmed)
    "rail strike"      the phrase
    ferry OR bridge    either word
    depot -ferry       depot, not ferry
    engine*            prefix (SQLite only; PostgreSQL reads it as the word)

PostgreSQL reads this natively (`websearch_to_tsquery`); `to_fts5` writes it for SQLite FTS5.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)


def to_fts5(query: str) -> str | None:
    """The FTS5 MATCH expression for `query`, or None when it names no word to look for."""
    clauses: list[list[str]] = []
    negative: list[str] = []
    pending_or = False
    for token in _TOKEN.findall(query):
        if token.upper() == "OR":
            pending_or = bool(clauses)
            continue
        negated = token.startswith("-") and len(token) > 1
        term = _term(token[1:] if negated else token)
        if term is None:
            continue
        if negated:
            negative.append(term)
        elif pending_or:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    if not clauses:
        return None
    expression = " AND ".join("(" + " OR ".join(alternatives) + ")" for alternatives in clauses)
    return expression + "".join(f" NOT {term}" for term in negative)


def _term(token: str) -> str | None:
    prefix = token.endswith("*") and not token.startswith('"')
    words = _WORD.findall(token)
    if not words:
        return None
    phrase = '"' + " ".join(words) + '"'
    return phrase + "*" if prefix and len(words) == 1 else phrase
