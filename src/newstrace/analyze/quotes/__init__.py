"""Who is quoted saying what: direct quotes (any quotation marks) and indirect speech.

A package of modules with one job each: spans (quotation marks), phrases (speaker noun
phrases), resolver (names and pronouns), direct, indirect, patterns (the shared regexes).

Rules over the sentence text plus the article's entity mentions. A direct quote's speaker is
looked for right after the quote ("...," said X / "...," X said), right before it (X said: "..."),
then at a cue earlier in its sentence (X called it "absurd"); split quotes around "he said" are
joined; an unattributed quote continues the paragraph's last speaker. Pronouns resolve to the
person the text was last about; descriptions ("a senior official who asked not to be named")
are kept as written. Indirect speech: "X said (that) ...", "..., X said.", "according to X".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.analyze.quotes.direct import DirectQuotes
from newstrace.analyze.quotes.indirect import IndirectSpeech, according_to
from newstrace.analyze.quotes.patterns import NEGATOR
from newstrace.analyze.quotes.spans import find_quote_spans, looks_like_title
from newstrace.model import EntityMention, Quote, Sentence

__all__ = ["QuoteExtractor", "according_to", "extract_quotes", "find_quote_spans"]


class QuoteExtractor(DirectQuotes, IndirectSpeech):
    """Extracts Quote records from one article's text, sentences and entity mentions."""


def extract_quotes(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
) -> list[Quote]:
    """All quotes of one article, direct and indirect, in sentence order."""
    extractor = QuoteExtractor(text, sentences, mentions)
    direct = extractor.direct()
    quoted: set[int] = set()
    for span in extractor.spans:  # a sentence holding (part of) a direct quote is not re-read
        if len(span.text.split()) >= 4 and not looks_like_title(span.text):
            first = extractor.sentence_at(span.start)
            last = extractor.sentence_at(span.end)
            if first == last and _minor(sentences[first], span.end - span.start):
                continue  # 'A clerk who "took a few notes" is fined, X said': reported speech
            quoted.update(range(first, last + 1))
    quoted.update(q.sentence for q in direct)
    indirect = extractor.indirect(quoted)
    found = sorted(direct + extractor.extra + indirect, key=lambda q: q.sentence)
    for quote in found:
        quote.negated = _cue_negated(text, sentences, quote)
    return found


def _cue_negated(text: str, sentences: Sequence[Sentence], quote: Quote) -> bool:
    """'Police did not confirm any damage': a negator between the speaker and the cue."""
    if not quote.cue or not quote.speaker_text or not quote.cue[:1].isalpha():
        return False
    if not 0 <= quote.sentence < len(sentences):
        return False
    sent = sentences[quote.sentence]
    body = text[sent.start : sent.end]
    at = body.find(quote.speaker_text)
    if at < 0:
        return False
    after = at + len(quote.speaker_text)
    cue = re.search(rf"(?i)\b{re.escape(quote.cue)}\b", body[after : after + 60])
    return bool(cue and NEGATOR.search(body, after, after + cue.start()))


def _minor(sentence: Sentence, quoted_chars: int) -> bool:
    """A quotation that fills less than half of its sentence is a phrase inside it; the
    sentence is still read for reported speech."""
    return quoted_chars * 2 < len(sentence.text)
