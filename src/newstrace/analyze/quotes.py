"""Who is quoted saying what: direct quotes (any quotation marks) and indirect speech.

Rules over the sentence text plus the article's entity mentions: a quote's speaker is looked
for after the quote ("...," said X / "...," X said), then before it (X said: "..."); split quotes
around "he said" are joined; pronoun speakers resolve to the last person named before the quote;
descriptions ("a senior official who asked not to be named") are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.model import EntityMention, Quote, Sentence

SPEECH_VERBS = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "states",
    "announced",
    "announces",
    "declared",
    "declares",
    "explained",
    "explains",
    "noted",
    "notes",
    "noting",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "arguing",
    "asserted",
    "asserts",
    "reported",
    "reports",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "estimated",
    "estimates",
    "urged",
    "urges",
    "alleged",
    "alleges",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "threatened",
    "conceded",
    "concedes",
    "contended",
    "maintained",
    "maintains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "asked",
    "asks",
    "cautioned",
    "complained",
    "complains",
    "charged",
    "countered",
    "disclosed",
    "revealed",
    "reveals",
    "indicated",
    "indicates",
    "observed",
    "remarked",
    "commented",
    "continued",
    "continues",
    "concluded",
    "testified",
    "signaled",
    "signalled",
    "hinted",
    "agreed",
    "agrees",
    "believes",
    "believe",
    "believed",
    "thinks",
    "think",
    "thought",
    "hopes",
    "hoped",
    "fears",
    "feared",
    "expects",
    "expected",
    "accused",
    "accuses",
    "criticized",
    "criticised",
    "blamed",
    "described",
    "describes",
    "called",
    "calls",
    "announced",
    "boasted",
    "complained",
    "predicted",
    "proclaimed",
    "reiterated",
    "repeated",
    "shouted",
    "whispered",
    "explained",
    "informed",
    "assured",
    "reminded",
]
_VERB_SET = frozenset(SPEECH_VERBS)
_CUE = "|".join(sorted(_VERB_SET, key=len, reverse=True))
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i"})

# quotation pairs: open -> close
_QUOTE_PATTERNS = [
    re.compile(r"“([^”“]{2,}?)”"),
    re.compile(r'(?<![\w])"([^"\n]{2,}?)"'),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘([^’‘\n]*?[^\s’])’(?![a-z])"),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'([^'\n]*?[^\s'])'(?![a-z])"),
]
_SPEAKER_WORDS = r"[A-Za-z][\w.'’\-]*"
# after a quote: , said the minister.  / , the minister said.
_AFTER_CUE_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*[-—–]?\s*(?P<cue>{_CUE})\s+(?P<spk>[^.,;:!?\"“”]{{1,120}}?)"
    r"\s*(?=[.,;:!?\"“”]|\s+(?:in|on|at|during|after|before|when|while|from)\s|$)"
)
_AFTER_SPK_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*[-—–]?\s*(?P<spk>[^.,;:!?\"“”]{{1,120}}?)\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?"
    rf"(?P<cue>{_CUE})\b"
)
# before a quote: the minister said: / He said, / X told reporters:
_BEFORE = re.compile(
    rf"(?P<spk>[^.;:!?\"“”]{{1,120}}?)\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?P<cue>{_CUE})"
    r"(?:\s+(?:reporters|journalists|the\s+\w+(?:\s+\w+)?|him|her|them|us|me|\w+))?"
    r"(?:\s+(?:on|in|at)\s+[^,:\"“]{1,40})?\s*[,:]?\s*(?:that\s+)?$"
)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<spk>[^,.;:\"“”]{2,100})")
# indirect speech in a sentence with no direct quote
_INDIRECT_LEAD = re.compile(
    rf"^(?P<pre>.*?)\b(?P<cue>{_CUE})\b(?:\s+(?P<obj>reporters|journalists|the\s+[a-z]+(?:\s+[a-z]+)?|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|him|her|them|us|me))??\s*,?\s+(?:that\s+)?(?P<content>.{8,})$"
)
_INDIRECT_TRAIL = re.compile(
    rf"^(?P<content>.{{8,}}?),\s*(?:(?P<cue1>{_CUE})\s+(?P<spk1>[^,]{{2,120}}?)|"
    rf"(?P<spk2>[^,]{{2,120}}?)\s+(?:has\s+|had\s+|also\s+)?(?P<cue2>{_CUE}))"
    r"(?:\s+[^,]{0,60})?[.!?]?[\"”’]?$"
)
_CLAUSE_CUT = re.compile(
    r"(?i)^.*(?:[;:]|\s[-—–]+\s|\)|\b(?:that|because|but|while|when|after|although|though|since|as|and then)\b)\s*"
)
_LEADING_FILLER = re.compile(
    r"(?i)^(?:but|and|yet|so|still|meanwhile|however|instead|also|now|later|earlier|then)\b[,\s]*"
)
_TRAILING_FILLER = re.compile(
    r"(?i)\s+(?:has|have|had|also|later|then|once|recently|previously|again|has also|would|will|"
    r"would later|could|might|did|does|do|publicly|privately|repeatedly|often|never|always)$"
)
_DESCRIPTION_HEAD = re.compile(
    r"(?i)\b(official|officials|spokesman|spokeswoman|spokesperson|source|sources|minister|"
    r"analyst|analysts|expert|experts|aide|aides|diplomat|diplomats|officer|officers|witness|"
    r"witnesses|resident|residents|police|authorities|lawmaker|lawmakers|senator|governor|"
    r"president|leader|leaders|statement|report|people|person|member|members|campaign|"
    r"agency|ministry|government|company|spokesmen|representative|executive|director|chief)\b"
)


@dataclass
class _Span:
    start: int
    end: int
    text: str


def _strip_speaker(raw: str) -> str:
    spk = raw.strip(" ,—–-\t\n")
    spk = _CLAUSE_CUT.sub("", spk) if len(spk.split()) > 1 else spk
    spk = _LEADING_FILLER.sub("", spk)
    prev = None
    while prev != spk:
        prev = spk
        spk = _TRAILING_FILLER.sub("", spk).strip(" ,")
    # appositive after the name: "John Smith, the minister" -> keep the whole; callers pick names
    return spk.strip(" ,")


def _plausible_speaker(spk: str) -> bool:
    if not spk:
        return False
    words = spk.split()
    if len(words) > 14:
        return False
    low = spk.lower()
    if low in PRONOUNS:
        return True
    if any(w[:1].isupper() for w in words):
        return True
    return bool(_DESCRIPTION_HEAD.search(low))


def find_quote_spans(text: str) -> list[_Span]:
    """Quoted passages (content without the marks), non-overlapping, in text order."""
    spans: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            a, b = match.start(), match.end()
            if any(a < y and x < b for x, y in taken):
                continue
            content = match.group(1).strip()
            if len(content.split()) < 3 and not re.search(r"[.,!?]$", content):
                continue  # scare quotes and titles: "so-called 'experts'"
            taken.append((a, b))
            spans.append(_Span(match.start(1), match.end(1), match.group(1)))
    spans.sort(key=lambda s: s.start)
    return spans


class QuoteExtractor:
    """Extracts Quote records from one analysed article's text, sentences and mentions."""

    def __init__(self, text: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]):
        self.text = text
        self.sentences = sentences
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [s.start for s in sentences]

    # --- helpers -------------------------------------------------------------------------
    def _sentence_at(self, offset: int) -> int:
        import bisect

        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def _mentions_in(self, start: int, end: int) -> list[EntityMention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def _last_person_before(self, offset: int, inside: list[tuple[int, int]]) -> str | None:
        for mention in reversed(self.mentions):
            if mention.start >= offset or mention.label != "PERSON":
                continue
            if any(a <= mention.start < b for a, b in inside):
                continue
            return mention.text
        return None

    def _resolve(
        self, speaker_text: str, start: int, end: int, offset: int, inside: list[tuple[int, int]]
    ) -> str | None:
        """Canonical-ish speaker: a named mention in the span, a pronoun's antecedent, else text."""
        low = speaker_text.lower()
        if low in _PERSON_PRONOUNS:
            return self._last_person_before(offset, inside)
        if low in PRONOUNS:
            return None
        named = [
            m for m in self._mentions_in(start, end) if m.label in ("PERSON", "ORG", "NORP", "GPE")
        ]
        if named:
            persons = [m for m in named if m.label == "PERSON"]
            return (persons or named)[0].text
        return speaker_text or None

    # --- direct quotes ---------------------------------------------------------------------
    def direct(self) -> list[Quote]:
        spans = find_quote_spans(self.text)
        inside = [(s.start - 1, s.end + 1) for s in spans]
        quotes: list[Quote] = []
        quote_ends: list[int] = []
        last_speaker: tuple[str | None, str | None, int] = (None, None, -10)
        for span in spans:
            sentence = self._sentence_at(span.start)
            para = self.sentences[sentence].paragraph if self.sentences else 0
            found = self._speaker_after(span) or self._speaker_before(span)
            if found is None:
                # split quote: "A," he said. "B." -> B continues A
                if quotes and self._is_continuation(quote_ends[-1], span.start):
                    quotes[-1].text = f"{quotes[-1].text.rstrip()} {span.text.strip()}"
                    quote_ends[-1] = span.end
                    continue
                speaker, speaker_text, cue = None, None, None
                if last_speaker[2] >= para - 1 and last_speaker[0]:
                    speaker, speaker_text = last_speaker[0], last_speaker[1]
            else:
                speaker_text, cue, s_start, s_end = found
                speaker = self._resolve(speaker_text, s_start, s_end, span.start, inside)
                last_speaker = (speaker, speaker_text, para)
            quotes.append(
                Quote(
                    text=span.text.strip(),
                    speaker=speaker,
                    sentence=sentence,
                    kind="direct",
                    cue=cue,
                    speaker_text=speaker_text,
                )
            )
            quote_ends.append(span.end)
        return quotes

    def _is_continuation(self, prev_end: int, start: int) -> bool:
        between = self.text[prev_end:start]
        if "\n\n" in between or len(between) > 80:
            return False
        return bool(re.search(rf"\b(?:{_CUE})\b", between))

    def _speaker_after(self, span: _Span) -> tuple[str, str, int, int] | None:
        close = span.end + 1
        tail = self.text[close : close + 160].split("\n", 1)[0]
        for pattern in (_AFTER_CUE_FIRST, _AFTER_SPK_FIRST):
            match = pattern.match(tail)
            if not match:
                continue
            spk = _strip_speaker(match.group("spk"))
            if not _plausible_speaker(spk) or "“" in match.group("spk"):
                continue
            s_start = close + match.start("spk") + match.group("spk").find(spk)
            return spk, match.group("cue").lower(), s_start, s_start + len(spk)
        return None

    def _speaker_before(self, span: _Span) -> tuple[str, str, int, int] | None:
        open_at = span.start - 1
        sentence = self.sentences[self._sentence_at(open_at)] if self.sentences else None
        line_start = self.text.rfind("\n", 0, open_at) + 1
        head_start = max(sentence.start if sentence else 0, line_start, open_at - 200)
        head = self.text[head_start:open_at]
        match = _BEFORE.search(head)
        if not match:
            return None
        spk = _strip_speaker(match.group("spk"))
        if not _plausible_speaker(spk):
            return None
        s_start = head_start + match.start("spk") + match.group("spk").rfind(spk)
        return spk, match.group("cue").lower(), s_start, s_start + len(spk)

    # --- indirect speech ---------------------------------------------------------------------
    def indirect(self, quoted_sentences: set[int]) -> list[Quote]:
        quotes: list[Quote] = []
        spans = find_quote_spans(self.text)
        inside = [(s.start - 1, s.end + 1) for s in spans]
        for sent in self.sentences:
            if sent.index in quoted_sentences:
                continue
            found = self._indirect_in(sent, inside)
            if found is not None:
                quotes.append(found)
        return quotes

    def _indirect_in(self, sent: Sentence, inside: list[tuple[int, int]]) -> Quote | None:
        text = sent.text
        match = _ACCORDING_TO.search(text)
        if match:
            spk = _strip_speaker(match.group("spk"))
            content = (text[: match.start()] + text[match.end() :]).strip(" ,.")
            if spk and len(content.split()) >= 3:
                a = sent.start + match.start("spk")
                return self._make_indirect(
                    content, spk, "according to", sent, a, a + len(spk), inside
                )
        trail = _INDIRECT_TRAIL.match(text)
        if trail:
            spk_raw = trail.group("spk1") or trail.group("spk2") or ""
            cue = (trail.group("cue1") or trail.group("cue2") or "").lower()
            spk = _strip_speaker(spk_raw)
            if _plausible_speaker(spk) and len(spk.split()) <= 10:
                group = "spk1" if trail.group("spk1") else "spk2"
                a = sent.start + trail.start(group) + spk_raw.find(spk)
                content = trail.group("content").strip(' ,"“”')
                return self._make_indirect(content, spk, cue, sent, a, a + len(spk), inside)
        lead = _INDIRECT_LEAD.match(text)
        if lead:
            pre = lead.group("pre")
            spk = _strip_speaker(pre)
            if (
                _plausible_speaker(spk)
                and len(spk.split()) <= 12
                and not pre.rstrip().endswith(",")
            ):
                a = sent.start + pre.find(spk) if spk else sent.start
                content = lead.group("content").strip(' ,."“”')
                return self._make_indirect(
                    content, spk, lead.group("cue").lower(), sent, a, a + len(spk), inside
                )
        return None

    def _make_indirect(
        self,
        content: str,
        spk: str,
        cue: str,
        sent: Sentence,
        a: int,
        b: int,
        inside: list[tuple[int, int]],
    ) -> Quote | None:
        if len(content.split()) < 3:
            return None
        speaker = self._resolve(spk, a, b, a, inside)
        return Quote(
            text=content,
            speaker=speaker,
            sentence=sent.index,
            kind="indirect",
            cue=cue,
            speaker_text=spk,
        )


def extract_quotes(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
) -> list[Quote]:
    """All quotes of one article, direct first then indirect, each sentence used once."""
    extractor = QuoteExtractor(text, sentences, mentions)
    direct = extractor.direct()
    quoted = {q.sentence for q in direct}
    # a direct quote spanning several sentences covers all of them
    for span in find_quote_spans(text):
        first = extractor._sentence_at(span.start)
        last = extractor._sentence_at(span.end)
        quoted.update(range(first, last + 1))
    indirect = extractor.indirect(quoted)
    return sorted(direct + indirect, key=lambda q: q.sentence)
