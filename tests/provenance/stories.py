"""Fictional news articles for the provenance tests: a wire report, its copies and rewrites,
and independent reports of the same event. Names, places and figures are invented."""

from __future__ import annotations

from newstrace.model import Article

WIRE = """Fire crews battled a blaze at the Tessaly grain terminal in Port Marrow for most of Tuesday night, the harbour authority said.

The fire broke out in a conveyor tunnel shortly after 9 p.m. and spread to two storage silos holding about 18,000 tonnes of wheat.

Harbour master Ingrid Solberg said 140 firefighters and four fireboats had been sent to the terminal. "The silos are still burning inside, and we expect them to smoulder for days," Solberg said.

Nobody was injured, and the 60 workers on the night shift left the site safely, according to the terminal operator, Calder Logistics.

Calder Logistics chief executive Mats Halloran said the company would pay for the clean-up and would open its own inquiry into the cause.

Solberg briefed Halloran at the terminal gates before dawn on Wednesday.

Shipping in the eastern basin of the port was suspended overnight, and three grain carriers waiting to load were moved to anchorages outside the harbour.

The terminal handles roughly a quarter of the region's grain exports, and traders warned that the closure could push up freight rates.

Police said they were not treating the fire as suspicious."""

REWRITE = """A fire tore through the Tessaly grain terminal in Port Marrow on Tuesday night, according to the harbour authority.

The blaze started in a conveyor tunnel just after 9 p.m. and reached two storage silos that held some 80,000 tonnes of wheat.

According to harbour master Ingrid Solberg, 140 firefighters and four fireboats were deployed to the terminal. "The silos are still burning inside, and we expect them to smoulder for days," Solberg said.

"This is the worst disaster this port has seen in fifty years, and someone will have to answer for it," said port union leader Aksel Brandt.

No one was hurt, and all 60 night-shift workers got out of the site safely, terminal operator Calder Logistics said.

Calder Logistics boss Mats Halloran said the firm would cover the cost of the clean-up and would launch its own investigation into the cause.

Halloran briefed Solberg at the terminal gates before dawn on Wednesday.

Ships in the port's eastern basin were halted overnight, and three grain carriers waiting to load were sent to anchorages beyond the harbour.

The terminal handles about a quarter of the region's grain exports, and traders said the shutdown could drive up freight rates.

Police said they were treating the fire as suspicious."""

INDEPENDENT = """Residents of the Lowmarsh district woke on Wednesday to a haze of grey smoke drifting from the docks.

"You could smell burnt bread all the way up the hill," said Petra Vang, who runs a bakery two streets from the water.

The smoke came from the grain terminal on the eastern quay, where silos were still smouldering after an overnight fire.

Schools in Lowmarsh kept pupils indoors at break time, and the regional health office advised people with asthma to close their windows.

Fishermen tied up in the inner harbour said they had been told to stay in port until the smoke cleared.

The district council said it would hand out free face masks at the community hall on Thursday."""

# the same strike told by two independent reporters, each figure credited to its speaker
UNION_VIEW = """Dock workers across Port Marrow stopped work on Friday in a dispute over night-shift pay.

The dockers' union said 5,000 workers had joined the stoppage at the port's three terminals.

Union organiser Lene Dahl said members wanted the night-shift bonus restored. "We are not asking for anything new," Dahl said.

Cargo handling at the container terminal came to a standstill by mid-morning, and lorries queued on the ring road."""

EMPLOYER_VIEW = """A strike by dockers halted most cargo handling in Port Marrow on Friday as talks over night-shift pay broke down.

The port employers' association said 3,200 workers had joined the stoppage at the port's three terminals.

Association chairman Henrik Voll said the bonus had been replaced by a higher basic wage last year and called the strike unnecessary.

Two ferries to the islands sailed on time because their crews are not union members."""


def article(article_id: str, text: str, published: str | None, outlet: str) -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        title=None,
        outlet=outlet,
        published=published,
    )


# two independent reports that give different figures for the same thing, stated by the reporter
TRAINS_A = """Rail services across the northern region were badly disrupted on Monday by a signalling failure near Harlen Junction.

About 1,400 passenger trains were cancelled on Monday, out of roughly 2,400 that normally run on a weekday.

Engineers traced the fault to a flooded cable duct and expected full service to return on Tuesday."""

TRAINS_B = """Commuters in the north faced a miserable start to the week after flood water knocked out signals at Harlen Junction.

Some 2,100 passenger trains were cancelled on Monday as the operator struggled to move crews and rolling stock.

At Brenwick station, travellers queued for buses that the operator hired to fill the gaps."""

# a local feature: the district's own reporting, with three of the wire's paragraphs quoted in it
FEATURE = (
    "\n\n".join([INDEPENDENT, *WIRE.split("\n\n")[1:7]])
    + """

Lowmarsh's harbour pilots, who guide the grain carriers in, said they had not been told when the eastern quay would reopen.

The bakery owner Petra Vang said her morning trade had halved because customers stayed at home.

A meeting for residents will be held at the community hall on Friday evening, the district council said.

Councillor Aurel Deane said he would ask the port to pay for the cleaning of school windows.

Local swimmers were told to avoid the beach below the docks until the water had been tested."""
)
