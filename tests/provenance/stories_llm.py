"""Hand-written news for the LLM-rewrite tests: three invented events told as wire copy, the
rewrites an AI content farm makes of them, syndicated copies and independent reports.

Every name, place, figure and quote is invented. None of it comes from bench/data/rewrites
(the benchmark) or tests/provenance/stories.py. Each rewrite's changes are listed beside it.
"""

from __future__ import annotations

from newstrace.model import Article


def article(
    article_id: str,
    text: str,
    published: str | None,
    outlet: str | None,
    title: str | None = None,
) -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        title=title,
        outlet=outlet,
        published=published,
    )


def replaced(text: str, old: str, new: str) -> str:
    """`text` with one sentence of it replaced; fails loudly if the sentence is not there."""
    if text.count(old) != 1:
        raise ValueError(f"expected the sentence once in the text: {old!r}")
    return text.replace(old, new)


# --- a court verdict ---------------------------------------------------------------------

VERDICT_WIRE = """LANSMERE, Oct. 14 — A jury on Tuesday convicted Gordon Whitcombe, the former purchasing director of the Lansmere County hospital system, of accepting $412,000 in bribes from a medical supply company in return for steering contracts its way.

After deliberating for nearly three days, jurors in Lansmere County Circuit Court found Whitcombe, 58, guilty on six counts of bribery and two counts of official misconduct. They acquitted him on a single count of money laundering.

Whitcombe stared straight ahead as the verdicts were read and showed no reaction, while his wife, seated in the second row of the gallery, wept quietly.

Judge Miriam Okafor set sentencing for Jan. 9 and allowed Whitcombe to remain free on bond, but ordered him to surrender his passport by Friday.

Prosecutors told the jury during the five-week trial that Whitcombe pressured two junior buyers to approve inflated invoices from Brightwell Medical Supply between 2019 and 2023.

In return, the state said, Brightwell's owner, Dennis Farrow, paid for a lakeside cabin, two cars and a string of cash deposits routed through a landscaping business owned by Whitcombe's brother-in-law.

"This was not a gray area. This was a public servant who put a price on his signature," Assistant District Attorney Rachel Imbert said after the verdict.

Farrow pleaded guilty last year to one count of bribery and testified against Whitcombe as part of a deal with prosecutors. He is expected to be sentenced in December.

Defense attorney Paul Castellano argued that Farrow had invented the scheme to win a lighter sentence and that the payments were loans between old friends.

"We respect the jury's work, but we believe the evidence fell short, and we will appeal," Castellano told reporters on the courthouse steps.

The county's own auditors estimated that the hospital system overpaid for surgical gloves, catheters and wound dressings by about $1.9 million during the four years covered by the charges.

County Executive Laura Brandt said the hospital system had since moved all purchasing decisions above $25,000 to a three-member committee and hired an outside firm to review every supply contract signed since 2018.

Each bribery count carries a maximum sentence of 10 years in prison, although first-time offenders in the state rarely receive more than a few years.

The case came to light in 2023 after one of the junior buyers, Alicia Moreno, reported her concerns to the county's inspector general.

Moreno, who testified for two days, told jurors she had been warned that she would lose her job if she kept questioning the invoices."""

# an AI content farm's condensed rewrite at about half the length: sentences merged and
# reworded, hedges ("reportedly"), a new headline; nothing invented, nothing changed
VERDICT_CONDENSED_TITLE = "Ex-Hospital Purchasing Chief Found Guilty in $412K Bribery Case"

VERDICT_CONDENSED = """A former hospital purchasing director in Lansmere County has been found guilty of pocketing $412,000 in bribes from a medical supplier, a jury decided on Tuesday.

Gordon Whitcombe, 58, was convicted on six bribery counts and two counts of official misconduct after almost three days of deliberations, though jurors cleared him of money laundering.

According to prosecutors, Whitcombe leaned on two junior buyers to sign off on inflated invoices from Brightwell Medical Supply between 2019 and 2023, while the company's owner, Dennis Farrow, reportedly covered the cost of a lakeside cabin, two cars and cash deposits funneled through a relative's landscaping business.

Farrow, who admitted to bribery last year, testified against Whitcombe as part of a plea deal.

Whitcombe's lawyer, Paul Castellano, maintained that Farrow made up the scheme to secure a lighter sentence, and said the defense plans to appeal.

County auditors estimate that the hospital system overpaid by roughly $1.9 million for supplies such as surgical gloves and catheters over the four-year period.

Judge Miriam Okafor will hand down the sentence on Jan. 9; in the meantime, Whitcombe remains free on bond but must turn in his passport.

The case reportedly began in 2023, when junior buyer Alicia Moreno took her concerns to the county's inspector general."""

# the same rewrite with who testified against whom turned round (agent and patient swapped)
VERDICT_SWAP_SOURCE = (
    "Farrow pleaded guilty last year to one count of bribery and testified against Whitcombe"
    " as part of a deal with prosecutors."
)
VERDICT_FAITHFUL = (
    "Farrow, who admitted to bribery last year, testified against Whitcombe as part of a plea deal."
)
VERDICT_SWAPPED = (
    "Whitcombe, who admitted to bribery last year, testified against Farrow as part of a plea deal."
)
VERDICT_CONDENSED_SWAPPED = replaced(VERDICT_CONDENSED, VERDICT_FAITHFUL, VERDICT_SWAPPED)


# a second content farm's sensational restyle of the same wire story, written from the wire
# and not from the condensed rewrite: it keeps details the condensed one cut (the wife's tears,
# the prosecutor's quote, the county's new purchasing rules, the maximum sentence) and drops
# others the condensed one kept (Farrow's plea, the defense, the audit, the whistle-blower)
VERDICT_SENSATIONAL = """Guilty! A Lansmere jury has branded former hospital purchasing boss Gordon Whitcombe a bribe-taker, convicting him on Tuesday of raking in $412,000 from a medical supply firm that wanted contracts.

The 58-year-old sat stone-faced as the verdicts came down after nearly three days of deliberations, while his wife reportedly broke down in tears in the second row of the gallery.

Jurors found him guilty on six bribery counts and two counts of official misconduct, but let him off on the money laundering charge.

Prosecutors say Whitcombe strong-armed two junior buyers into approving padded invoices from Brightwell Medical Supply from 2019 to 2023.

The alleged payoff? A lakeside cabin, two cars and a stream of cash deposits, reportedly paid for by Brightwell owner Dennis Farrow and run through a landscaping business belonging to Whitcombe's brother-in-law.

"This was not a gray area. This was a public servant who put a price on his signature," Assistant District Attorney Rachel Imbert declared after the verdict.

County Executive Laura Brandt says every purchase above $25,000 now goes to a three-member committee, and an outside firm is combing through every supply contract signed since 2018.

Whitcombe could in theory face up to 10 years behind bars on each bribery count, although first-time offenders in the state seldom get more than a few years.

He will learn his fate on Jan. 9, when Judge Miriam Okafor hands down the sentence."""

# --- a city budget vote --------------------------------------------------------------------

BUDGET_WIRE = """HARWICK, June 18 — The Harwick City Council voted 7-4 late Wednesday to approve a $1.26 billion budget for the coming fiscal year that raises property taxes by 3.5 percent and adds 45 police officers.

The vote came at the end of a six-hour meeting in which more than 80 residents signed up to speak, many of them opposing cuts to library hours and to a summer jobs program for teenagers.

Mayor Teresa Lindqvist, who proposed the spending plan in April, called it "a responsible budget for a city that has put off hard choices for too long."

The tax increase will cost the owner of a median-priced home, valued at $310,000, about $96 a year, according to the city's finance department.

Council President Marcus Delacroix, who voted in favor, said the council had trimmed the mayor's original request by $14 million before bringing it to a vote.

The largest single increase goes to the police department, whose budget rises by 6 percent to $212 million.

The library system will lose $2.3 million, and branches in Eastgate and Millbrook will close on Mondays starting in September.

The summer jobs program, which placed 1,100 teenagers in jobs last year, was cut by a third, to $1.8 million.

Councilwoman Denise Okonjo, one of the four members who voted no, said the budget asked working families to pay more while getting less.

"We are raising taxes and closing libraries in the same breath. I can't explain that to the people I represent," Okonjo said.

The four dissenting members proposed an amendment that would have kept the libraries open by delaying the purchase of 30 new police cruisers, but it failed 6-5.

City officials said Harwick faces a structural deficit of about $40 million a year, driven largely by rising pension and health insurance costs.

The budget also sets aside $8 million to repair the Fenwick Street bridge, which was closed to heavy trucks in March after inspectors found corroded steel.

Lindqvist is expected to sign the budget on Friday. It takes effect on July 1."""

# a full restyle of the same length: every sentence reworded, sentences merged (the vote and
# the meeting; police and libraries; the last two), a hedge, a new headline; nothing invented
BUDGET_RESTYLE_TITLE = "Harwick Council Narrowly Passes $1.26B Budget With Tax Hike, More Police"

BUDGET_RESTYLE = """Harwick's city council has signed off on a $1.26 billion spending plan for the next fiscal year, backing a 3.5 percent property tax hike and money for 45 additional police officers in a 7-4 vote late Wednesday that capped a marathon six-hour session.

More than 80 residents reportedly lined up to address the council, with many speaking out against shorter library hours and cuts to a summer employment program for teens.

Mayor Teresa Lindqvist, who first put the plan forward in April, described it as "a responsible budget for a city that has put off hard choices for too long."

For the owner of a typical home worth $310,000, the tax increase works out to roughly $96 annually, the finance department estimates.

Council President Marcus Delacroix, who supported the measure, noted that members had shaved $14 million off the mayor's initial proposal before the vote.

The police department sees the biggest boost, with its budget climbing 6 percent to $212 million, while the library system takes a $2.3 million hit that will leave the Eastgate and Millbrook branches shut on Mondays from September.

The teen summer jobs program, which found work for 1,100 young people last year, loses a third of its funding and drops to $1.8 million.

Among the four no votes was Councilwoman Denise Okonjo, who argued that the plan makes working families pay more for less. "We are raising taxes and closing libraries in the same breath. I can't explain that to the people I represent," she said.

An amendment from the dissenters that would have spared the libraries by postponing the purchase of 30 new police cruisers was defeated 6-5.

According to city officials, Harwick is grappling with a structural deficit of around $40 million per year, largely because of mounting pension and health insurance costs.

The plan additionally earmarks $8 million for repairs to the Fenwick Street bridge, which has been off-limits to heavy trucks since March after inspectors discovered corroded steel.

Lindqvist is expected to sign the budget Friday, and it will take effect July 1."""

# the restyle with a quote nobody in the wire said, given to a council member the wire never names
BUDGET_INVENTED_QUOTE = (
    '"This is a budget written for the suburbs, not for the neighborhoods that need it most,"'
    " said Councilman Victor Amadi, who also voted against the plan."
)
BUDGET_RESTYLE_WITH_QUOTE = replaced(
    BUDGET_RESTYLE,
    "\n\nAn amendment from the dissenters",
    f"\n\n{BUDGET_INVENTED_QUOTE}\n\nAn amendment from the dissenters",
)


# --- a factory fire ----------------------------------------------------------------------

FIRE_WIRE = """BRENNOCK, March 3 (Northgate Press) — A fire tore through a battery recycling plant on the northern edge of Brennock early Monday, injuring three workers and forcing the evacuation of about 400 homes as thick black smoke drifted over the town.

The blaze started at around 2:40 a.m. in a storage hall at the Voltara Recycling plant where thousands of used lithium-ion batteries were waiting to be dismantled, fire officials said.

More than 120 firefighters from six stations fought the flames for nearly nine hours before declaring the fire under control shortly before noon.

"Lithium fires are stubborn. You put them out and they reignite from the inside," said Brennock Fire Chief Harold Nyberg. "We had to let parts of the hall burn while we protected the rest of the site."

Two of the injured workers were treated for smoke inhalation and released, while a third, a 34-year-old forklift driver, was taken to St. Anne's Hospital in Kelby with burns to his arms. His condition was described as stable.

Police closed a 3-kilometer stretch of the A61 highway for most of the morning, and residents of the Northfield and Ashgrove neighborhoods were told to keep their windows and doors shut.

The regional environment agency said it had sent a mobile laboratory to measure air quality and would test water in the nearby Lisle River for chemicals washed off the site by firefighting water.

Voltara, which employs about 90 people at the plant, said in a statement that all staff on the night shift had been accounted for and that it was cooperating fully with investigators.

The company's managing director, Ingrid Haller, told reporters outside the gates that it was too early to say what had caused the fire.

"Our first thought is with our three colleagues and their families," Haller said. "We will find out what happened here."

The plant, which opened in 2021, processes around 12,000 tonnes of batteries a year from electric cars, power tools and phones.

It was fined 60,000 euros last year after inspectors found batteries stored too close together in the same hall, according to records published by the regional labour inspectorate.

Residents have complained about the site for years. "We told the council this would happen," said Marta Dziedzic, who lives 500 meters from the plant and has led a petition to move it.

Brennock Mayor Tomas Eriksen said the town would hold a public meeting on Thursday and that he would ask the regional government for a full review of the plant's permit.

Schools in Northfield will remain closed on Tuesday as a precaution, the town council said."""

FIRE_PARAGRAPHS = FIRE_WIRE.split("\n\n")

# the credit lines papers put under a wire story they run
FIRE_CREDITS: tuple[str | None, ...] = (
    "Copyright 2026 Northgate Press. All rights reserved.",
    "Northgate Press writer Elin Sand in Kelby contributed to this report.",
    "This material may not be published, broadcast, rewritten or redistributed without"
    " permission of Northgate Press.",
    None,
)

# a copy trimmed from the bottom after the company's statement, with a credit line
FIRE_TRIMMED = "\n\n".join(
    [
        *FIRE_PARAGRAPHS[:10],
        "Northgate Press writer Elin Sand in Kelby contributed to this report.",
    ]
)


def fire_copies(count: int) -> list[str]:
    """`count` papers' versions of the wire: each cut after 15 down to 10 of its paragraphs,
    with one of the credit lines or none, and never the full text with no credit line."""
    copies = []
    for i in range(count):
        keep = len(FIRE_PARAGRAPHS) - i % 6
        credit = FIRE_CREDITS[i % len(FIRE_CREDITS)]
        paragraphs = FIRE_PARAGRAPHS[:keep] + ([credit] if credit else [])
        copy = "\n\n".join(paragraphs)
        if copy == FIRE_WIRE:
            raise ValueError("a copy identical to the wire has no direction")
        copies.append(copy)
    return copies


# two reports of the same fire written separately: a local paper's reporter at the scene and
# a national outlet's piece on the industry; the same facts, their own quotes, details, order
FIRE_LOCAL = """Ashgrove residents spent Monday behind closed windows as smoke from the burning Voltara battery plant rolled over their rooftops, the third serious incident at the site since it opened.

Karin Lindahl was woken by her neighbour banging on the door just after 3 a.m. "The whole sky over the industrial estate was orange, and there was this sharp chemical smell," she said, standing in her dressing gown at the end of Birchway Road.

Police went door to door through Ashgrove and Northfield before dawn, and about 400 households were moved to the sports centre on Kelby Road, where volunteers handed out blankets and coffee.

Three Voltara employees were hurt. Colleagues said one of them, a forklift driver, had tried to move pallets of batteries away from the flames before he was pulled back.

Fire Chief Harold Nyberg told the Courier that his crews had decided early on to sacrifice the storage hall. "Water alone does not stop a battery fire, so we cooled the buildings around it and let it burn itself out," he said.

By lunchtime the flames were out, but a grey haze still hung over the Lisle valley and the smell reached the town centre.

Jonas Ek, who runs a garden nursery across the road from the plant, said ash had settled on his greenhouses. "I don't know if I can sell anything I grew this spring," he said.

Parents received a text message at 6 a.m. telling them that Northfield Primary and the secondary school on Mill Lane would stay shut.

The plant has been a source of anger in Ashgrove since it was built. A small fire in a shredder in 2022 and a chemical leak the following year both led to complaints to the council.

Councillor Sofia Berg, who represents Ashgrove, said she would table a motion on Thursday calling for the plant to be closed until an independent safety review is finished.

"People here were promised this was clean, modern industry," Berg said. "Today they were carrying their children out of their houses in the dark."

Voltara did not answer the Courier's questions about how many batteries were stored in the hall when the fire began."""

FIRE_NATIONAL = """A blaze at a lithium-ion battery recycling plant in the northern town of Brennock has renewed questions about how safely the fast-growing industry stores the used batteries it takes in.

The fire broke out in the early hours of Monday in a warehouse at the Voltara Recycling site and took firefighters most of the morning to bring under control.

Three workers were injured, one of them seriously enough to need hospital treatment for burns, and hundreds of nearby homes were evacuated as a precaution.

Fire services across the country have reported a sharp rise in fires involving lithium batteries, which can overheat and ignite when damaged and are difficult to extinguish once burning.

The national fire chiefs' association counted 48 fires at waste and recycling sites linked to batteries in 2025, up from 19 two years earlier.

"A damaged cell can sit quietly for weeks and then go into thermal runaway without warning," said Nadia Rahimi, a battery safety researcher at Carlow Technical University. "Storing them in large piles, indoors, is the worst thing you can do."

Brennock's fire chief, Harold Nyberg, said in a briefing that his teams had focused on stopping the fire from spreading to other buildings at the site rather than trying to put it out directly.

Voltara, one of the largest recyclers of electric car batteries in the region, has said it will cooperate with investigators. Its chief executive, Ingrid Haller, said the cause was not yet known.

The company expanded the plant two years ago as demand for recycled nickel, cobalt and lithium grew.

Industry groups say tighter rules are on the way. The Battery Recycling Federation said it had been asking the government since last year for binding limits on how many batteries a site may store in one building.

"The technology to handle these batteries safely exists. What we lack is a standard that every operator has to follow," the federation's director, Paul Menzies, said.

The environment ministry said it would publish draft storage rules for recycling plants before the end of the year."""
