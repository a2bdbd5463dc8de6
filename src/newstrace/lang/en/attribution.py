"""Words around attribution that are not speech verbs: speech nouns, relaying verbs, negators.

Read by newstrace.analyze.quotes (who said it, through whom), .negation and .pipeline.
"""

from __future__ import annotations

# nouns for something said: "the mayor's pledge of a 'swift reply'" hands the words to the mayor
SPEECH_NOUNS = frozenset(
    """pledge pledges promise promises vow vows call calls warning warnings demand demands claim
    claims statement statements remark remarks comment comments words description phrase
    assurance assurances threat threats appeal appeals plea pleas label slogan criticism
    proposal offer insistence argument arguments assessment prediction predictions forecast
    verdict characterization characterisation accusation accusations announcement denial
    message response reply request order orders ultimatum""".split()  # noqa: SIM905
)

# verbs that name something: "what the premier has termed a 'safety net'"
NAMING_VERBS = frozenset(
    """termed term terms called calls dubbed dubs labelled labeled labels described describes
    branded brands characterized characterised""".split()  # noqa: SIM905
)

# how an outlet got its material from a source: "X, which obtained details from Y"
RELAY_VERBS = frozenset(
    """obtained obtains got received receives saw sees reviewed reviews cited cites quoted quotes
    interviewed interviews spoke talked heard learned""".split()  # noqa: SIM905
)

# nouns that name an outlet by its kind: "told the news agency dpa", "the German daily X"
OUTLET_NOUNS = frozenset(
    """agency newswire newspaper daily weekly broadcaster television channel radio network outlet
    magazine website paper tabloid""".split()  # noqa: SIM905
)

# participles whose subject is the event, not the speaker: "..., marking three years of war"
FRAMING_PARTICIPLES = frozenset(
    """marking bringing making raising lifting pushing taking ending capping leaving putting
    sending""".split()  # noqa: SIM905
)

# words that negate the predicate after them
NEGATORS = frozenset("not n't never no nobody nothing none neither nor".split())  # noqa: SIM905
# words between a negator and the word it negates ("did not yet confirm", "was not immediately")
NEGATION_SKIP = frozenset(
    """be been being yet immediately always ever even also still fully publicly officially
    directly independently formally really quite a an the any""".split()  # noqa: SIM905
)

# a circumstance of speaking, not speech: "speaking on condition of anonymity"
ANONYMITY_PHRASES = (
    "on condition of anonymity",
    "on the condition of anonymity",
    "on condition that they not be named",
    "on condition that he not be named",
    "on condition that she not be named",
    "on condition of not being named",
    "on background",
    "on the record",
    "off the record",
)

# words after a comma that close a speaker's phrase ("Port officials, however, said")
DISCOURSE_ADVERBS = frozenset(
    """however though meanwhile instead nonetheless nevertheless moreover furthermore too
    also likewise""".split()  # noqa: SIM905
)

# short lower-case words that are never an outlet's name ("told the newspaper on Monday");
# lower-case names such as "dpa" are otherwise accepted after an outlet noun
SHORT_FUNCTION_WORDS = frozenset(
    """on in at to of by for from with that this last the and but or it its his her he she they
    was is are were has had who why how when what that than then late early""".split()  # noqa: SIM905
)

# documents that state what a sentence reports when it is "in" them: "ahead in the latest poll",
# "apologised in a statement" (not "interview": "relaxed in an interview" reports no words)
DOCUMENT_NOUNS = frozenset(
    """poll polls survey surveys study studies report reports analysis statement filing memo
    letter ruling census audit tally""".split()  # noqa: SIM905
)
# of those, the ones written by the sentence's subject: "The agency warned the county in a
# letter" (the agency speaks), not "The mayor led in the latest poll" (the poll does)
AUTHORED_DOCUMENTS = frozenset("statement filing memo letter ruling".split())  # noqa: SIM905
