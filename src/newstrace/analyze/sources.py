"""Outlets and agencies an article cites ("Reuters reported", "told the news agency AFP").

Decided by the role a name plays, not by a list of outlets: the subject of "reported", the
object of "told the news agency/newspaper/broadcaster", "according to" + a media-looking name,
"in an interview with X", "X news agency"; an agency's credit in a dateline ("LONDON (Reuters) -")
or on a line of its own ("(AFP)"), and a byline that names an agency. An outlet never cites itself
(its name or its initials), and a name after a preposition ("shops on Bridge Street reported")
is not the one reporting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.lang.en.attribution import SHORT_FUNCTION_WORDS
from newstrace.model import EntityMention, Quote, Sentence

MEDIA_WORDS = (
    r"news|press|times|post|journal|tribune|herald|telegraph|guardian|gazette|chronicle|"
    r"agency|agence|wire|tv|television|radio|broadcast\w*|network|channel|magazine|daily|"
    r"reporter|newspaper|media|observer|independent|monitor|review|express|mirror|star|"
    r"standard|examiner|inquirer|bulletin|dispatch|courier|sun|today|politico|bloomberg"
)
MEDIA = re.compile(rf"(?i)\b(?:{MEDIA_WORDS})\b")
_LOWER_NAME = r"(?!(?:" + "|".join(sorted(SHORT_FUNCTION_WORDS)) + r")\b)[a-z]{2,4}\b"
_NAME = r"(?:the\s+)?(?:[A-Z][\w&.'’\-]*|[A-Z]{2,})(?:\s+(?:of\s+|de\s+|&\s+)?(?:[A-Z][\w&.'’\-]*|[A-Z]{2,})){0,5}"
_PATTERNS = [
    # told the news agency AFP / told the German newspaper Bild / told AFP
    re.compile(
        rf"\b(?:told|tells|telling|said\s+to|speaking\s+to|in\s+an?\s+(?:interview|statement)\s+(?:with|to)|"
        rf"interviewed\s+by|quoted\s+by|cited\s+by|according\s+to)\s+"
        rf"(?:the\s+)?(?:(?:[A-Z][a-z]+|state|state-run|state-owned|official|private|local|"
        rf"independent|online|daily|weekly)\s+)*"
        rf"(?:news\s+agency|newswire|wire\s+service|agency|newspaper|daily|broadcaster|"
        rf"television|TV(?:\s+channel)?|channel|radio|network|outlet|magazine|website|paper)\s+"
        rf"(?P<name>{_NAME}|{_LOWER_NAME})"
    ),
    re.compile(rf"(?P<name>{_NAME})\s+(?:news\s+agency|newspaper|broadcaster)\b"),
    re.compile(
        rf"(?P<name>{_NAME})(?:'s?)?\s+(?:reported|reports|has\s+reported|had\s+reported|"
        rf"was\s+reporting|first\s+reported|quoted|cited|said\s+in\s+a\s+report)\b"
    ),
    re.compile(rf"\b(?:reported|reports|report)\s+(?:by|from|in)\s+(?P<name>{_NAME})"),
    re.compile(
        rf"\b(?:told|tells|telling|interview\s+with|according\s+to|speaking\s+to|quoted\s+by)\s+"
        rf"(?P<name>{_NAME})"
    ),
]
_NOT_OUTLETS = re.compile(
    r"(?i)^(?:he|she|they|it|we|i|officials?|police|authorities|sources?|reporters|journalists|"
    r"the\s+\w+|a\s+\w+|his|her|their|its)$"
)


# a capitalised word or acronym that precedes the name makes it the object of a preposition
_PREPOSITION_BEFORE = re.compile(
    r"(?i)\b(?:on|in|at|near|from|along|off|outside|inside|behind|across|of|by|to|into|onto|"
    r"around|through|toward|towards|opposite|past|beside|between|among)\s+(?:the\s+)?$"
)
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+(?:the\s+)?$")
_CREDIT_NAME = r"[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,4}"
# "PORT ALDERIC, March 2 (MPA) -" / "WASHINGTON (Reuters) —" opening a paragraph
_DATELINE = re.compile(
    rf"(?m)^[ \t]*[A-Z][A-Z .'’\-]{{1,40}}(?:,[^()\n]{{1,30}})?\s*\((?P<name>{_CREDIT_NAME})\)"
    r"\s*[-—–]"
)
# "(MPA)" or "— Reuters" alone on a line
_CREDIT_LINE = re.compile(
    rf"(?m)^[ \t]*(?:\((?P<a>{_CREDIT_NAME})\)|[—–-]+\s*(?P<b>{_CREDIT_NAME}))[ \t.]*$"
)
_AGENCY_BYLINE = re.compile(r"(?i)\b(?:agency|agence|press|news|newswire|wire|associated)\b")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’\-]*", name) if w[0].isupper())


def is_own_outlet(name: str, outlet: str | None) -> bool:
    """True when `name` is the article's own outlet, written out or by its initials."""
    if not outlet:
        return False
    a, b = name.strip().lower(), outlet.strip().lower()
    if a == b or a.removeprefix("the ") == b.removeprefix("the "):
        return True
    return name.isupper() and len(name) >= 2 and name == _initials(outlet)


def credited_sources(text: str, author: str | None = None) -> list[str]:
    """Agencies the article credits outside its sentences: dateline, credit line, byline."""
    found: list[str] = []
    for match in _DATELINE.finditer(text[:4000]):
        found.append(match.group("name"))
    for match in _CREDIT_LINE.finditer(text):
        dashed = match.group("b") or ""  # "- Paris" could be a list item: agencies only
        if dashed and not (re.fullmatch(r"[A-Z]{2,6}", dashed) or MEDIA.search(dashed)):
            continue
        found.append(match.group("a") or dashed)
    if author and _AGENCY_BYLINE.search(author) and len(author.split()) <= 6:
        found.append(author.strip())
    return [name for name in dict.fromkeys(found) if name]


def _clean(name: str) -> str:
    name = re.sub(r"^(?i:the)\s+", "", name.strip())
    name = re.sub(r"['’]s?$", "", name)
    return name.strip(" ,.")


def _looks_like_outlet(name: str, context: str, labels: dict[str, str]) -> bool:
    label = labels.get(name)
    if label in ("PERSON", "NORP"):
        return False
    if re.fullmatch(r"[A-Z]{2,5}", name) or MEDIA.search(name):
        return True
    return label != "GPE" and bool(
        re.search(r"(?i)news agency|newspaper|broadcaster|outlet|channel|network|agency", context)
    )


def cited_sources(
    sentences: Sequence[Sentence],
    mentions: Sequence[EntityMention],
    quotes: Sequence[Quote],
    text: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
) -> list[str]:
    """Outlet names cited in the article, in first-cited order, without duplicates.

    With `text` (and `author`), credits outside the sentences count too; with `outlet`, the
    article's own outlet is left out.
    """
    labels = {m.text: m.label for m in mentions}
    found: list[str] = []
    if text is not None:
        found.extend(credited_sources(text, author))
    for sent in sentences:
        for i, pattern in enumerate(_PATTERNS):
            for match in pattern.finditer(sent.text):
                name = _clean(match.group("name"))
                if not name or _NOT_OUTLETS.match(name) or len(name) < 2:
                    continue
                context = sent.text[max(0, match.start() - 40) : match.end() + 10]
                before = sent.text[: match.start("name")]
                if _PREPOSITION_BEFORE.search(before) and not _ACCORDING.search(before):
                    continue
                # the first three patterns name the outlet by its role; the rest need evidence
                if name in found or labels.get(name) in ("PERSON", "NORP"):
                    continue
                if (i < 3 and labels.get(name) != "GPE") or _looks_like_outlet(
                    name, context, labels
                ):
                    found.append(name)
    for quote in quotes:
        if quote.via_outlet and _clean(quote.via_outlet) not in found:
            found.append(_clean(quote.via_outlet))
        spk = quote.speaker or ""
        if quote.cue in ("reported", "reports", "wrote") and spk and MEDIA.search(spk):
            name = _clean(spk)
            if name not in found:
                found.append(name)
    spelled = {_initials(name) for name in found if " " in name}
    return [
        name
        for name in found
        if not is_own_outlet(name, outlet) and not (name.isupper() and name in spelled)
    ]


def source_of_sentence(sentence: str, outlets: Sequence[str]) -> str | None:
    """The cited outlet a sentence attributes its content to, if any."""
    for outlet in outlets:
        if outlet in sentence:
            return outlet
    return None
