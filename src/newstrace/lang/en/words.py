"""Words the support checker and provenance compare without: function words, speech verbs and
calendar words that any two reports of one event share (so they say nothing about restating).

Read through newstrace.analyze.words (content_words). The clustering index keeps its own,
shorter list (newstrace.index.tokens): its TF-IDF was tuned with it.
"""

from __future__ import annotations

CHECK_STOPWORDS = frozenset(
    """a about above according after again against all also am an and any are as at be because been
    before being below between both but by can could day days did do does doing down dr during
    each few for friday from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just me monday more most mr mrs ms my myself new of
    off on once one only or other our ours ourselves out over own per s said same saturday say
    saying says she should so some such sunday t tell than that the their theirs them themselves
    then there these they this those through thursday time to today told too tuesday under until
    up upon very via was we wednesday week weeks were what when where which while who whom whose
    why will with within would would'nt year years yesterday you your yours yourself yourselves""".split()  # noqa: SIM905
)

# suffixes stripped, longest first, so "reported" meets "reports" (a crude stemmer on purpose:
# the checker compares word sets, it needs no dictionary forms)
SUFFIXES = ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s")

# words that deny without a negator ('refused to comment' restates 'did not comment'): a
# restatement that trades a negator for one of these has not flipped anything
IMPLICIT_NEGATION = frozenset(
    """refused failed declined denied unable without lack absent unclear unknown neither nor
    hardly barely rejected ruled instead""".split()  # noqa: SIM905
)

# "no" before these does not deny anything: "no fewer than 40", "no doubt", "no later than"
NOT_DENYING_AFTER_NO = frozenset("fewer less more later sooner matter doubt".split())  # noqa: SIM905
