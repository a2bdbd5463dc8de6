"""Named-entity mentions: spaCy NER when loaded, else capitalised-span rules.

Both paths return mentions with offsets into Article.text and the sentence they fall in;
story-level resolution (resolve.py) later merges them into one Entity per real thing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from newstrace.lang.en.names import LOC_HEADS, NOT_NAMES, ORG_SUFFIXES, PERSON_TITLES, TITLES
from newstrace.model import EntityMention, Sentence

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT", "LAW"})

_CAP_WORD = r"(?:[A-Z][\w'’.\-]*|[A-Z]{2,})"
_CONNECT = r"(?:of|the|de|del|da|van|von|der|al|bin|for|and|la|le)"
_CAP_SPAN = re.compile(rf"\b{_CAP_WORD}(?:\s+(?:{_CONNECT}\s+)?{_CAP_WORD})*")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$|^(?:[A-Z]\.){2,}$")


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing character `offset` (the previous one between two)."""
    starts = [s.start for s in sentences]
    pos = bisect.bisect_right(starts, offset) - 1
    return max(pos, 0)


_LEADING_THE = re.compile(r"(?i)the\s+")
_POSSESSIVE = re.compile(r"['’]s?$")


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading 'the' and a trailing possessive from a span."""
    lead = _LEADING_THE.match(text, start, end)
    if lead and end > lead.end():
        start = lead.end()
    tail = _POSSESSIVE.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


def mentions_from_doc(
    doc: Any, sentences: Sequence[Sentence], offset: int = 0
) -> list[EntityMention]:
    """EntityMentions from a spaCy Doc whose text starts at `offset` in the article.

    `Doc.text` and `Doc.ents` are not stored attributes: each read walks every token of the
    document again. They are read once here, not per mention (per mention they were 3/4 of the
    full path's analysis time on full-length articles).
    """
    out: list[EntityMention] = []
    starts = [s.start for s in sentences]
    doc_text: str = doc.text
    for ent in doc.ents:
        label = ent.label_
        if label not in KEPT_LABELS:
            continue
        start, end = clean_span(doc_text, ent.start_char, ent.end_char)
        if "\n" in doc_text[start:end]:  # NER ran across a line break: keep the longest line
            lines = list(re.finditer(r"[^\n]+", doc_text[start:end]))
            longest = max(lines, key=lambda m: len(m.group(0).strip()))
            start, end = start + longest.start(), start + longest.end()
        text = doc_text[start:end].strip()
        if not text or not any(c.isalpha() for c in text):
            continue
        a = start + offset
        before = doc_text[max(0, start - 25) : start].split()
        titled = bool(before) and before[-1].lower().strip(".,") in PERSON_TITLES
        name_like = len(text.split()) <= 3 and text.split()[-1].lower() not in ORG_SUFFIXES
        if label != "PERSON" and titled and name_like:
            label = "PERSON"  # "Chancellor Olaf Scholz": the title decides
        idx = max(bisect.bisect_right(starts, a) - 1, 0)
        out.append(EntityMention(text=text, label=label, sentence=idx, start=a, end=end + offset))
    return out


def _guess_label(words: list[str], prev_word: str) -> str:
    words = [w.rstrip(".,") or w for w in words]
    last = words[-1].lower()
    if prev_word.lower().strip(".") in PERSON_TITLES:
        return "PERSON"
    if last in ORG_SUFFIXES or any(w.lower() in ORG_SUFFIXES for w in words):
        return "ORG"
    if _ACRONYM.match(words[0]) and len(words) == 1:
        return "ORG"
    if last in LOC_HEADS:
        return "LOC"
    if words[0].lower() in LOC_HEADS:
        return "LOC"
    if len(words) in (2, 3) and all(w[:1].isupper() and w[1:].islower() for w in words):
        return "PERSON"
    if words[-1].endswith(("ans", "ese", "ish")) and len(words) == 1:
        return "NORP"
    return "GPE" if len(words) == 1 else "ORG"


def rule_mentions(text: str, sentences: Sequence[Sentence]) -> list[EntityMention]:
    """Capitalised spans as mentions, with a label guessed from titles and name endings."""
    out: list[EntityMention] = []
    mid_sentence: frozenset[str] | None = None  # built once, on the first sentence opener
    for sent in sentences:
        for match in _CAP_SPAN.finditer(sent.text):
            words = match.group(0).split()
            lead = 0
            # drop leading words that are capitalised only because they start the sentence
            # or are titles ("President Joe Biden" -> "Joe Biden", prev word = President)
            while lead < len(words) and (
                words[lead].lower().strip(".") in NOT_NAMES
                or words[lead].lower().strip(".") in TITLES
            ):
                lead += 1
            while words[lead:] and words[-1].lower() in {"of", "the", "de", "and", "for"}:
                words.pop()
            kept = words[lead:]
            titled_at = [i for i, w in enumerate(kept[:-1]) if w.lower().strip(".") in TITLES]
            if titled_at and _person_shaped(kept[titled_at[-1] + 1 :]):
                lead += titled_at[-1] + 1  # "Transport Minister Anna Berg" -> "Anna Berg"
                kept = words[lead:]
            if not kept:
                continue
            prefix = " ".join(words[:lead])
            rel_start = match.start() + (len(prefix) + 1 if prefix else 0)
            rel_end = rel_start + len(" ".join(kept))
            start, end = clean_span(text, sent.start + rel_start, sent.start + rel_end)
            name = text[start:end].rstrip(".,")
            end = start + len(name)
            opens_sentence = len(kept) == 1 and match.start() == 0 and lead == 0
            if opens_sentence and name and not _ACRONYM.match(name):
                if mid_sentence is None:
                    mid_sentence = capitalised_mid_sentence(text)
                if name not in mid_sentence:
                    continue  # a lone capitalised word opening a sentence is often a common word
            if not name:
                continue
            prev = words[lead - 1] if lead else _word_before(sent.text, match.start())
            out.append(
                EntityMention(
                    text=name,
                    label=_guess_label(kept, prev),
                    sentence=sent.index,
                    start=start,
                    end=end,
                )
            )
    return out


def _person_shaped(words: list[str]) -> bool:
    return 1 <= len(words) <= 3 and all(
        w[:1].isupper() and w[1:].islower() and w.lower() not in ORG_SUFFIXES for w in words
    )


def _word_before(text: str, pos: int) -> str:
    words = text[:pos].split()
    return words[-1] if words else ""


_MID_SENTENCE_CAP = re.compile(r"(?<=[a-z,;])\s+([A-Z][\w'’.\-]*)")
_WORD_CHAR = re.compile(r"\w")
_ALL_WORD = re.compile(r"\w+")


def capitalised_mid_sentence(text: str) -> frozenset[str]:
    """Capitalised words written after a lower-case letter, comma or semicolon and a space.

    A sentence-initial word is taken for a name if it also appears so (`Rivers rose` opening a
    sentence is a name only if `... said Rivers` is in the text). Each such word is entered with
    every prefix of it that ends on a word boundary (`Obama` from `Obama's`), so one set lookup
    answers what a regex search of the whole text per word answered, in one pass over the text.
    """
    found: set[str] = set()
    for match in _MID_SENTENCE_CAP.finditer(text):
        word = match.group(1)
        if _ALL_WORD.fullmatch(word):  # the usual case: its one boundary is its end
            found.add(word)
            continue
        after = text[match.end(1) : match.end(1) + 1]
        for cut in range(1, len(word) + 1):
            following = word[cut] if cut < len(word) else after
            if bool(_WORD_CHAR.match(word[cut - 1])) != bool(
                following and _WORD_CHAR.match(following)
            ):
                found.add(word[:cut])
    return frozenset(found)


def spacy_mentions(
    nlp: Any,
    texts: Iterable[str],
    sentences: Sequence[Sequence[Sentence]],
    batch_size: int = 32,
    on_doc: Callable[[], None] | None = None,
) -> list[list[EntityMention]]:
    """Run spaCy NER over whole article texts in one nlp.pipe stream.

    Only `ner` runs: in the small English model it has its own token encoder, so the shared
    `tok2vec` (read by the tagger and parser alone) would be computed for nothing.
    """
    disable = [name for name in nlp.pipe_names if name != "ner"]
    results: list[list[EntityMention]] = []
    with nlp.select_pipes(disable=disable):
        for doc, sents in zip(nlp.pipe(texts, batch_size=batch_size), sentences, strict=True):
            results.append(mentions_from_doc(doc, sents))
            if on_doc is not None:
                on_doc()
    return results
