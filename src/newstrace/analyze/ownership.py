"""Who owns each figure: the speaker whose words hold it, else the sentence's speaker or cited
outlet; a figure in the reporter's framing clause (", marking three years of war") is the
outlet's own (attributed_to None). Reads the quotes and cited sources; writes quantities."""

from __future__ import annotations

import re

from newstrace.analyze.quantities import extract_quantities
from newstrace.analyze.quotes import according_to
from newstrace.analyze.sources import source_of_sentence
from newstrace.lang.en.attribution import FRAMING_PARTICIPLES
from newstrace.model import Article, Quantity, Quote


def _owners_by_sentence(article: Article) -> dict[int, str | None]:
    """The speaker of each sentence that carries a quote (a multi-sentence quote covers all)."""
    owners: dict[int, str | None] = {}
    for quote in article.quotes:
        owners.setdefault(quote.sentence, quote.speaker)
        if quote.kind != "direct":
            continue
        for sentence in article.sentences[quote.sentence + 1 :]:
            core = sentence.text.strip("\"“”‘’' ")[:60]
            if not core or core not in quote.text:
                break
            owners.setdefault(sentence.index, quote.speaker)
    return owners


_FRAMING = re.compile(r",\s+(?:" + "|".join(sorted(FRAMING_PARTICIPLES)) + r")\b")


# "Yasmeen Ortiz, 18, said ..." / "the 54-year-old actress": an age that describes someone is
# the reporter's, not what the person said
_AGE_APPOSITIVE = re.compile(r"[A-Z][\w'’.\-]+\s*,\s*$")
_YEAR_OLD = re.compile(r"^\S+\s?-\s?years?\s?-\s?old\b")


def _describes(sentence: str, at: int) -> bool:
    """The figure at `at` is an age describing a person (an appositive or "N-year-old")."""
    if at < 0:
        return False
    after = sentence[at:]
    age = re.match(r"\d{1,3}\s*(?:,|\)|$)", after) and _AGE_APPOSITIVE.search(sentence[:at])
    return bool(age or _YEAR_OLD.match(after))


def _before_speakers(sentence: str, at: int, quotes: list[Quote]) -> bool:
    """The figure at `at` comes before every speaker of the sentence and in none of their words:
    the reporter's framing ("two of the women who have accused him", "In 2019, X said")."""
    starts = [sentence.find(q.speaker_text) for q in quotes if q.speaker_text]
    return bool(starts) and at >= 0 and all(s > at for s in starts if s >= 0) and min(starts) >= 0


def owned_figures(article: Article) -> list[Quantity]:
    """Figures of every sentence, owned by the speaker whose words hold them, else by the
    sentence's speaker or cited outlet; a figure in the reporter's framing clause (", marking
    three years of war") has no speaker (attributed_to None: the outlet's own figure)."""
    owners = _owners_by_sentence(article)
    out: list[Quantity] = []
    for sentence in article.sentences:
        found = extract_quantities(sentence.text, sentence.index)
        if not found:
            continue
        owner = owners.get(sentence.index)
        reporter = according_to(sentence.text) or source_of_sentence(
            sentence.text, article.cited_sources
        )
        if owner is None:
            owner = reporter
        here = [q for q in article.quotes if q.sentence == sentence.index and q.speaker]
        framing = _FRAMING.search(sentence.text)
        for quantity in found:
            # of several attributions in one sentence, the one whose words hold the figure
            holder = next((q for q in here if quantity.span in q.text), None)
            at = sentence.text.find(quantity.span)
            if holder is not None:
                quantity.attributed_to, quantity.via_outlet = holder.speaker, holder.via_outlet
            elif (
                (framing is not None and at > framing.start())
                or _describes(sentence.text, at)
                or any(quantity.span in (q.speaker_text or "") for q in here)
                or _before_speakers(sentence.text, at, here)
            ):  # "52 percent said ...", "two of the women who said": the reporter's count
                quantity.attributed_to = reporter
            else:
                quantity.attributed_to = owner
                relay = next((q.via_outlet for q in here if q.speaker == owner), None)
                quantity.via_outlet = relay
        out.extend(found)
    return out
