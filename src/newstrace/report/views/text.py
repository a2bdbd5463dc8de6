"""How an article reads: its sentences, labels, dates, figures, and word-level diffs."""

from __future__ import annotations

import difflib
import re

from newstrace.lexicon import NUMBER_WORDS
from newstrace.model import Article, Sentence
from newstrace.report.views.types import UNDATED, Segment, SegmentOp

_FALLBACK_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
WORDS = re.compile(r"\w+", re.UNICODE)
_DIGITS = re.compile(r"(\d+)")
# tokens for word diffs: "14,000" and "don't" stay whole, white space is kept
_TOKEN = re.compile(r"\s+|\d[\d,.]*\d|\w+(?:['’]\w+)*|[^\s\w]", re.UNICODE)


def sentences_of(article: Article) -> list[Sentence]:
    """The article's sentences; a plain split when it was never analysed."""
    if article.sentences:
        return article.sentences
    out: list[Sentence] = []
    pos = 0
    for i, piece in enumerate(p for p in _FALLBACK_SENTENCE.split(article.text) if p.strip()):
        start = article.text.find(piece, pos)
        out.append(Sentence(index=i, text=piece.strip(), start=start, end=start + len(piece)))
        pos = max(pos, start + len(piece))
    return out


# an untitled article is called by its opening words, cut at a word boundary near this length
LEAD_LABEL_CHARS = 80


def label_of(article: Article) -> str:
    """What to call an article: its title; else its opening words in quotation marks (a plain
    text file often has no headline, and its id already names it beside the title), else its
    outlet, else its id."""
    if article.title:
        return article.title
    lead = " ".join(article.text[: 2 * LEAD_LABEL_CHARS].split())  # no need to split it all
    if not lead:
        return article.outlet or article.id
    if len(lead) > LEAD_LABEL_CHARS:
        cut = lead[: LEAD_LABEL_CHARS + 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        return f"“{cut}…”"
    return f"“{lead}…”" if len(article.text) > 2 * LEAD_LABEL_CHARS else f"“{lead}”"


def outlet_of(article: Article) -> str:
    """The outlet; where it is unknown, the article's id (a file's name without extension), so
    that unsourced articles stay told apart instead of merging into one "unknown outlet"."""
    return article.outlet or article.id


def day_of(published: str | None) -> str:
    """The calendar day (UTC) of an ISO timestamp, or `undated`."""
    return published[:10] if published and len(published) >= 10 else UNDATED


def publication_order(article: Article) -> tuple[int, str, list[tuple[int, str]]]:
    """Sort key: dated articles first, oldest first; ties by id, numbers in it as numbers
    ("doc_2" before "doc_10")."""
    natural = [(int(p), "") if p.isdigit() else (-1, p) for p in _DIGITS.split(article.id) if p]
    return (0 if article.published else 1, article.published or "", natural)


def relation_label(relation: str, compare: bool = False) -> str:
    """How a diff row's relation reads. In a comparison of two articles of the reader's choice
    neither is claimed to be the other's source, so "added" and "omitted" say which side has
    the text (the HTML macro `relation_label` in sections.html.j2 says the same)."""
    if compare:
        return {"added": "left only", "omitted": "right only"}.get(relation, relation)
    return relation


def format_number(value: float) -> str:
    """5000.0 -> '5,000'; 3.5 -> '3.5'."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"


def format_figure(value: float, qualifier: str, upper: float | None, span: str = "") -> str:
    """A figure as a reader says it: 'more than 5,000', 'about 3.5', '10–12'. The qualifier is
    the one written before the number where the span has it ('at least 4', 'up to 90', 'as
    many as 400'): the model's three classes put "at least" with "more than" and "up to" with
    "less than", which a reader checking a figure must not be told."""
    number = format_number(value)
    if qualifier == "range" and upper is not None:
        return f"{number}–{format_number(upper)}"
    if qualifier in ("more_than", "less_than", "about"):
        written = qualifier_as_written(span)
        if written:
            return f"{written} {number}"
    prefix = {"more_than": "more than ", "less_than": "less than ", "about": "about "}
    return prefix.get(qualifier, "") + number


# how many words a qualifier written before a figure may have ("in excess of", "no fewer than")
_QUALIFIER_MAX_WORDS = 3


def qualifier_as_written(span: str) -> str:
    """The words before the number of a figure's span, lower-cased ("At least 4 km" -> "at
    least"); empty when the number comes first or the span is empty."""
    words = span.split()
    for i, word in enumerate(words):
        bare = word.strip("\"“‘'(").lower()
        if any(c.isdigit() for c in bare) or bare in NUMBER_WORDS:
            if 0 < i <= _QUALIFIER_MAX_WORDS:
                return " ".join(w.strip("\"“‘'(") for w in words[:i]).lower()
            return ""
    return ""


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(source_text: str, derived_text: str) -> tuple[list[Segment], list[Segment]]:
    """Token-level diff of two sentences: (source segments, derived segments)."""
    a, b = _tokens(source_text), _tokens(derived_text)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    src: list[Segment] = []
    der: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        seg_op: SegmentOp = "same" if op == "equal" else "changed"
        _append(src, "".join(a[i1:i2]), seg_op)
        _append(der, "".join(b[j1:j2]), seg_op)
    return _trim_spaces(src), _trim_spaces(der)


def _append(segments: list[Segment], text: str, op: SegmentOp) -> None:
    if not text:
        return
    if op == "changed" and not text.strip():
        op = "same"  # white space alone is not a change a reader cares about
    if segments and segments[-1].op == op:
        segments[-1].text += text
    else:
        segments.append(Segment(text, op))


def _trim_spaces(segments: list[Segment]) -> list[Segment]:
    """Move spaces at the edges of changed runs into the neighbouring same runs."""
    out: list[Segment] = []
    for seg in segments:
        if seg.op == "same":
            _append(out, seg.text, "same")
            continue
        core = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        _append(out, lead, "same")
        _append(out, core, "changed")
        _append(out, trail, "same")
    return _join_changed_runs(out)


def _join_changed_runs(segments: list[Segment]) -> list[Segment]:
    """'went', ' ', 'on', ' ', 'strike' all changed reads as one change: 'went on strike'."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        between_changes = (
            seg.op == "same"
            and not seg.text.strip()
            and 0 < i < len(segments) - 1
            and segments[i + 1].op == "changed"
            and out
            and out[-1].op == "changed"
        )
        if between_changes or (seg.op == "changed" and out and out[-1].op == "changed"):
            out[-1].text += seg.text
        else:
            out.append(Segment(seg.text, seg.op))
    return out
