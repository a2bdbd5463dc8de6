"""Words of opposite meaning that news reports use for the same slot of a sentence.

A rewrite that keeps a sentence and trades one of these for its opposite ("the company welcomed
the ruling" -> "the company criticised the ruling"; "polls taken before the debate" -> "after the
debate") has flipped what the sentence says without a negator. Each entry is a pair of groups
of word forms (inflections spelled out, British and American spellings both): a form of one group
in one sentence and a form of the other in the other is an opposite. Read by
newstrace.align.facts.opposite_change. General English, not drawn from any corpus.
"""

from __future__ import annotations

_PAIRS = """
win wins won winning | lose loses lost losing
victory victories | defeat defeats
rise rises rose risen rising | fall falls fell fallen falling
increase increases increased increasing | decrease decreases decreased decreasing
increase increases increased increasing | reduce reduces reduced reducing
grow grows grew grown growing | shrink shrinks shrank shrunk shrinking
gain gains gained gaining | lose loses lost losing
higher | lower
highest | lowest
more | fewer
more | less
larger | smaller
largest | smallest
bigger | smaller
biggest | smallest
best | worst
better | worse
above | below
before | after
earlier | later
earliest | latest
first | last
approve approves approved approving | reject rejects rejected rejecting
accept accepts accepted accepting | reject rejects rejected rejecting
accept accepts accepted accepting | refuse refuses refused refusing
agree agrees agreed agreeing | refuse refuses refused refusing
confirm confirms confirmed confirming | deny denies denied denying
admit admits admitted admitting | deny denies denied denying
support supports supported supporting | oppose opposes opposed opposing
supporter supporters | opponent opponents critic critics
welcome welcomes welcomed welcoming | criticise criticises criticised criticising criticize criticizes criticized criticizing condemn condemns condemned condemning
praise praises praised praising | criticise criticises criticised criticising criticize criticizes criticized criticizing condemn condemns condemned condemning
allow allows allowed allowing permit permits permitted | ban bans banned banning prohibit prohibits prohibited forbid forbids forbade forbidden block blocks blocked blocking
legal | illegal
open opens opened opening | close closes closed closing shut shuts
start starts started starting begin begins began begun beginning | end ends ended ending finish finishes finished finishing
launch launches launched launching | close closes closed closing
hire hires hired hiring | fire fires fired firing
join joins joined joining | leave leaves left leaving quit quits
arrive arrives arrived arriving | depart departs departed departing leave leaves left leaving
enter enters entered entering | exit exits exited exiting leave leaves left leaving
survive survives survived surviving | die dies died dying
survivor survivors | victim victims dead
aguilty | innocent
convict convicts convicted convicting | acquit acquits acquitted acquitting
convicted | cleared
arrest arrests arrested arresting | release releases released releasing
pass passes passed passing | fail fails failed failing
succeed succeeds succeeded succeeding | fail fails failed failing
success successes successful | failure failures unsuccessful
true | false
positive | negative
strong stronger strongest | weak weaker weakest
buy buys bought buying | sell sells sold selling
buyer buyers | seller sellers
import imports imported importing | export exports exported exporting
lend lends lent lending | borrow borrows borrowed borrowing
appoint appoints appointed appointing | dismiss dismisses dismissed dismissing
resign resigns resigned resigning | appoint appoints appointed appointing
raise raises raised raising | cut cuts cutting lower lowers lowered lowering
raise raises raised raising | reduce reduces reduced reducing
expand expands expanded expanding | abolish abolishes abolished abolishing
expand expands expanded expanding | shrink shrinks shrank shrunk shrinking
add adds added adding | remove removes removed removing
include includes included including | exclude excludes excluded excluding
attack attacks attacked attacking | defend defends defended defending
attacker attackers | defender defenders
north northern | south southern
east eastern | west western
inside | outside
front | behind
ally allies | enemy enemies foe foes
friend friends | enemy enemies
peaceful | violent
public | private
domestic | foreign
majority | minority
maximum | minimum
rich richer richest wealthy | poor poorer poorest
early | late
cheaper cheapest | dearer costlier
profit profits | loss losses
surplus | deficit
boost boosts boosted boosting | hurt hurts hurting
ease eases eased easing | tighten tightens tightened tightening
lift lifts lifted lifting | impose imposes imposed imposing
"""


def _pairs() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    pairs = []
    for line in _PAIRS.strip().splitlines():
        left, right = line.split("|")
        pairs.append((frozenset(left.split()), frozenset(right.split())))
    return tuple(pairs)


# (forms of one word, forms of its opposite)
OPPOSITES = _pairs()
# every form of either side, to skip a sentence pair with none at once
OPPOSITE_WORDS = frozenset(w for pair in OPPOSITES for side in pair for w in side)
