"""Direct quotes: the speaker after the quote ("...," said X), before it (X said: "..."), at a
cue earlier in the sentence (X called it "absurd"), or the owner of a speech noun."""

from __future__ import annotations

import re

from newstrace.analyze.quotes.patterns import (
    AFTER_ANY_VERB,
    AFTER_CUE_FIRST,
    AFTER_SPK_FIRST,
    COLON,
    CUE,
    CUE_IN_HEAD,
    CUE_WORD,
    DASH_SPEAKER,
    INVERTED_BEFORE,
    POSSESSED_SPEECH,
    SAME_SPEAKER_CUE,
    SUBORDINATOR,
)
from newstrace.analyze.quotes.phrases import (
    active_speaker,
    cue_at_end,
    not_this_quotes,
    plausible_speaker,
    speaker_from_pre,
    strip_speaker,
)
from newstrace.analyze.quotes.resolver import SpeakerResolver
from newstrace.analyze.quotes.spans import TRANSCRIPT_LABEL, Span, looks_like_title
from newstrace.analyze.resolve import normalise_name
from newstrace.lang.en.speakers import DANGLING, DETERMINERS
from newstrace.model import Quote


class DirectQuotes(SpeakerResolver):
    """Quoted passages and their speakers: after the quote, before it, or a cue earlier in
    the sentence; split quotes are joined; an unattributed quote goes on the last speaker's."""

    def direct(self) -> list[Quote]:
        quotes: list[Quote] = []
        quote_ends: list[int] = []
        last: tuple[str | None, str | None, int] = (None, None, -10)
        for span in self.spans:
            sentence = self.sentence_at(span.start)
            para = self.sentences[sentence].paragraph if self.sentences else 0
            found = self._transcript_label(span) or self._speaker_after(span)
            found = found or self._speaker_before(span)
            if found is None and looks_like_title(span.text):
                continue  # "Fox News Sunday", "Make Your Kid a Millionaire": a name, not speech
            found = found or self._speaker_of_noun(span) or self._speaker_in(span)
            if found is None:
                if quotes and self._is_continuation(quote_ends[-1], span.start):
                    head = re.sub(r",$", ".", quotes[-1].text.rstrip())
                    quotes[-1].text = f"{head} {span.text.strip()}"
                    quote_ends[-1] = span.end
                    continue
                if len(span.text.split()) < 4 or not re.search(r"[.!?,]\W*$", span.text):
                    continue  # a title or scare quote nobody is said to have said
                same_para = last[2] == para
                next_para = last[2] == para - 1 and self._opens_paragraph(span)
                introduced = self._introduced_before(span, sentence)
                if last[0] and (same_para or next_para):
                    speaker, speaker_text, cue = last[0], last[1], None
                elif introduced is not None:  # 'X was blunt. "..."': named just before
                    speaker, speaker_text, cue = introduced, introduced, None
                    last = (speaker, speaker_text, para)
                else:
                    speaker, speaker_text, cue = None, None, None
            else:
                speaker_text, cue, s_start, s_end = found
                speaker = self.resolve(speaker_text, s_start, s_end, span.start)
                last = (speaker, speaker_text, para)
                self._remember(speaker, span.start)
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
            if found is not None:
                going_on = self._going_on(span, sentence, speaker, speaker_text)
                if going_on is not None:
                    self.extra.append(going_on)
        _close_open_paragraphs(quotes, [s for s in self.spans if s.close_len == 0])
        return quotes

    def _transcript_label(self, span: Span) -> tuple[str, str, int, int] | None:
        """'"PENCE: Well, ...': the label between the quotation mark and the words."""
        label = TRANSCRIPT_LABEL.match(self.text, span.start - span.open_len + 1)
        if label is None or label.end() != span.start:
            return None
        name = label.group(0).rstrip(": ")
        return name, ":", label.start(), label.start() + len(name)

    def _introduced_before(self, span: Span, sentence: int) -> str | None:
        """A quote opening its sentence, with no speaker of its own, belongs to the person the
        sentence before is about when that sentence names them first and quotes no one:
        'Maria Lopez, who leads the union, was blunt. "We will strike."'"""
        if not self.sentences or sentence == 0:
            return None
        here = self.sentences[sentence]
        if self.text[here.start : span.start - span.open_len].strip():
            return None
        prev = self.sentences[sentence - 1]
        if here.paragraph - prev.paragraph > 1 or self.spans_in(prev.start, prev.end):
            return None
        named = self.persons_in(prev.start, prev.end)
        named = [m for m in named if not self._possessive(m)]
        subject = named[0] if named else None
        if subject is not None and len(self.text[prev.start : subject.start].split()) <= 3:
            return normalise_name(subject.text)
        # '..., Schiff said.' / 'X, a partner at Y, called him a master.': the person next to
        # the sentence's speech verb
        for cue in CUE_WORD.finditer(self.text, prev.start, prev.end):
            for m in named:
                gap = self.text[m.end : cue.start()] if m.end <= cue.start() else ""
                after = self.text[cue.end() : m.start] if m.start >= cue.end() else None
                if (gap and len(gap.split()) <= 8 and not re.search(r"[.;:]", gap)) or (
                    after is not None and len(after.split()) <= 1
                ):
                    return normalise_name(m.text)
        return None

    def _going_on(
        self, span: Span, sentence: int, speaker: str | None, speaker_text: str | None
    ) -> Quote | None:
        """'"...," X said, adding that B': the speaker's indirect words after their quote."""
        if not self.sentences:
            return None
        close = span.end + span.close_len
        end = self.sentences[sentence].end
        later = self.spans_in(close + 1, end + 3)
        nxt = later[0].start - later[0].open_len if later else end
        tail = self.text[close : min(end, nxt)]
        own = CUE_WORD.search(tail)  # the quote's own "said" comes first
        for cue in SAME_SPEAKER_CUE.finditer(tail, own.end() if own else 0):
            content = re.match(r"\s*,?\s*(?:that\s+)?(?P<c>[^\"“‘].{8,})$", tail[cue.end() :])
            if content is None or len(content.group("c").split()) < 3:
                continue
            return Quote(
                text=content.group("c").strip(' ,."“”'),
                speaker=speaker,
                sentence=sentence,
                kind="indirect",
                cue=cue.group("cue").lower(),
                speaker_text=speaker_text,
            )
        return None

    def _opens_paragraph(self, span: Span) -> bool:
        line_start = self.text.rfind("\n", 0, span.start) + 1
        return not self.text[line_start : span.start - 1].strip()

    def _is_continuation(self, prev_end: int, start: int) -> bool:
        between = self.text[prev_end:start]
        if "\n" in between.strip(' \t\r,."”’') or len(between) > 90:
            return False
        return bool(re.search(rf"\b(?:{CUE})\b", between))

    def _speaker_after(self, span: Span) -> tuple[str, str, int, int] | None:
        close = span.end + span.close_len
        tail = self.text[close : close + 200].split("\n", 1)[0]
        if not re.match(r"^\s*[,.!?—–-]?\s*\S", tail):
            return None
        dash = DASH_SPEAKER.match(tail)
        if dash:  # "...” ― Pamela Padilla"
            s_start = close + dash.start("spk")
            return dash.group("spk"), "―", s_start, s_start + len(dash.group("spk"))
        for pattern in (AFTER_CUE_FIRST, AFTER_SPK_FIRST):
            match = pattern.match(tail)
            if not match:
                continue
            raw = match.group("spk")
            if pattern is AFTER_SPK_FIRST and not_this_quotes(raw, match.group("cue")):
                continue
            if pattern is AFTER_CUE_FIRST and match.group("cue").lower().endswith("ing"):
                continue  # '"...," telling reporters': the addressee, not the speaker
            spk = strip_speaker(raw.split(",")[0] if pattern is AFTER_SPK_FIRST else raw)
            if pattern is AFTER_SPK_FIRST:
                spk = active_speaker(spk, match.group("cue"))
            s_start = close + match.start("spk") + max(raw.find(spk), 0)
            if pattern is AFTER_SPK_FIRST:
                spk = self._with_named_appositive(spk, raw, s_start)
            n_inside = len(self.mentions_in(s_start, s_start + len(raw)))
            if not plausible_speaker(spk, n_inside):
                continue
            return spk, match.group("cue").lower(), s_start, s_start + len(spk)
        return self._speaker_after_any_verb(span, tail, close)

    def _with_named_appositive(self, spk: str, raw: str, s_start: int) -> str:
        """'the committee chair, Omar Haddad,': a description followed by the person's name
        keeps the name, so the speaker resolves to the person."""
        parts = raw.split(",")
        if len(parts) < 2 or self._person_in(s_start, s_start + len(spk)):
            return spk
        name = parts[1].strip()
        at = self.text.find(name, s_start + len(spk))
        if name and self._person_in(at, at + len(name)) and len(name.split()) <= 4:
            return self.text[s_start : at + len(name)]
        return spk

    def _person_in(self, start: int, end: int) -> bool:
        return any(m.label == "PERSON" for m in self.mentions_in(start, end))

    def _speaker_after_any_verb(
        self, span: Span, tail: str, close: int
    ) -> tuple[str, str, int, int] | None:
        """'"...," the minister elaborated': a quote ending in , ? or ! is handed to the
        clause right after it even when its verb is not a known speech verb."""
        if not (span.text.rstrip()[-1:] in ",?!" or tail.lstrip().startswith(",")):
            return None
        body = tail.lstrip()
        body = body[1:] if body.startswith(",") else body
        offset = close + len(tail) - len(body)
        match = AFTER_ANY_VERB.match(body)
        if match is None or SUBORDINATOR.match(body):
            return None
        group = "spk" if match.group("spk") else "spk2"
        raw = match.group(group)
        spk = strip_speaker(raw)
        s_start = offset + match.start(group) + max(raw.find(spk), 0)
        n_inside = len(self.mentions_in(s_start, s_start + len(spk)))
        if not plausible_speaker(spk, n_inside) or len(spk.split()) > 8:
            return None
        cue = (match.group("cue") or match.group("cue2") or "").lower()
        return spk, cue, s_start, s_start + len(spk)

    def _speaker_before(self, span: Span) -> tuple[str, str, int, int] | None:
        open_at = span.start - span.open_len
        sent = self.sentences[self.sentence_at(open_at)] if self.sentences else None
        line_start = self.text.rfind("\n", 0, open_at) + 1
        head_start = max(sent.start if sent else 0, line_start, open_at - 400)
        head = self.text[head_start:open_at]
        if not head.strip() and line_start > 1:
            prev_start = self.text.rfind("\n", 0, max(line_start - 1, 0))
            prev_line = self.text[prev_start + 1 : line_start].strip()
            if not prev_line:  # skip one blank line between paragraphs
                prev_end = max(prev_start, 0)
                prev_start = self.text.rfind("\n", 0, prev_end)
                prev_line = self.text[prev_start + 1 : prev_end].strip()
            if prev_line.endswith(":") and len(prev_line) < 240:
                head_start = self.text.find(prev_line, prev_start + 1)
                head = prev_line
        inverted = INVERTED_BEFORE.match(head)
        if inverted and inverted.group("cue")[:1].isupper():
            spk = strip_speaker(inverted.group("spk"))
            s_start = head_start + inverted.start("spk")
            if plausible_speaker(spk, len(self.mentions_in(s_start, s_start + len(spk)))):
                return spk, inverted.group("cue").lower(), s_start, s_start + len(spk)
        colon = COLON.search(head)
        before = cue_at_end(head)
        if (colon and colon.start() == 0) or (colon and not before):
            spk = colon.group("spk")
            s_start = head_start + colon.start("spk")
            if plausible_speaker(spk, 1):
                return spk, ":", s_start, s_start + len(spk)
        if not before:
            dash_or_colon = head.rstrip().endswith((":", "—", "–", "--"))
            if dash_or_colon and not CUE_IN_HEAD.search(head):  # "X scolded him: ", "X — "
                named = [
                    m
                    for m in self.mentions_in(head_start, head_start + len(head))
                    if m.label in ("PERSON", "ORG")
                ]
                mark = head.rstrip()[-1]
                if named:
                    return named[0].text, mark, named[0].start, named[0].end
                subject = self.opening_subject(head_start, head_start + len(head))
                if subject is not None:  # "She then turned to the crowd again: "
                    return subject[0], mark, subject[1], subject[1] + len(subject[0])
            return None
        pre_start, pre, cue = before
        spk, rel = speaker_from_pre(pre)
        spk = active_speaker(spk, cue)
        s_start = head_start + pre_start + rel
        n_inside = len(self.mentions_in(s_start, s_start + len(spk)))
        if not plausible_speaker(spk, n_inside):
            return None
        return spk, cue.lower(), s_start, s_start + len(spk)

    def _speaker_of_noun(self, span: Span) -> tuple[str, str, int, int] | None:
        """'the mayor's pledge of a "swift reply"': the owner of a speech noun said the words."""
        sent = self.sentences[self.sentence_at(span.start)] if self.sentences else None
        if sent is None:
            return None
        head = self.text[sent.start : span.start - span.open_len]
        match = POSSESSED_SPEECH.search(head)
        if match is None:
            return None
        words = head[: match.end("owner")].split()
        taken: list[str] = []
        for word in reversed(words):  # "criticised the council", "Mayor Dan Ortiz"
            if word[:1].isupper() or not taken:
                taken.insert(0, word)
            elif word.lower() in DETERMINERS:
                taken.insert(0, word)
                break
            elif len(taken) < 3 and word.isalpha() and word.lower() not in DANGLING:
                taken.insert(0, word)
            else:
                break
        while taken and taken[0][:1].isupper() and len(taken) > 1 and taken[0].lower() in DANGLING:
            taken.pop(0)
        spk = " ".join(taken)
        s_start = sent.start + head.rfind(spk, 0, match.end("owner"))
        n_inside = len(self.mentions_in(s_start, s_start + len(spk)))
        if not spk or not plausible_speaker(spk, n_inside):
            return None
        return spk, "'s", s_start, s_start + len(spk)

    def _speaker_in(self, span: Span) -> tuple[str, str, int, int] | None:
        """A cue earlier in the quote's sentence: 'X called the plan "a disaster"'."""
        sent = self.sentences[self.sentence_at(span.start)] if self.sentences else None
        if sent is None:
            return None
        head = self.text[sent.start : span.start - 1]
        for match in CUE_IN_HEAD.finditer(head):
            pre = head[: match.start()]
            if self._in_quote(sent.start + match.start("cue")):
                continue
            spk, rel = speaker_from_pre(pre)
            spk = active_speaker(spk, match.group("cue"))
            s_start = sent.start + rel
            n_inside = len(self.mentions_in(s_start, s_start + len(spk)))
            if plausible_speaker(spk, n_inside) and len(spk.split(",")[0].split()) <= 12:
                return spk, match.group("cue").lower(), s_start, s_start + len(spk)
            if match.group("cue").endswith("ing") and pre.rstrip(' ”"’').endswith(","):
                # 'X made a defence of "A," saying "B"': the participle's subject opens the clause
                subject = self.opening_subject(sent.start, sent.start + match.start())
                if subject is not None:
                    spk, at = subject
                    return spk, match.group("cue").lower(), at, at + len(spk)
        return None


def _close_open_paragraphs(quotes: list[Quote], open_spans: list[Span]) -> None:
    """A quote left open at a paragraph's end goes on in the next paragraph; it is the words
    of whoever the next quote is given to."""
    if not open_spans:
        return
    texts = {s.text.strip() for s in open_spans}
    for i, quote in enumerate(quotes):
        if quote.speaker or quote.speaker_text or quote.text not in texts:
            continue
        after = next((q for q in quotes[i + 1 :] if q.speaker or q.speaker_text), None)
        if after is not None:
            quote.speaker, quote.speaker_text = after.speaker, after.speaker_text
