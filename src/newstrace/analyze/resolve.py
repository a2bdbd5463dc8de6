"""Story-level entity resolution: one Entity per real thing across all articles of a story.

Names are normalised (titles, "the", possessives, middle initials dropped); full names group
exactly; a lone surname or first name joins the one person of the story it fits (if two people
fit, the one named in the same article, most recently); acronyms join the name whose initials
they spell ("AP" -> "Associated Press"); the type is a vote over all mentions of the group.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newstrace.lang.en.names import ORG_SUFFIXES, PERSON_TITLES, TITLES
from newstrace.model import Article, Entity, EntityMention

RESOLVED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"}
)
_SKIP_IN_INITIALS = frozenset({"of", "the", "and", "for", "de", "&", "in", "on", "a", "an"})
_ARTICLE = re.compile(r"(?i)^the\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DESCRIBED_ROLE = re.compile(r"(?i)^the\s+(?:[A-Z][\w-]*\s+)?(?P<role>[a-z]+)$")
_NICKNAME = re.compile(r"\s[\"“'‘(][A-Z][\w.]*[\"”'’)]\s")
_LEADING_PREPOSITIONS = frozenset({"across", "in", "at", "from", "to", "inside", "outside", "near"})
_INITIAL = re.compile(r"^[A-Z]\.?$")


@lru_cache(maxsize=65536)  # a story's names are normalised again for every mention compared
def normalise_name(text: str) -> str:
    """'Chancellor Olaf Scholz's' -> 'Olaf Scholz'; 'The Associated Press' -> 'Associated Press'."""
    name = " ".join(text.replace("\n", " ").split())
    name = _NICKNAME.sub(" ", name)  # 'Luis "Jerry" Ortiz', 'Kimani (Kiki) Gray'
    name = _ARTICLE.sub("", " ".join(name.split()))
    name = _POSSESSIVE.sub("", name).strip(" ,.;:-–—")
    words = name.split()
    while len(words) > 1 and words[0].lower() in _LEADING_PREPOSITIONS:
        words = words[1:]  # "Across Athens" at the start of a sentence
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    if len(words) > 2:  # drop middle initials: "Donald J. Trump" -> "Donald Trump"
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    return " ".join(words)


def acronym_of(name: str) -> str:
    """Initials of the capitalised words: 'Associated Press' -> 'AP'."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SKIP_IN_INITIALS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _acronym_form(name: str) -> str | None:
    """'AP' / 'U.N.' -> 'AP' / 'UN' when the name is written as an acronym, else None."""
    compact = name.replace(".", "").replace(" ", "")
    if 2 <= len(compact) <= 6 and compact.isupper() and compact.isalpha():
        return compact
    return None


@dataclass
class _Group:
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: list[EntityMention] = field(default_factory=list)

    def add(self, mention: EntityMention, form: str, article: str, votes: Counter[str]) -> None:
        self.forms[form] += 1
        self.labels.update(votes)
        self.articles.add(article)
        self.mentions.append(mention)

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0] if self.labels else "MISC"

    @property
    def name(self) -> str:
        """The most frequent multi-word form, else the most frequent form."""
        full = [
            (n, f) for f, n in self.forms.items() if len(f.split()) > 1 and not _acronym_form(f)
        ]
        if full:
            return max(full, key=lambda t: (t[0], len(t[1])))[1]
        return max(self.forms.items(), key=lambda t: (t[1], len(t[0])))[0]


class EntityResolver:
    """Groups the mentions of a story's articles into entities; see the module docstring."""

    def __init__(self, articles: Sequence[Article]):
        self.articles = list(articles)
        self.groups: dict[str, _Group] = {}
        self._label_votes: dict[str, Counter[str]] = defaultdict(Counter)
        for article in self.articles:
            for mention in article.mentions:
                if mention.label in RESOLVED_LABELS:
                    self._label_votes[normalise_name(mention.text).lower()][mention.label] += 1

    def _vote(self, form: str) -> str:
        votes = self._label_votes.get(form.lower())
        return votes.most_common(1)[0][0] if votes else "MISC"

    def resolve(self) -> list[Entity]:
        multi: list[tuple[Article, EntityMention, str]] = []
        single: list[tuple[Article, EntityMention, str]] = []
        for article in self.articles:
            for mention in article.mentions:
                if mention.label not in RESOLVED_LABELS:
                    continue
                form = normalise_name(mention.text)
                if not form:
                    continue
                target = single if len(form.split()) == 1 else multi
                target.append((article, mention, form))
        # 1. multi-word names group by their normalised form (case-insensitive)
        for article, mention, form in multi:
            self._group(form.lower()).add(mention, form, article.id, self._votes(article, mention))
        self._merge_person_variants()
        persons = {k: g for k, g in self.groups.items() if _person_like(g)}
        by_initials: dict[str, list[str]] = defaultdict(list)
        for key, group in self.groups.items():
            if group.label in ("ORG", "GPE", "NORP", "LOC", "FAC"):
                by_initials[acronym_of(group.name)].append(key)
        # 2. single words: person part, acronym, or their own group
        for article, mention, form in single:
            key = self._single_key(article, mention, form, persons, by_initials)
            self._group(key).add(mention, form, article.id, self._votes(article, mention))
        return self._entities()

    def _merge_person_variants(self) -> None:
        """'Mark Jay Heller' / 'Mark Heller', 'Comedian Ellen DeGeneres' / 'Ellen DeGeneres'."""
        persons = [k for k, g in self.groups.items() if _person_like(g)]
        by_core: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key in persons:
            words = [w for w in key.split() if w.strip(".") not in _NAME_SUFFIXES]
            if len(words) >= 2:
                by_core[(words[0], words[-1])].append(key)
        two_word = {k for k in persons if len(k.split()) == 2}
        target: dict[str, str] = {}
        for keys in by_core.values():
            if len(keys) > 1:
                main = max(keys, key=lambda k: sum(self.groups[k].forms.values()))
                target.update({k: main for k in keys if k != main})
        for key in persons:
            words = key.split()
            if key in target or len(words) < 3:
                continue
            tail, head = " ".join(words[-2:]), " ".join(words[:2])
            if tail in two_word and not any(w in ORG_SUFFIXES for w in words):
                target[key] = tail  # a leading role word spaCy kept: "Comedian Ellen DeGeneres"
            elif head in two_word and not any(w in ORG_SUFFIXES for w in words[2:]):
                target[key] = head  # a headline word glued on: "Ellen DeGeneres Returns"
        for key, main in target.items():
            while main in target and target[main] != key:
                main = target[main]
            if key == main or key not in self.groups or main not in self.groups:
                continue
            source = self.groups.pop(key)
            dest = self.groups[main]
            dest.forms.update(source.forms)
            dest.labels.update(source.labels)
            dest.articles |= source.articles
            dest.mentions.extend(source.mentions)

    def _group(self, key: str) -> _Group:
        if key not in self.groups:
            self.groups[key] = _Group(key)
        return self.groups[key]

    def _single_key(
        self,
        article: Article,
        mention: EntityMention,
        form: str,
        persons: dict[str, _Group],
        by_initials: dict[str, list[str]],
    ) -> str:
        low = form.lower()
        acronym = _acronym_form(form)
        if acronym and len(by_initials.get(acronym, [])) == 1:
            return by_initials[acronym][0]
        surname = [k for k in persons if k.split()[-1] == low]
        # a first name alone is weak evidence: only for voted persons, and only when this word
        # is not voted a place ("Vancouver" must not join "Vancouver Sun")
        first = (
            [k for k in persons if k.split()[0] == low and self.groups[k].label == "PERSON"]
            if self._vote(form) not in ("GPE", "LOC", "NORP", "FAC")
            else []
        )
        for candidates in (surname, first):
            if len(candidates) == 1:
                return candidates[0]
            if len(candidates) > 1:
                chosen = self._nearest_in_article(article, mention, candidates)
                if chosen:
                    return chosen
                return low  # ambiguous: two people share the name and nothing decides
        return low

    def _votes(self, article: Article, mention: EntityMention) -> Counter[str]:
        """The mention's label, plus PERSON votes when a title precedes it or it is quoted."""
        votes: Counter[str] = Counter({mention.label: 1})
        before = article.text[max(0, mention.start - 30) : mention.start].split()
        if before and before[-1].lower().strip(".,") in PERSON_TITLES:
            votes["PERSON"] += 2
        elif _name_shaped(mention.text) and any(
            q.speaker_text and mention.text in q.speaker_text for q in article.quotes
        ):
            votes["PERSON"] += 1
        return votes

    @staticmethod
    def _nearest_in_article(
        article: Article, mention: EntityMention, candidates: list[str]
    ) -> str | None:
        best: tuple[int, str] | None = None
        for other in article.mentions:
            key = normalise_name(other.text).lower()
            if key in candidates:
                # prefer the latest full name before the mention, else the first after it
                distance = (
                    mention.start - other.start
                    if other.start <= mention.start
                    else 10**9 + other.start
                )
                if best is None or distance < best[0]:
                    best = (distance, key)
        return best[1] if best else None

    def _entities(self) -> list[Entity]:
        entities: list[Entity] = []
        alias_map: dict[str, str] = {}
        for group in self.groups.values():
            name = group.name
            for mention in group.mentions:
                mention.canonical = name
                alias_map[mention.text.lower()] = name
                alias_map[normalise_name(mention.text).lower()] = name
            aliases = sorted({m.text for m in group.mentions} - {name})
            articles = [a.id for a in self.articles if a.id in group.articles]
            entities.append(Entity(name=name, type=group.label, aliases=aliases, articles=articles))
        self._rewrite_speakers(alias_map)
        entities.sort(key=lambda e: (-len(e.articles), e.name))
        return entities

    def _roles(self) -> dict[str, set[str]]:
        """Role word -> the people the story gives that title: 'chancellor' -> {Olaf Scholz}."""
        roles: dict[str, set[str]] = defaultdict(set)
        for article in self.articles:
            for mention in article.mentions:
                if mention.label != "PERSON" or not mention.canonical:
                    continue
                before = article.text[max(0, mention.start - 40) : mention.start].split()
                for word in reversed(before[-3:]):
                    role = word.lower().strip(".,")
                    if role not in TITLES:
                        break
                    roles[role].add(mention.canonical)
        return roles

    def _rewrite_speakers(self, alias_map: dict[str, str]) -> None:
        roles = self._roles()
        for article in self.articles:
            for quote in article.quotes:
                if quote.speaker:
                    quote.speaker = self._canonical(quote.speaker, alias_map)
                    described = _DESCRIBED_ROLE.match(quote.speaker)
                    people = (
                        roles.get(described.group("role").lower(), set()) if described else set()
                    )
                    if len(people) == 1:  # "the German chancellor" -> the story's one chancellor
                        quote.speaker = next(iter(people))
            for quantity in article.quantities:
                if quantity.attributed_to:
                    quantity.attributed_to = self._canonical(quantity.attributed_to, alias_map)

    @staticmethod
    def _canonical(name: str, alias_map: dict[str, str]) -> str:
        """The entity a speaker string names; 'Renata Silvo, regional director at the agency'
        is Renata Silvo (the words before an appositive comma)."""
        for candidate in (name, name.split(",", 1)[0].strip()):
            found = alias_map.get(candidate.lower()) or alias_map.get(
                normalise_name(candidate).lower()
            )
            if found:
                return found
        return name


def _name_shaped(text: str) -> bool:
    """'Olaf Scholz', 'Scholz': capitalised words with no organisation ending."""
    words = text.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and words[-1].lower() not in ORG_SUFFIXES
    )


def _person_like(group: _Group) -> bool:
    """A person group: voted PERSON, or a name-shaped ORG (the small NER model's usual slip)."""
    if group.label == "PERSON":
        return True
    return group.label == "ORG" and group.labels["PERSON"] > 0 and _name_shaped(group.name)


def resolve_entities(articles: list[Article]) -> list[Entity]:
    """One Entity per real thing across `articles`; sets mention.canonical and canonical speakers."""
    return EntityResolver(articles).resolve()
