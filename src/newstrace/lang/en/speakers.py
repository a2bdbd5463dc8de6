"""Words of speaker phrases: pronouns, determiners, the prepositions that put a name inside a
phrase ("a spokesman for X"), words that end a clause rather than a noun phrase, and the small
words of titles."""

from __future__ import annotations

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})

PERSON_PRONOUNS = frozenset({"he", "she", "i"})

DETERMINERS = frozenset("the a an this that these those his her their its our".split())  # noqa: SIM905

LY_NOUNS = frozenset(
    """family assembly supply rally ally daily weekly monthly quarterly anomaly monopoly reply
    bully italy only""".split()  # noqa: SIM905
)

PHRASE_PREPOSITIONS = frozenset(
    [
        "on",
        "in",
        "at",
        "near",
        "along",
        "from",
        "across",
        "outside",
        "inside",
        "around",
        "by",
        "for",
        "with",
        "of",
        "behind",
    ]
)

REFLEXIVE = frozenset("himself herself themselves itself both all alone".split())  # noqa: SIM905

DANGLING = frozenset(
    "to by for of with who that which and or the a an in on at from as into about".split()  # noqa: SIM905
)

CLAUSE_VERBS = frozenset(
    """is are was were has have had knows know spoke speaks came went gets got made makes took
    keeps kept pitched tried tries wants wanted seems seemed appears appeared""".split()  # noqa: SIM905
)

TITLE_SMALL_WORDS = frozenset(
    "a an and or the of to in on for with at by from as is it its but nor vs".split()  # noqa: SIM905
)

# a share of the people asked speaks for them: "47 percent said", "a third said", "six in 10 say"
SHARE_HEADS = frozenset(
    """percent per cent % third thirds quarter quarters fifth fifths half majority majorities
    minority plurality most many""".split()  # noqa: SIM905
)
SHARE_HEDGES = frozenset(
    """about around nearly almost roughly only just some over under more fewer less than a an
    one two three four five six seven eight nine ten slim narrow clear large small bare
    overwhelming vast""".split()  # noqa: SIM905
)

# past forms that end a speaker's noun phrase and start a clause ("The senator sought to calm
# the crowd, and took ..."): regular -ed forms are recognised by their ending
IRREGULAR_PAST = frozenset(
    """wrote sought took made came went gave got held left met ran sent spent stood struck won
    lost brought began fought led kept put set told saw found thought drew threw chose rose
    fell broke spoke knew became grew sat hit cut bought caught taught felt heard paid shot swore
    blew drove wore sang hung fled hid forgot flew froze stole tore wept shook withdrew oversaw
    upheld misled forgave""".split()  # noqa: SIM905
)

# words after a participle that keep it inside the noun phrase ("research carried out by X",
# "officials set to testify"), with the prepositions above
PARTICLES = frozenset({"to", "as", "out", "up", "off", "down"})

# nouns for people that no suffix gives away ("the woman said", "asked the boy"): the head of a
# description that speaks
PERSON_HEADS = frozenset(
    """man men woman women boy boys girl girls child kid kids teen teenager teenagers mom moms
    dad dads mother father parent parents wife husband son daughter brother sister uncle aunt
    grandmother grandfather widow widower couple family guy guys lady ladies gentleman host
    anchor moderator nurse nurses priest pastor bishop imam rabbi monk nun chef clerk guard
    guards cop cops soldier soldiers veteran veterans student students pupil pupils fan fans
    crowd audience victim victims survivor survivors refugee refugees migrant migrants tourist
    tourists patient patients citizen citizens resident residents neighbor neighbour
    colleague colleagues friend friends warden wardens ranger rangers coach captain pilot pilots
    sheriff""".split()  # noqa: SIM905
)

# modal verbs: lower-case inside a phrase they make it a clause ("the school would close")
MODALS = frozenset("would will could can may might must should shall".split())  # noqa: SIM905
