"""Quoted passages: every kind of quotation mark, titles told apart from speech, and quotes
left open at a paragraph's end (the multi-paragraph convention)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from newstrace.analyze.quotes.patterns import QUOTE_PATTERNS
from newstrace.lang.en.speakers import TITLE_SMALL_WORDS


@dataclass
class Span:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    open_len: int = 1  # length of the opening and closing marks ('' and `` are two)
    close_len: int = 1


def find_quote_spans(text: str) -> list[Span]:
    """Quoted passages (content without the marks), non-overlapping, in text order."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []  # sorted and disjoint: one bisection per candidate
    for pattern in QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            a, b = match.start(), match.end()
            if _overlaps(taken, a, b) or not match.group(1).strip():
                continue
            bisect.insort(taken, (a, b))
            spans.append(
                Span(
                    match.start(1),
                    match.end(1),
                    match.group(1),
                    match.start(1) - match.start(),
                    match.end() - match.end(1),
                )
            )
    spans.extend(_open_paragraph_spans(text, taken))
    spans.sort(key=lambda s: s.start)
    return spans


def _overlaps(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the sorted, disjoint intervals of `taken`."""
    at = bisect.bisect_left(taken, (b, b))  # intervals before it start before b
    return at > 0 and taken[at - 1][1] > a


_OPENERS = '“"‘'
_PARAGRAPH_LINE = re.compile(r"[^\n]+")


TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z .'’\-]{1,30}:\s*")


def _open_paragraph_spans(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Paragraphs of a quote that runs on: the paragraph opens a quotation that it does not
    close, and the next paragraph opens one again (the convention for multi-paragraph quotes)."""
    lines = [m for m in _PARAGRAPH_LINE.finditer(text) if m.group(0).strip()]
    out: list[Span] = []
    for line, nxt in itertools.pairwise(lines):
        body = line.group(0)
        lead = len(body) - len(body.lstrip())
        mark = body[lead : lead + 1]
        if not mark or mark not in _OPENERS or not nxt.group(0).lstrip().startswith(mark):
            continue
        start = line.start() + lead
        if _overlaps(taken, start, start + 1):
            continue  # the paragraph's quotation is closed
        end = line.end() - (len(body) - len(body.rstrip()))
        if end - start < 12:
            continue
        label = TRANSCRIPT_LABEL.match(text, start + 1)  # '"PENCE: Well, ...': a transcript line
        if label:  # names its own speaker; the quote is what follows the label
            bisect.insort(taken, (start, end))
            out.append(Span(label.end(), end, text[label.end() : end], label.end() - start, 0))
            continue
        bisect.insort(taken, (start, end))
        out.append(Span(start + 1, end, text[start + 1 : end], 1, 0))
    return out


def looks_like_title(quoted: str) -> bool:
    """A quoted title: up to eight words, each capitalised save small function words."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", quoted)
    if not words or len(words) > 8 or quoted.strip()[-1:] in "?!":
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words) and any(
        w[:1].isupper() for w in words[1:]
    )
