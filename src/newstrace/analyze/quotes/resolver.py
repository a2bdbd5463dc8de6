"""Who a speaker phrase names: the named mention inside it, the antecedent of a pronoun, else
the description as written; state shared by the direct and indirect readers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newstrace.analyze.quotes.patterns import (
    CAPITALISED_WORD,
    DESCRIPTION_HEAD,
    LEADING_FILLER,
    TITLE_BEFORE,
)
from newstrace.analyze.quotes.phrases import RELATIVE_CLAUSE
from newstrace.analyze.quotes.spans import Span, find_quote_spans
from newstrace.analyze.resolve import normalise_name
from newstrace.lang.en.names import TITLES
from newstrace.lang.en.speakers import PERSON_PRONOUNS, PHRASE_PREPOSITIONS, PRONOUNS
from newstrace.model import EntityMention, Quote, Sentence


class SpeakerResolver:
    """One article's text, sentences, mentions and quotation spans, and who a speaker phrase
    names: a named mention inside it, a pronoun's antecedent, else the phrase as written."""

    def __init__(self, text: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]):
        self.text = text
        self.sentences = sentences
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self._starts = [s.start for s in sentences]
        self.spans = find_quote_spans(text)
        self._span_starts = [s.start for s in self.spans]
        self._inside = [(s.start - 1, s.end + 1) for s in self.spans]  # sorted, disjoint
        self._person_names = {m.text for m in self.mentions if m.label == "PERSON"}
        self._speakers: list[tuple[int, str]] = []  # (offset, resolved PERSON speaker), sorted
        self._genders: dict[str, str] = {}  # normalised name -> the pronoun used for them
        self._surnames = {
            m.text.split()[-1] for m in self.mentions if m.label == "PERSON" and " " in m.text
        }
        self._persons = self._person_mentions()
        self._person_starts = [m.start for m in self._persons]
        self.extra: list[Quote] = []  # indirect words found while reading direct quotes

    def sentence_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    # --- lookups by offset: bisection over sorted starts, so that an article's cost stays
    # linear in its length (a scan of every mention per quote made a 1 MB text take 30 s)
    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        """The mentions that start in [start, end), in text order."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end, lo)
        return self.mentions[lo:hi]

    def persons_in(self, start: int, end: int) -> list[EntityMention]:
        """The person mentions (bare surnames included) that start in [start, end)."""
        lo = bisect.bisect_left(self._person_starts, start)
        hi = bisect.bisect_left(self._person_starts, end, lo)
        return self._persons[lo:hi]

    def spans_in(self, start: int, end: int) -> list[Span]:
        """The quoted passages whose words start in [start, end)."""
        lo = bisect.bisect_left(self._span_starts, start)
        hi = bisect.bisect_left(self._span_starts, end, lo)
        return self.spans[lo:hi]

    def _in_quote(self, offset: int) -> bool:
        at = bisect.bisect_right(self._inside, (offset, float("inf"))) - 1
        return at >= 0 and self._inside[at][0] <= offset < self._inside[at][1]

    # --- speaker resolution --------------------------------------------------------------
    def _person_mentions(self) -> list[EntityMention]:
        """PERSON mentions plus every later bare surname of a person named in full that the
        NER missed or mislabelled ("Footage of Al-Awlaki", "cheers Trump's words")."""
        persons = [m for m in self.mentions if self._is_person(m)]
        names = {s.lower() for s in self._surnames if len(s) > 2 and s[:1].isalpha()}
        if not names:
            return persons
        taken = {i for m in self.mentions for i in range(m.start, m.end)}
        for match in CAPITALISED_WORD.finditer(self.text):
            a, b = match.start(), match.end()
            if match.group(0).lower() not in names or a in taken or b - 1 in taken:
                continue
            persons.append(EntityMention(match.group(0), "PERSON", self.sentence_at(a), a, b))
        return sorted(persons, key=lambda m: m.start)

    def _is_person(self, mention: EntityMention) -> bool:
        """A PERSON mention, or the surname of a person named in full in this article."""
        return mention.label == "PERSON" or mention.text in self._surnames

    def _gender_of(self, mention: EntityMention) -> str | None:
        """'he' or 'she' when the text already tells: an earlier pronoun or a title."""
        name = normalise_name(mention.text)
        known = self._genders.get(name) or self._genders.get(name.split()[-1] if name else "")
        if known:
            return known
        title = TITLE_BEFORE.search(self.text, max(mention.start - 6, 0), mention.start)
        if title:
            return "he" if title.group(1).lower() == "mr" else "she"
        return None

    def _antecedent(self, offset: int, pronoun: str = "") -> str | None:
        """The person a he/she at `offset` refers to: the subject of a recent sentence, a recent
        speaker, else the last person named (outside quotes). A person the text already calls
        by the other pronoun (or title) is passed over; of a subject and a speaker, the later one
        wins ('X said ... . Y welcomed it. "...," he said' is Y)."""
        here = self.sentence_at(offset)
        first = max(here - 3, 0)
        window_start = self.sentences[first].start if self.sentences else 0

        def fits(mention: EntityMention) -> bool:
            gender = self._gender_of(mention) if pronoun in ("he", "she") else None
            return gender is None or gender == pronoun

        best: tuple[float, str, int] | None = None
        for mention in self.persons_in(window_start, offset):
            if self._in_quote(mention.start) or not fits(mention):
                continue
            sent = self.sentences[self.sentence_at(mention.start)]
            lead = self.text[sent.start : mention.start]
            score = 0.0
            if len(lead.split()) <= 3 and not re.search(r"[,;]", lead):
                score += 2.0  # the sentence's subject
            if self.text[mention.end : mention.end + 2] in ("'s", "’s"):
                score -= 1.0
            score += 0.1 * (mention.start - window_start) / max(offset - window_start, 1)
            if best is None or score > best[0]:
                best = (score, mention.text, mention.start)
        lo = bisect.bisect_left(self._speakers, (window_start, ""))
        hi = bisect.bisect_left(self._speakers, (offset, ""), lo)
        for at, name in reversed(self._speakers[lo:hi]):
            if (
                pronoun in ("he", "she")
                and self._genders.get(normalise_name(name), pronoun) != pronoun
            ):
                continue
            if best is None or best[0] < 2.0 or at > best[2]:
                return name
            break
        if best is not None:
            return best[1]
        for mention in reversed(self.persons_in(0, offset)):
            if not self._in_quote(mention.start) and fits(mention):
                return mention.text
        return None

    def resolve(self, speaker_text: str, start: int, end: int, offset: int) -> str | None:
        """Canonical-ish speaker: a named mention in the span, a pronoun's antecedent, else text."""
        low = speaker_text.lower()
        low = POSSESSIVE_PRONOUNS.get(low, low)  # "His remarks indicated ...": he
        if low in PERSON_PRONOUNS:
            person = self._antecedent(offset, low)
            if person and low in ("he", "she"):
                name = normalise_name(person)
                self._genders.setdefault(name, low)
                if name:
                    self._genders.setdefault(name.split()[-1], low)
            return person
        if low in PRONOUNS:
            return None
        comma = self.text.find(", ", start, end)
        if comma > start and any(  # "Jesse Lehrich, Clinton's spokesman": head before the comma
            m.label == "PERSON" and not self._possessive(m) for m in self.mentions_in(start, comma)
        ):
            end = comma
        inside = [
            m
            for m in self.mentions_in(start, end)
            if m.end <= end and m.label in ("PERSON", "ORG", "NORP", "GPE")
        ]
        inside = [
            m
            for m in inside
            if (m.label in ("PERSON", "ORG") or len(m.text) >= len(speaker_text.strip()) - 4)
            and not self._inside_phrase(m, start)
            and not (self._possessive(m) and re.search(r"\w", self.text[m.end + 2 : end]))
        ]
        if inside:

            def rank(m: EntityMention) -> tuple[int, int, int]:
                # "Clinton spokesman Jesse Lehrich": the last person named is the head
                return (self._possessive(m), m.label != "PERSON", -m.start)

            chosen = min(inside, key=rank)
            text = _person_of(chosen.text)
            return normalise_name(text) if chosen.label == "PERSON" or text != chosen.text else text
        phrase = RELATIVE_CLAUSE.split(speaker_text, maxsplit=1)[0].strip()
        name, _, described = phrase.partition(", ")
        if described and _is_name(name):  # "Quillo.org, the oldest audit tool": the name
            return name
        return _person_of(phrase) or None

    def _possessive(self, mention: EntityMention) -> bool:
        """'Governor X's chief of staff, Y': X only determines the phrase whose head speaks."""
        return self.text[mention.end : mention.end + 2] in ("'s", "’s")

    def _inside_phrase(self, mention: EntityMention, start: int) -> bool:
        """'Residents on Mill Lane', 'a spokesman for Olaf Scholz': a name after a preposition
        belongs to a phrase whose head (residents, spokesman) is the speaker, not the name."""
        before = self.text[start : mention.start].split()
        while before and before[-1].lower().strip(".") in TITLES:  # "for Mayor Tom Hale"
            before.pop()
        return len(before) >= 2 and before[-1].lower() in PHRASE_PREPOSITIONS

    def opening_subject(self, start: int, end: int) -> tuple[str, int] | None:
        """The subject that opens the clause text[start:end] (after a filler such as 'But'):
        a pronoun, or a name with at most a title or determiner before it; with its offset."""
        text = self.text[start:end]
        lead = LEADING_FILLER.sub("", text)
        offset = start + len(text) - len(lead)
        pronoun = re.match(r"(?:He|She|They|We|I)\b", lead)
        if pronoun:
            return pronoun.group(0), offset
        named = [m for m in self.mentions_in(offset, end) if m.label in ("PERSON", "ORG", "NORP")]
        if not named:
            return None
        before = self.text[offset : named[0].start]
        if len(before.split()) > 2 or "," in before:
            return None
        return named[0].text, named[0].start

    def _remember(self, speaker: str | None, offset: int) -> None:
        if speaker and speaker in self._person_names:
            bisect.insort(self._speakers, (offset, speaker))


POSSESSIVE_PRONOUNS = {
    "his": "he",
    "her": "she",
    "their": "they",
    "its": "it",
    "my": "i",
    "our": "we",
}


def _person_of(phrase: str) -> str:
    """'Ana Ruiz of The Harbour Gazette' -> 'Ana Ruiz': a person's name followed by where they
    work is the person (one word before "of" is a name of its own: 'Bank of America')."""
    person, _, employer = phrase.partition(" of ")
    words = person.split()
    if (
        employer[:1].isupper()
        and _is_name(person)
        and len(words) >= 2
        and words[0].lower() not in ("the", "a", "an")
        and not DESCRIPTION_HEAD.fullmatch(words[-1])  # "Royal Bank of Canada"
    ):
        return person
    return phrase


def _is_name(words: str) -> bool:
    """A proper name: one to four capitalised words (the first may carry a domain, 'X.com')."""
    parts = words.split()
    return 0 < len(parts) <= 4 and all(p[:1].isupper() for p in parts)
