"""Figures in a sentence: value, range upper end, unit or counted noun, qualifier.

Digits ("40,000", "1.2 million", "10k", "$1.2 billion", "5%") and number words ("a dozen",
"three", "twenty-five") are read; years, dates, times, ordinals and list numbering are not
quantities. Who stated a figure is decided by the caller from the sentence's quote or source.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from newstrace.lang.en.figures import (
    CURRENCY_PREFIX,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    EXCEEDING_BEFORE_OVER,
    MEASURE_UNITS,
    NUMBER_AND_UNIT_WORDS,
    OF_DETERMINERS,
    SCALES,
    SKIP_ADJECTIVES,
    STOP_UNITS,
    TIME_UNITS,
)
from newstrace.lang.en.lex_attrs import MONTH_ABBREVIATIONS, MONTH_NAMES
from newstrace.lang.en.nouns import IRREGULAR_PLURALS
from newstrace.model import Qualifier, Quantity

_MONTH = "|".join(MONTH_NAMES + MONTH_ABBREVIATIONS)

QUALIFIERS: list[tuple[str, Qualifier]] = [
    (
        r"more than|over|above|in excess of|upwards of|exceeding|at least|no fewer than|"
        r"no less than|greater than|higher than|beyond|north of|well over|just over",
        "more_than",
    ),
    (
        r"fewer than|less than|under|below|up to|at most|no more than|as many as|as much as|"
        r"just under|not quite|short of|lower than|shy of|as few as",
        "less_than",
    ),
    (
        r"about|approximately|nearly|around|some|roughly|an estimated|estimated|close to|"
        r"or so|circa|approx\.?|almost|more or less|just about|an approximate",
        "about",
    ),
]
# "almost"/"nearly" read as about: the figure is approximate
# a qualifier may open a quotation or a parenthesis: '"More than 6,000 engineers ...'
_QUAL_RE = [
    (re.compile(rf"(?i)(?:^|(?<=[\s\"“‘'(\[—–-]))({words})\s*$"), qual)
    for words, qual in QUALIFIERS
]
_QUAL_WORDS = frozenset(
    [
        "about",
        "around",
        "approximately",
        "nearly",
        "some",
        "roughly",
        "over",
        "under",
        "almost",
        "just",
        "only",
    ]
)
_QUAL_ORDER = {"about": 0, "more_than": 1, "less_than": 2}

_NUM_WORD = "|".join(
    sorted((w for w in NUMBER_AND_UNIT_WORDS if " " not in w), key=len, reverse=True)
)
_SCALE = r"hundred|thousand|million|billion|trillion"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SUFFIX_SCALE = r"(?:k|m|mn|bn|b|tn|mln|bln)\b"
_WORD_NUMBER = (
    rf"(?:a\s+couple\s+of|a\s+pair\s+of|a\s+dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion|"
    rf"half\s+a\s+(?:million|billion|dozen)|(?:{_NUM_WORD})\s+dozen|"
    rf"(?:{_NUM_WORD})(?:[\s-](?:{_NUM_WORD}))?)"
)
_CURRENCY = r"(?:(?<!\w)(?-i:US|HK|NZ|NT)\s?\$|(?<!\w)(?-i:A|C|R|S)\$|[$€£¥₹₽])"
_NUMBER = re.compile(
    rf"(?:(?P<cur>{_CURRENCY})\s?)?(?P<num>{_DIGITS}|(?<![\w-]){_WORD_NUMBER}(?!\w))"
    rf"(?:\s?(?P<suf>{_SUFFIX_SCALE})|(?:\s*|-)(?P<scale>{_SCALE})\b)?"
    rf"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b|\s+percentage\s+points?\b)?",
    re.IGNORECASE,
)
_RANGE_LINK = re.compile(r"^\s*(?:to|-|–|—|and|or)\s*$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.\s?m\b|p\.\s?m\b|am\b|pm\b|o'clock|:\s?\d\d|GMT|UTC|ET\b|EST\b|EDT\b|BST|CET)",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"(?i)\b(?:{_MONTH})\.?\s*$")
_DATE_AFTER = re.compile(rf"(?i)^\s*(?:{_MONTH})\b")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?i)\b(?:in|since|by|of|until|till|from|during|early|late|mid|before|after|year|summer|"
    r"winter|spring|autumn|fall|the|to|through|and|season|between|'s|circa|c\.)\s*-?\s*$"
)
_LIST_NUMBER = re.compile(r"^\s*(?:No\.|Number|#)\s*$", re.IGNORECASE)
_PHONEISH = re.compile(r"\d[\d\-]{6,}\d")


@dataclass
class _Figure:
    start: int
    end: int
    value: float
    unit: str
    qualifier: Qualifier
    upper: float | None = None


def _parse_number(num: str) -> float | None:
    low = num.lower().replace(",", "").strip()
    try:
        return float(low)
    except ValueError:
        pass
    low = re.sub(r"\s+", " ", low.replace("-", " "))
    if low in NUMBER_AND_UNIT_WORDS:
        return float(NUMBER_AND_UNIT_WORDS[low])
    half = re.fullmatch(r"half a (million|billion|dozen)", low)
    if half:
        return 0.5 * (12.0 if half.group(1) == "dozen" else SCALES[half.group(1)])
    parts = low.split(" ")
    if len(parts) == 2 and parts[1] in ("dozen", "hundred") and parts[0] in NUMBER_AND_UNIT_WORDS:
        return float(NUMBER_AND_UNIT_WORDS[parts[0]] * (12 if parts[1] == "dozen" else 100))
    if len(parts) == 2 and parts[0] in NUMBER_AND_UNIT_WORDS and parts[1] in NUMBER_AND_UNIT_WORDS:
        a, b = NUMBER_AND_UNIT_WORDS[parts[0]], NUMBER_AND_UNIT_WORDS[parts[1]]
        if b == 100:
            return float(a * 100)
        if a >= 20 and b < 10:
            return float(a + b)
    return None


def _value_of(match: re.Match[str]) -> float | None:
    value = _parse_number(match.group("num"))
    if value is None:
        return None
    scale = match.group("scale") or match.group("suf")
    if scale:
        value *= SCALES[scale.lower()]
    return value


def _is_year(text: str, match: re.Match[str]) -> bool:
    num = match.group("num")
    if match.group("cur") or match.group("pct") or match.group("scale") or match.group("suf"):
        return False
    if not re.fullmatch(r"\d{4}", num):
        return False
    year = int(num)
    if not 1800 <= year <= 2100:
        return False
    before = text[: match.start()]
    after = text[match.end() :]
    if _YEAR_CONTEXT_BEFORE.search(before) or _DATE_BEFORE.search(before.rstrip(", ")):
        return True
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    # "2000 troops" is a count, "2014 election" is a year
    return not (
        nxt and nxt.group(1).lower().endswith("s") and nxt.group(1).lower() not in STOP_UNITS
    )


def _is_date_or_time(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    after = text[match.end() :]
    num = match.group("num")
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after):
        return True
    if re.fullmatch(r"\d{1,2}", num) and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
        return True
    if re.match(r"^\s?[/:]\s?\d", after) or re.search(r"\d\s?[/:]\s?$", before):
        return True
    if _LIST_NUMBER.search(before):
        return True
    # part of a larger token: "G7", "COVID-19", "F-16", "3D"
    if re.search(r"[A-Za-z][-]?$", before) and num[0].isdigit():
        return True
    return bool(re.match(r"^[A-Za-z]", after)) and num[0].isdigit() and not match.group("suf")


def _qualifier_before(before: str) -> tuple[Qualifier, int]:
    """The qualifier written just before a figure and how many characters it spans."""
    best: tuple[Qualifier, int] = ("exact", 0)
    for pattern, qual in _QUAL_RE:
        m = pattern.search(before)
        if m and m.end() - m.start(1) > best[1]:
            best = (qual, len(before) - m.start(1))
    return best


# "a pay rise of 11 percent over two years": "over" a period spreads, it does not exceed;
# "for over two years", "in over a decade" do mean more than
_OVER_PERIOD = re.compile(r"(?i)(?:^|\b(\w+)\s+)over\s*$")


def _spread_over(before: str, unit: str) -> bool:
    """The figure is a period a thing is spread over ('over two years'), not a minimum."""
    m = _OVER_PERIOD.search(before)
    if m is None or unit.lower() not in TIME_UNITS:
        return False
    return (m.group(1) or "").lower() not in EXCEEDING_BEFORE_OVER


_UNIT_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.]*(?:-[A-Za-z][A-Za-z'’]*)*|%|\S")


def _plural_noun(word: str) -> bool:
    low = word.lower()
    return (
        low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ous"))
        and low not in STOP_UNITS
        and len(low) > 2
    )


def _unit_after(text: str, end: int, match: re.Match[str]) -> tuple[str, int]:
    """The unit or counted noun after a figure, and where it ends.

    Adjectives and noun modifiers are walked over to the head noun ("two hijack attempts" ->
    attempts, "five Democratic presidential primaries" -> primaries); "N-hour", "N-year-old"
    compounds give their unit; currencies and percent come from symbols or words.
    """
    if match.group("pct"):
        return "%", end
    cur = match.group("cur")
    if cur:
        code = CURRENCY_PREFIX.get(cur.lower().replace(" ", ""), CURRENCY_SYMBOLS.get(cur[-1]))
        return code or "USD", end
    rest = text[end:]
    compound = re.match(r"(?i)^\s?-\s?([a-z]+)(?:\s?-\s?(old))?\b", rest)
    if compound:  # "two-hour service", "15-year-old boy", "eight - minute interview"
        unit = compound.group(1).lower()
        if compound.group(2):
            return "years" if unit == "year" else unit + "s", end + compound.end()
        if rest[:1] == "-" or unit in TIME_UNITS:
            return unit, end + compound.end()
    tokens = list(_UNIT_TOKEN.finditer(rest[:120]))
    if (  # "up from 90 last year": a time after the figure is not what it counts
        len(tokens) >= 2
        and tokens[0].group(0).lower() in ("last", "this", "next")
        and tokens[1].group(0).lower().rstrip(".,") in TIME_UNITS
    ):
        return "", end
    phrase = _counted_phrase(tokens)
    if phrase is not None:
        return phrase[0], end + phrase[1]
    unit = ""
    unit_end = end
    skipped = 0
    for i, tok in enumerate(tokens):
        raw = tok.group(0)
        word = raw.rstrip(".").lower()
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word], end + tok.end()
        if word in ("%", "percent", "pct"):
            return "%", end + tok.end()
        if word == "per" and rest[tok.end() :].lstrip().lower().startswith("cent"):
            return "%", end + tok.end() + 5
        if not word[:1].isalpha():
            break
        nxt = tokens[i + 1].group(0).rstrip(".,") if i + 1 < len(tokens) else ""
        if word in STOP_UNITS:
            if word == "of" and not unit and skipped == 0:
                skipped += 1  # "dozens of people", "three of the soldiers"
                continue
            if word in OF_DETERMINERS and skipped == 1 and not unit:
                continue  # "three of the soldiers", "6,000 of its members"
            break
        if raw[:1].isupper() and word not in MEASURE_UNITS:
            # a capitalised modifier before a common noun ("two Republican rivals", "five VIP
            # tickets") is walked over; otherwise a name follows the number ("Apollo 11 Mission")
            if nxt[:1].islower() and nxt.lower() not in STOP_UNITS:
                skipped += 1
                continue
            if not unit and raw.isupper() and len(raw) <= 4:
                return raw, end + tok.end()
            break
        if unit and not _plural_noun(word):
            break
        if word.endswith(("'s", "’s")) and nxt[:1].isalpha():
            skipped += 1  # a possessive determines the head: "38 of the line's services"
            unit = ""
            continue
        unit, unit_end = word.strip("'’."), end + tok.start() + len(raw.rstrip("."))
        modifier = word in SKIP_ADJECTIVES or (
            not _plural_noun(word) and _plural_noun(nxt) and skipped < 3
        )
        if modifier and (
            _plural_noun(nxt) or nxt.lower() in SKIP_ADJECTIVES or word in SKIP_ADJECTIVES
        ):
            # an adjective or noun modifier: the head noun follows ("hijack attempts")
            skipped += 1
            unit = ""
            continue
        if _plural_noun(word) or word in MEASURE_UNITS or word in TIME_UNITS:
            break
        if not (nxt[:1].islower() and _plural_noun(nxt)):
            break
    if unit.endswith("-year-old") or unit.endswith("-old"):
        return "years", unit_end
    return unit, unit_end


def _counted_phrase(tokens: list[re.Match[str]]) -> tuple[str, int] | None:
    """The counted noun phrase when lower-case modifiers lead to a plural head within five
    words: "two distinct operational groups" -> "operational groups", "two anti-aircraft
    missile systems" -> "anti-aircraft missile systems". Leading adjectives that do not say
    what is counted (new, distinct, several) and origins (U.S.-made) are left out."""
    words: list[str] = []
    for i, tok in enumerate(tokens[:5]):
        raw = tok.group(0).rstrip(".")
        word = raw.lower()
        if not raw[:1].isalpha() or word in STOP_UNITS or word.endswith(("'s", "’s")):
            return None
        if raw[:1].isupper() and not _ORIGIN.search(raw):
            return None  # a name or a capitalised modifier: the word-by-word walk decides
        words.append(word)
        if (_plural_noun(word) or word in IRREGULAR_PLURALS) and not _ORIGIN.search(word):
            if i == 0:
                return None  # no modifiers: the walk below gives the same head
            kept = list(words)
            while len(kept) > 1 and (
                kept[0] in SKIP_ADJECTIVES or kept[0].endswith("ly") or _ORIGIN.search(kept[0])
            ):
                kept.pop(0)
            return " ".join(kept), tok.start() + len(raw)
    return None


# "U.S.-made", "British-built", "state-owned": where a thing comes from, not what it is
_ORIGIN = re.compile(r"(?i)-(?:made|built|supplied|owned|run|based|led|backed|funded|designed)$")

_DIALLED = re.compile(r"(?i)\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing)\s+$")
_HYPHEN_WORD = re.compile(r"^\s?-\s?([a-z]+)", re.IGNORECASE)
_SCORE_CONTEXT = re.compile(
    r"(?i)\b(?:win|won|wins|lead|led|record|defeat|victory|drubbing|loss|lost|beat|score|"
    r"success|draw|drew|triumph|rout|thrashing|improved|dropped|fell|went|finished)\b"
)


def _not_a_figure(sentence: str, match: re.Match[str]) -> bool:
    """List numbering ("1)", "5" alone on a line), one-compounds ("one-sided"), "AK-47"."""
    after = sentence[match.end() :]
    before = sentence[: match.start()]
    if re.match(r"^\)", after) or (not before.strip() and after.startswith("\n")):
        return True
    counted = re.match(r"\s*([A-Za-z]+)", after)
    if _DIALLED.search(before) and not (counted and _plural_noun(counted.group(1))):
        return True  # "call 911": a number dialled, not a count ("called 12 witnesses" is)
    if re.search(r"[A-Za-z]\s?-\s?$", before) and match.group("num")[0].isdigit():
        return True  # "AK - 47", "F-16"
    compound = _HYPHEN_WORD.match(after)
    if compound and match.group("num").lower() in ("one", "half", "a half"):
        return compound.group(1).lower() not in TIME_UNITS and compound.group(1) != "year"
    return bool(compound and compound.group(1).lower() in ("thirds", "third", "halves", "quarters"))


def _is_score(sentence: str, match: re.Match[str], nxt: re.Match[str]) -> bool:
    """'a 2-0 win', 'dropped to 36 - 3', '9-14': two small integers joined by a dash, no unit."""
    link = sentence[match.end() : nxt.start()]
    if link.strip() not in ("-", "–") or len(link) > 3:
        return False
    a, b = match.group("num"), nxt.group("num")
    if not (a.isdigit() and b.isdigit() and int(a) < 200 and int(b) < 200):
        return False
    after = sentence[nxt.end() :]
    unit_next = re.match(r"\s*([a-z%]+)", after)
    has_unit = unit_next is not None and _SCORE_CONTEXT.match(unit_next.group(1)) is None
    # "3-5 km" is a range with a unit; anything else is a score or a record
    return not (
        has_unit and int(b) > int(a) and not _SCORE_CONTEXT.search(sentence[: match.start()][-40:])
    )


def _is_age(sentence: str, match: re.Match[str]) -> bool:
    """'Benjamin Banky, 40, was ...' or 'Jeremiah Gaver, 28 (left)': an age after a name."""
    before = sentence[: match.start()]
    after = sentence[match.end() :]
    return bool(
        match.group("num").isdigit()
        and int(match.group("num")) < 120
        and re.search(r"[A-Z][\w'’.\-]+\s*,\s*$", before)
        and re.match(r"^\s*(?:,|\(|$|\.|;)", after)
    )


def _follows_name(sentence: str, match: re.Match[str], qual_len: int) -> bool:
    """A bare number right after a capitalised word mid-sentence names something: 'IE 7'."""
    if qual_len or match.group("cur") or match.group("pct"):
        return False
    before = sentence[: match.start()]
    prev = re.search(r"([A-Za-z][\w.]*)\s*$", before)
    if not prev:
        return False
    word = prev.group(1)
    at_start = not before[: prev.start()].strip()
    return word[:1].isupper() and not at_start and word.lower().strip(".") not in _QUAL_WORDS


class QuantityFinder:
    """Finds figures in sentences; one instance per process, stateless."""

    def find(self, sentence: str) -> list[_Figure]:
        figures: list[_Figure] = []
        if _PHONEISH.search(sentence) and not re.search(r"\d,\d{3}", sentence):
            sentence = _PHONEISH.sub(lambda m: " " * len(m.group(0)), sentence)
        matches = [m for m in _NUMBER.finditer(sentence) if m.group("num").strip()]
        used: set[int] = set()
        for i, match in enumerate(matches):
            if i in used:
                continue
            if _is_year(sentence, match) or _is_date_or_time(sentence, match):
                if i + 1 < len(matches) and _RANGE_LINK.match(
                    sentence[match.end() : matches[i + 1].start()]
                ):
                    used.add(i + 1)  # "Nov. 6 to 10", "2014-2016": the range's end is a date too
                continue
            if _not_a_figure(sentence, match):
                continue
            if i + 1 < len(matches) and _is_score(sentence, match, matches[i + 1]):
                used.add(i + 1)
                continue
            value = _value_of(match)
            if value is None:
                continue
            num_text = match.group("num").lower()
            if num_text in ("one", "a couple of", "a pair of", "half", "a half"):
                # "one of the", "no one", "one-sided": keep only with a counted noun right after
                nxt = re.match(r"\s+([a-z]+)", sentence[match.end() :])
                before = sentence[: match.start()].rstrip().lower()
                fraction = (  # "fewer than half of the voters": a qualified share
                    num_text == "half"
                    and nxt is not None
                    and nxt.group(1) == "of"
                    and _qualifier_before(sentence[: match.start()])[0] != "exact"
                )
                if not fraction and (
                    not nxt
                    or nxt.group(1) in STOP_UNITS
                    or nxt.group(1).endswith(("er", "est", "ed", "ly"))
                    or before.endswith(("no", "any", "every", "each", "the", "this", "that"))
                    or (
                        num_text == "one"
                        and nxt.group(1)
                        in ("another", "way", "time", "side", "thing", "said", "says", "can")
                    )
                ):
                    continue
            start, end = match.start(), match.end()
            upper: float | None = None
            qualifier, qual_len = _qualifier_before(sentence[:start])
            # ranges: "40,000 to 45,000", "between 3 and 5", "3-5"
            if i + 1 < len(matches):
                nxt_m = matches[i + 1]
                link = sentence[end : nxt_m.start()]
                between = re.search(r"(?i)\bbetween\s*$", sentence[:start])
                from_ = re.search(r"(?i)\bfrom\s*$", sentence[:start])
                link_ok = _RANGE_LINK.match(link) and (
                    link.strip() in ("-", "–", "—", "to") or between
                )
                if (link_ok and link.strip().lower() != "and") or (
                    between and link.strip().lower() == "and"
                ):
                    up = _value_of(nxt_m)
                    if up is not None and not _is_year(sentence, nxt_m):
                        if nxt_m.group("scale") and not match.group("scale") and value < 1000:
                            value *= SCALES[nxt_m.group("scale").lower()]
                        if up > value and (from_ is None or link.strip() != "to"):
                            upper = up
                            qualifier = "range"
                            end = nxt_m.end()
                            used.add(i + 1)
                            if nxt_m.group("pct") and not match.group("pct"):
                                match = nxt_m
                            if nxt_m.group("cur") and not match.group("cur"):
                                match = nxt_m
                if between and qualifier == "range":
                    qual_len = len(sentence[:start]) - between.start()
            unit, unit_end = _unit_after(sentence, end, match)
            if qualifier == "more_than" and _spread_over(sentence[:start], unit):
                qualifier, qual_len = "exact", 0
            if not unit and match.group("num").lower().startswith("a "):
                continue  # "a dozen" with nothing counted is not a figure
            if not unit and _is_age(sentence, match):
                unit = "years"
            elif not unit and _follows_name(sentence, match, qual_len):
                continue  # an identifier: "IE 7", "Episode 7", "Patriot 125"
            qual_start = start - qual_len
            figures.append(
                _Figure(
                    start=qual_start,
                    end=max(end, unit_end),
                    value=value,
                    unit=unit,
                    qualifier=qualifier,
                    upper=upper,
                )
            )
        _share_units(sentence, figures)
        return figures


def _share_units(sentence: str, figures: list[_Figure]) -> None:
    """'5 and 7 hours', '20 and 50 years ago': the first figure takes the second one's unit."""
    for first, second in itertools.pairwise(figures):
        link = sentence[first.end : second.start].strip().lower()
        if not first.unit and second.unit and link in ("and", "or", "to", ",", "-", "–"):
            first.unit = second.unit


_FINDER = QuantityFinder()


# "1,400 trains were cancelled, out of roughly 2,400 that normally run": the second counts trains
_SAME_UNIT_LINK = re.compile(
    r"(?i)\b(?:out of|of|from|compared with|against|up from|down from)\s+$"
)


def _inherited_unit(sentence: str, start: int, previous: str) -> str:
    """A figure with no counted noun of its own counts what the figure before it counts when
    a comparison links them ('out of', 'up from')."""
    before = sentence[:start]
    _, qualifier_length = _qualifier_before(before)
    if qualifier_length:
        before = before[:-qualifier_length]
    return previous if _SAME_UNIT_LINK.search(before) else ""


def extract_quantities(sentence_text: str, sentence_index: int) -> list[Quantity]:
    """Quantities of one sentence, each with its span as written; attribution is set later."""
    out: list[Quantity] = []
    previous_unit = ""
    for fig in _FINDER.find(sentence_text):
        counted = fig.unit or _inherited_unit(sentence_text, fig.start, previous_unit)
        previous_unit = counted or previous_unit
        out.append(
            Quantity(
                value=fig.value,
                unit=counted.split()[-1] if counted else "",  # the head: what is counted
                counted=counted,
                qualifier=fig.qualifier,
                sentence=sentence_index,
                text=sentence_text,
                span=sentence_text[fig.start : fig.end].strip(),
                upper=fig.upper,
            )
        )
    return out
