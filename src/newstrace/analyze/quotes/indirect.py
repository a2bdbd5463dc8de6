"""Indirect speech: "X said (that) ...", "..., X said.", "according to X", and the outlet that
relayed a source's words ("according to X, which obtained ... from Y", "citing Y")."""

from __future__ import annotations

import re

from newstrace.analyze.quotes.patterns import (
    ACCORDING_TO,
    ANONYMITY,
    APPOSITIVE_OPENER,
    CITING,
    COORDINATED_CUE,
    CUE_IN_HEAD,
    CUE_WORD,
    DESCRIPTION_HEAD,
    FINDING_LEAD,
    FRAMING_CLAUSE,
    HARD_STOP,
    IN_DOCUMENT,
    INDIRECT_LEAD,
    INDIRECT_THAT,
    INDIRECT_TRAIL,
    LABEL_LINE,
    LEADING_FILLER,
    PARTICIPLE_CUE,
    PEOPLE_NOUN,
    RELATIVE_CUE,
    RELAY,
    SAME_SPEAKER_CUE,
    SECOND_CLAUSE,
    STANCE_LEAD,
    TOLD_OBJECT,
    TOLD_OUTLET,
)
from newstrace.analyze.quotes.phrases import (
    RELATIVE_CLAUSE,
    according_speaker,
    active_speaker,
    ends_in_aside,
    participle_cue,
    plausible_speaker,
    speaker_from_pre,
    speaker_words,
    strip_speaker,
    subject_only,
)
from newstrace.analyze.quotes.resolver import SpeakerResolver
from newstrace.analyze.sources import MEDIA
from newstrace.lang.en.attribution import AUTHORED_DOCUMENTS, DOCUMENT_NOUNS
from newstrace.lang.en.speakers import CLAUSE_VERBS, DANGLING, DETERMINERS
from newstrace.model import Quote, Sentence


class IndirectSpeech(SpeakerResolver):
    """Reported speech: 'X said (that) ...', '..., X said.', 'according to X', relayed sources."""

    def indirect(self, quoted_sentences: set[int]) -> list[Quote]:
        quotes: list[Quote] = []
        for whole in self.sentences:
            sent = self._before_quotes(whole) if whole.index in quoted_sentences else whole
            if sent is None:
                continue
            found = self._indirect_in(sent)
            if found is not None:
                quotes.append(found)
                self._remember(found.speaker, sent.start)
                for _ in range(3):  # 'X said A, adding that B, but Y argued C'
                    found = self._next_clause(sent, found)
                    if found is None:
                        break
                    quotes.append(found)
        return quotes

    def _before_quotes(self, sent: Sentence) -> Sentence | None:
        """'X said A. "B," he said.' read as one sentence (the splitter keeps a quote that
        follows a full stop with it): the complete sentence before the quotation marks is
        still reported speech; None when no such sentence comes first."""
        spans = self.spans_in(sent.start, sent.end)
        if not spans:
            return None
        head = self.text[sent.start : spans[0].start - spans[0].open_len].rstrip()
        if len(head.split()) < 6 or not (
            head.endswith(("!", "?")) or HARD_STOP.search(head + " ", len(head) - 1)
        ):
            return None
        return Sentence(sent.index, head, sent.start, sent.start + len(head), sent.paragraph)

    def _next_clause(self, sent: Sentence, first: Quote) -> Quote | None:
        """A second attribution inside the first one's content, the earlier of: the same speaker
        going on ('X accused A and asserted that B', 'X said A, adding that B') or another
        speaker after a conjunction ('X said A, but Y argued B'). `first` is cut before it."""
        options = [found for found in (self._same_speaker(sent, first), self._second(sent, first))]
        found = min((f for f in options if f is not None), key=lambda f: f[0], default=None)
        if found is None:
            return None
        first.text = first.text[: found[0]].rstrip(" ,;")
        return found[1]

    def _same_speaker(self, sent: Sentence, first: Quote) -> tuple[int, Quote] | None:
        for cue in SAME_SPEAKER_CUE.finditer(first.text):
            if cue.start() < 8:
                continue
            content = re.match(r"\s*,?\s*(?:that\s+)?(?P<c>.{8,})$", first.text[cue.end() :])
            if content is None or len(content.group("c").split()) < 3:
                continue
            quote = Quote(
                text=content.group("c").strip(' ,."“”'),
                speaker=first.speaker,
                sentence=sent.index,
                kind="indirect",
                cue=cue.group("cue").lower(),
                speaker_text=first.speaker_text,
            )
            return cue.start(), quote
        return None

    def _second(self, sent: Sentence, first: Quote) -> tuple[int, Quote] | None:
        for join in SECOND_CLAUSE.finditer(first.text):
            rest = first.text[join.end() :]
            cue = CUE_IN_HEAD.search(rest)
            if cue is None or cue.start() > 80:
                continue
            content = re.match(r"\s*,?\s*(?:that\s+)?(?P<c>.{8,})$", rest[cue.end() :])
            at = sent.text.find(rest)
            if content is None or at < 0:
                continue
            shifted = Sentence(sent.index, rest, sent.start + at, sent.end, sent.paragraph)
            second = self._lead(shifted, rest[: cue.start()], cue.group("cue"), content.group("c"))
            if second is not None:
                return join.start(), second
        return None

    def _indirect_in(self, sent: Sentence) -> Quote | None:
        text = ANONYMITY.sub(lambda m: " " * len(m.group(0)), sent.text)
        labelled = self._labelled(sent, text)
        if labelled is not None:
            return labelled
        match = ACCORDING_TO.search(text)
        if match:
            spk = according_speaker(match.group("spk"))
            relay = RELAY.match(text, match.end())
            if spk and relay:  # "according to X, which obtained details from Y, B"
                content = _joined(text[: match.start()], text[relay.end() :])
                a = sent.start + relay.start("src")
                quote = self._make(content, relay.group("src"), "according to", sent, a)
                if quote is not None:
                    quote.via_outlet = spk
                return quote
            content = _joined(text[: match.start()], text[match.end() :])
            if spk:
                a = sent.start + match.start("spk")
                return self._make(content, spk, "according to", sent, a)
        comma = len(text)
        for _ in range(3):  # the third comma from the end ("..., said X, a Y at Z, which W")
            comma = max(text.rfind(",", 0, comma), 0) if comma else 0
        trail = (  # only when a cue follows one of the last three commas (cheap check first)
            INDIRECT_TRAIL.match(text) if "," in text and CUE_WORD.search(text, comma) else None
        )
        # "X said A, but Y argued B": a leading attribution inside the content comes first;
        # when the content's cue has no speaker ("..., the city expects, said X") the trail holds
        deferred = bool(
            trail and CUE_IN_HEAD.search(trail.group("content")) and not _outlet_trails(trail)
        )
        if trail and ends_in_aside(trail.group("content")):
            trail = None  # "The union, meanwhile, said ...": the speaker comes first
        if trail and participle_cue(trail):
            trail = None  # "..., with some voicing support and others warning": no finite cue
        if trail and not deferred:
            found = self._trailing(sent, text, trail)
            if found:
                return found
        for pattern in (INDIRECT_LEAD, INDIRECT_THAT, FINDING_LEAD, STANCE_LEAD):
            lead = pattern.match(text)
            if not lead:
                continue
            if pattern is STANCE_LEAD and not self._opens_sentence(sent, lead.group("pre")):
                continue
            found = self._lead(sent, lead.group("pre"), lead.group("cue"), lead.group("content"))
            if found:
                return found
        if trail:
            found = self._trailing(sent, text, trail)
            if found:
                return found
        # the first cue had no speaker before it: try the later ones ("... who think that")
        for cue in list(CUE_IN_HEAD.finditer(text))[1:4]:
            rest = re.match(r"\s*,?\s*(?:that\s+)?(?P<content>.{8,})$", text[cue.end() :])
            if rest:
                found = self._lead(
                    sent, text[: cue.start()], cue.group("cue"), rest.group("content")
                )
                if found:
                    return found
        return (
            self._coordinated(sent, text)
            or self._relative(sent, text)
            or self._in_document(sent, text)
        )

    def _labelled(self, sent: Sentence, text: str) -> Quote | None:
        """A line opened by its speaker and a colon: 'Mayor Ruiz: Ferries Will Return' (a
        headline), 'HOLM: We checked the levee.' (a transcript). The label must name a person
        or organisation of the article, or a document ('Report: ...'); a place is a dateline."""
        if sent.start > 0 and self.text[sent.start - 1] != "\n":
            return None
        match = LABEL_LINE.match(text)
        if match is None:
            return None
        spk = match.group("spk")
        a = sent.start + match.start("spk")
        named = [m for m in self.mentions_in(a, a + len(spk)) if m.label in ("PERSON", "ORG")]
        surname = spk.split()[-1].lower()
        known = surname in {s.lower() for s in self._surnames} or surname in DOCUMENT_NOUNS
        if not (named or known) or surname in ("q", "a"):
            return None
        if spk.isupper() and len(spk.split()) == 1 and not known:
            return None  # "WASHINGTON: ...": a dateline, not a speaker
        content = match.group("content").strip(' ."“”')
        return self._make(content, spk, ":", sent, a)

    def _in_document(self, sent: Sentence, text: str) -> Quote | None:
        """'The mayor led by six points in the latest county poll': a sentence with no speech
        verb reports what the poll, survey or statement it is "in" says."""
        match = IN_DOCUMENT.search(text)
        if match is None or CUE_WORD.search(match.group("spk")):
            return None
        if re.fullmatch(r"(?i)(?:the\s+)?polls", match.group("spk")):
            return None  # "ahead in the polls": standing in general, no poll is cited
        spk, a = match.group("spk"), sent.start + match.start("spk")
        content = _joined(text[: match.start()], text[match.end() :]).strip(' ,."“”')
        content = re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", content))
        words = spk.lower().split()
        if words[-1] in AUTHORED_DOCUMENTS or words[0] in ("its", "his", "her", "their"):
            # "The agency warned the county in a May 4 letter": the subject wrote it
            subject = self.opening_subject(sent.start, sent.start + match.start())
            if subject is not None:
                spk, a = subject
        return self._make(content, spk, "in", sent, a)

    def _coordinated(self, sent: Sentence, text: str) -> Quote | None:
        """'Ana Ruiz won the runoff and said (that) B' / 'Ana Ruiz toured the mill, saying B':
        the second verb's or the participle's speaker is the sentence's subject, a name or a
        pronoun that opens it."""
        for pattern in (COORDINATED_CUE, PARTICIPLE_CUE):
            match = pattern.search(text)
            if match is None:
                continue
            found = self._subject_speaks(sent, text, match)
            if found is not None:
                return found
        return None

    def _subject_speaks(self, sent: Sentence, text: str, match: re.Match[str]) -> Quote | None:
        subject = self.opening_subject(sent.start, sent.start + match.start())
        if subject is None:
            return None
        content = match.group("content").strip(' ,."“”')
        return self._make(content, subject[0], match.group("cue").lower(), sent, subject[1])

    def _relative(self, sent: Sentence, text: str) -> Quote | None:
        """'..., particularly Ted Cruz, who said he would ...' / 'voters who say they ...': the
        noun phrase the relative pronoun stands for is the speaker."""
        match = RELATIVE_CUE.match(text)
        if match is None:
            return None
        words = match.group("pre").split()
        taken: list[str] = []
        for word in reversed(words[-6:]):
            low = word.lower().strip(",")
            if (taken and word.endswith(",")) or low in DANGLING or low in CLAUSE_VERBS:
                break
            if taken and word.islower() and low.endswith(("ed", "es")):
                break  # "counted / includes independent voters": a verb before the noun phrase
            taken.insert(0, word.strip(","))
            if low in DETERMINERS:
                break
        spk = " ".join(taken)
        a = sent.start + match.group("pre").rfind(spk)
        n_inside = len(self.mentions_in(a, a + len(spk)))
        if not taken or not plausible_speaker(spk, n_inside) or CUE_WORD.search(spk):
            return None
        content = match.group("content").strip(' ,."“”')
        return self._make(content, spk, match.group("cue").lower(), sent, a)

    def _trailing(self, sent: Sentence, text: str, trail: re.Match[str]) -> Quote | None:
        """'CONTENT, said X' / 'CONTENT, X said', with what follows the speaker (an outlet told,
        a source cited) read by `_relayed`."""
        group = "spk1" if trail.group("spk1") else "spk2"
        raw = trail.group(group) or ""
        if group == "spk1" and re.search(r"(?i)(?:^|\s)that\b", raw):
            return None  # "X, a Y, told Z that ...": a leading cue and its clause, not a trail
        if group == "spk1":  # "said X, a Y at Z, which W": the relative clause is not the name
            raw = RELATIVE_CLAUSE.split(raw, maxsplit=1)[0]
            words = speaker_words(raw)
            if subject_only(words) != words or self._named_subject(sent, trail):
                return None  # "X, a spokesman, said the union expected ...": a leading cue
        spk = strip_speaker(raw)
        if group == "spk2":
            spk = active_speaker(spk, trail.group("cue2") or "")
        a = sent.start + trail.start(group) + max(raw.find(spk), 0)
        n_inside = len(self.mentions_in(a, a + len(spk)))
        if not plausible_speaker(spk, n_inside) or len(spk.split(",")[0].split()) > 10:
            return None
        cue = (trail.group("cue1") or trail.group("cue2") or "").lower()
        content = trail.group("content").strip(' ,"“”')
        quote = self._make(content, spk, cue, sent, a)
        if quote is not None:
            self._relayed(quote, text[trail.end("spk1" if group == "spk1" else "cue2") :])
        return quote

    def _opens_sentence(self, sent: Sentence, pre: str) -> bool:
        """Whether `pre` is the sentence's subject: a name, a pronoun or a description of
        people ("Residents", "Many economists"), with nothing before it but a filler."""
        lead = LEADING_FILLER.sub("", pre).strip()
        if not lead or lead.split()[0].lower() in ("it", "this", "that", "there", "what"):
            return False
        at = sent.start + len(pre) - len(lead)
        named = [m for m in self.mentions_in(at, at + len(lead)) if m.label in ("PERSON", "ORG")]
        if named:
            return named[0].start - at <= 4 and named[-1].end >= at + len(lead) - 1
        words = lead.split()
        return len(words) <= 4 and bool(
            lead.lower() in ("he", "she", "they", "we", "i")
            or PEOPLE_NOUN.search(words[-1])
            or DESCRIPTION_HEAD.fullmatch(words[-1])  # "Authorities estimate the damage at"
        )

    def _named_subject(self, sent: Sentence, trail: re.Match[str]) -> bool:
        """'Derek Lund, who served as envoy until May, said ...' / 'Ana Ruiz, a fellow at X,
        said ...': what stands before ', said' is a name and its appositive or relative clause,
        a subject with no verb of its own, so the cue leads and what follows it is reported."""
        content = trail.group("content")
        head, comma, rest = content.partition(",")
        if not comma or "," in rest or not APPOSITIVE_OPENER.match(rest):
            return False
        a = sent.start + trail.start("content")
        named = [m for m in self.mentions_in(a, a + len(head)) if m.label in ("PERSON", "ORG")]
        return bool(named) and len(head.split()) <= 6 and not CUE_WORD.search(head)

    def _lead(self, sent: Sentence, pre: str, cue: str, content: str) -> Quote | None:
        """'SPEAKER cue CONTENT' when the words before the cue end in a plausible speaker."""
        if cue.lower().startswith("continu") and content.lstrip().startswith("to "):
            return None  # "X continues to pick up support": aspect, not speech
        if cue.lower().startswith(("spok", "speak", "talk")) and not re.match(
            r"(?i)\s*(?:about|of|on|out)\b", content
        ):
            return None  # "Obama spoke from the White House": speaking, no words reported
        spk, rel = speaker_from_pre(pre)
        spk = active_speaker(spk, cue)
        a = sent.start + rel
        n_inside = len(self.mentions_in(a, a + len(spk)))
        if plausible_speaker(spk, n_inside) and len(spk.split(",")[0].split()) <= 14:
            return self._make(content.strip(' ,."“”'), spk, cue.lower(), sent, a)
        return None

    def _make(self, content: str, spk: str, cue: str, sent: Sentence, a: int) -> Quote | None:
        via: str | None = None
        if cue.startswith(("tell", "told")):
            told = TOLD_OBJECT.match(content)  # "told the news agency AFP that ..."
            if told and len(told.group("obj").split()) <= 8:
                content = told.group("rest")
                outlet = TOLD_OUTLET.match(told.group("obj"))
                via = outlet.group("outlet") if outlet else None
        citing = CITING.match(content)
        if citing:  # "X reported, citing Y, that B" / "B, X reported, citing Y"
            at = sent.text.find(citing.group("src"))
            via = self.resolve(spk, a, a + len(spk), a) or spk
            spk, a = citing.group("src"), sent.start + max(at, 0)
            content = citing.group("rest") or sent.text[: max(sent.text.find(via), 0)]
            content = content.strip(' ,."“”')
        content = FRAMING_CLAUSE.split(content, maxsplit=1)[0]  # ", marking ...": the reporter's
        if len(content.split()) < 3 or content.lower().startswith("by "):
            return None  # "Additional reporting by X": a credit, not speech
        speaker = self.resolve(spk, a, a + len(spk), a)
        return Quote(
            text=content,
            speaker=speaker,
            sentence=sent.index,
            kind="indirect",
            cue=cue,
            speaker_text=spk,
            via_outlet=via,
        )

    def _relayed(self, quote: Quote, tail: str) -> None:
        """The trailing attribution's tail names who relayed or who was relayed:
        '..., the chairman told the news agency dpa' / '..., Reuters reported, citing Y'."""
        told = TOLD_OUTLET.match(tail) if (quote.cue or "").startswith(("tell", "told")) else None
        if told:
            quote.via_outlet = told.group("outlet")
            return
        citing = re.match(r"^\s*,?\s*citing\s+(?P<src>[^,.;]{2,80})", tail)
        if citing:
            quote.via_outlet = quote.speaker or quote.speaker_text
            src = citing.group("src").strip()
            quote.speaker_text = src
            quote.speaker = src


def _joined(before: str, after: str) -> str:
    """The sentence with an attribution cut out of its middle, punctuation mended:
    'In Iowa, Trump leads, according to X, although ...' -> 'In Iowa, Trump leads, although ...'."""
    comma = before.rstrip().endswith(",") or after.lstrip().startswith(",")
    before, after = before.rstrip(" ,"), after.lstrip(" ,")
    if not before or not after:
        return (before or after).strip(" ,.")
    return f"{before}{', ' if comma else ' '}{after}".strip(" ,.")


def _outlet_trails(trail: re.Match[str]) -> bool:
    """'In Chicago, organizers added 160 guards, the Sun-Times reported': an outlet's trailing
    attribution covers the whole sentence, speech verbs inside it included."""
    raw = trail.group("spk1") or trail.group("spk2") or ""
    return bool(MEDIA.search(raw)) and len(raw.split()) <= 6


def according_to(sentence: str) -> str | None:
    """The X of 'according to X' in a sentence (also inside a quotation), else None."""
    match = ACCORDING_TO.search(sentence)
    return according_speaker(match.group("spk")) or None if match else None
