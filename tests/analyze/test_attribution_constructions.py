"""Constructions found in real reports that a quote list must get right: unusual cue verbs,
quoted phrases, possessives with appositives, things that are not speakers, negated cues,
relayed sources (outlets citing people), multi-paragraph quotes and speakers named before.

Each sentence is written for these tests, about stories of its own."""

from __future__ import annotations

import pytest

from tests.analyze.speech import analysed, only_quote


# --- a cue verb outside the speech-verb list -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            '"As a first step, we went through every contract signed since April," the '
            "treasurer elaborated, pointing to a pile of unpaid invoices.",
            "the treasurer",
            "elaborated",
        ),
        (
            '"Is anyone in the ministry listening to us?" wondered one shopkeeper.',
            "one shopkeeper",
            "wondered",
        ),
        (
            '"It was the worst storm in living memory," Helga Brandt reminisced.',
            "Helga Brandt",
            "reminisced",
        ),
    ],
)
def test_a_quote_ending_in_a_comma_is_handed_to_the_clause_after_it(
    text: str, speaker: str, cue: str
) -> None:
    quote = only_quote(text)
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_a_sentence_after_a_quote_with_no_subject_and_verb_gives_no_speaker() -> None:
    quote = only_quote('"We have run out of sandbags in the lower town," the last bulletin read.')
    assert quote.speaker is None or "bulletin" in quote.speaker


# --- quoted phrases inside a sentence -------------------------------------------------------
def test_a_quoted_phrase_after_a_possessed_speech_noun_is_the_possessors() -> None:
    text = 'Residents mocked the council\'s promise of a "quick and fair settlement" on Tuesday.'
    quote = only_quote(text)
    assert (quote.text, quote.speaker) == ("quick and fair settlement", "the council")
    named = analysed(
        'Shop owners cheered Mayor Dan Ortiz\'s pledge for a "clean and safe harbour".'
    )
    assert [(q.text, q.speaker) for q in named.quotes] == [("clean and safe harbour", "Dan Ortiz")]


def test_what_someone_has_termed_a_phrase_is_theirs() -> None:
    text = 'The opposition seized on what the governor has termed a "bridge budget" for next year.'
    quote = only_quote(text)
    assert (quote.text, quote.speaker, quote.cue) == ("bridge budget", "the governor", "termed")


# --- possessives and appositives --------------------------------------------------------------
def test_the_appositive_after_a_possessed_title_is_the_speaker_not_the_possessor() -> None:
    text = "Governor Ann Whitfield's budget director, Tomas Reyes, has laid out his plan for the deficit."
    quote = only_quote(text)
    assert quote.speaker == "Tomas Reyes"
    assert quote.cue == "laid out"


def test_a_possessed_title_without_a_name_is_a_description_not_the_possessor() -> None:
    quote = only_quote(
        "Mayor Dan Ortiz's chief of staff said the budget would be balanced by June."
    )
    assert quote.speaker == "Mayor Dan Ortiz's chief of staff"


def test_a_description_followed_by_a_name_after_a_quote_resolves_to_the_name() -> None:
    text = (
        "“It is simply unaffordable,” the finance committee chair, Omar Haddad, told the council."
    )
    assert only_quote(text).speaker == "Omar Haddad"


# --- things that are not speakers ------------------------------------------------------------
def test_an_absolute_clause_is_not_a_speaker() -> None:
    text = (
        "The merger drew mixed reactions, with some shareholders voicing quiet approval and "
        "others warning of job losses."
    )
    for quote in analysed(text).quotes:
        assert quote.speaker is not None
        assert "with" not in quote.speaker.split() and "voicing" not in quote.speaker.split()
        assert quote.text != "The merger drew mixed reactions"


@pytest.mark.parametrize(
    "text",
    [
        "Port officials, however, said the terminal would reopen on Friday.",
        "Port officials, meanwhile, said the terminal would reopen on Friday.",
    ],
)
def test_a_discourse_adverb_is_not_part_of_the_speaker(text: str) -> None:
    quote = only_quote(text)
    assert quote.speaker == "Port officials"
    assert quote.text == "the terminal would reopen on Friday"


def test_speaking_on_condition_of_anonymity_is_not_a_quote() -> None:
    text = "A customs officer, speaking on condition of anonymity, said two trucks had been seized."
    quote = only_quote(text)
    assert quote.speaker == "A customs officer"
    assert quote.text == "two trucks had been seized"


def test_an_aside_between_dashes_is_skipped_to_find_the_speaker() -> None:
    quote = only_quote("The harbour master — who took office in May — said the pier would reopen.")
    assert quote.speaker == "The harbour master"


# --- negation ---------------------------------------------------------------------------------
def test_a_negated_cue_marks_the_quote_and_the_sentence() -> None:
    article = analysed(
        "Firefighters did not confirm any injuries at the depot.\n\n"
        "The depot's owner said the fire started in a storage shed."
    )
    denied, stated = article.quotes
    assert denied.negated and denied.speaker == "Firefighters"
    assert not stated.negated
    assert [(n.sentence, n.cue, n.target) for n in article.negations] == [(0, "not", "confirm")]


def test_negations_name_the_word_they_negate() -> None:
    article = analysed("No injuries were reported. The cause was not immediately clear.")
    assert [(n.sentence, n.cue, n.target) for n in article.negations] == [
        (0, "No", "injuries"),
        (1, "not", "clear"),
    ]
    assert article.negations[1].start == article.text.index("not")


# --- cited outlets and relay chains ------------------------------------------------------------
def test_according_to_an_outlet_which_obtained_it_from_a_source_keeps_both() -> None:
    text = (
        "According to the Financial Times, which obtained details from an unnamed banker, "
        "the lender lost 40 million euros."
    )
    article = analysed(text)
    (quote,) = article.quotes
    assert (quote.speaker, quote.via_outlet) == ("an unnamed banker", "Financial Times")
    assert quote.text == "the lender lost 40 million euros"
    (figure,) = article.quantities
    assert (figure.attributed_to, figure.via_outlet) == ("an unnamed banker", "Financial Times")
    assert "Financial Times" in article.cited_sources


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        (
            "Reuters reported, citing two people familiar with the talks, that the bank would "
            "cut 300 jobs.",
            "two people familiar with the talks",
            "Reuters",
        ),
        (
            "The deal is worth 2 billion dollars, Bloomberg News reported, citing a draft contract.",
            "a draft contract",
            "Bloomberg News",
        ),
    ],
)
def test_an_outlet_citing_a_source_relays_the_sources_words(
    text: str, speaker: str, outlet: str
) -> None:
    quote = only_quote(text)
    assert (quote.speaker, quote.via_outlet) == (speaker, outlet)


@pytest.mark.parametrize(
    "text",
    [
        "The company plans to cut 500 jobs, the chairman told the news agency dpa on Monday.",
        "The chairman told the news agency dpa that the company plans to cut 500 jobs.",
    ],
)
def test_the_outlet_a_speaker_told_is_cited_and_relays_the_words(text: str) -> None:
    article = analysed(text)
    (quote,) = article.quotes
    assert (str(quote.speaker).lower(), quote.via_outlet) == ("the chairman", "dpa")
    assert "dpa" in article.cited_sources
    (figure,) = article.quantities
    assert (str(figure.attributed_to).lower(), figure.via_outlet) == ("the chairman", "dpa")


# --- speakers named before the quote -----------------------------------------------------------
def test_a_quote_after_a_sentence_about_a_person_is_theirs() -> None:
    text = (
        "Maria Lopez, who leads the nurses' union, was blunt on Thursday.\n\n"
        '"We will strike on Monday if nothing changes. Nobody wants that."'
    )
    assert only_quote(text).speaker == "Maria Lopez"


def test_a_person_who_is_not_the_subject_before_is_not_given_the_quote() -> None:
    text = (
        "Rescue teams reached the village after a farmer, Ada Lind, raised the alarm.\n\n"
        '"We were cut off for three days and nobody came."'
    )
    assert only_quote(text).speaker is None


def test_a_quote_left_open_at_a_paragraph_end_runs_on_to_the_speaker() -> None:
    text = (
        "The mayor, Ines Duarte, addressed the crowd on the quay.\n\n"
        "“We have lost the harbour and half the fleet.\n\n"
        "“But we will rebuild, and we will do it together,” she said."
    )
    quotes = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == [
        "We have lost the harbour and half the fleet.",
        "But we will rebuild, and we will do it together,",
    ]
    assert {q.speaker for q in quotes} == {"Ines Duarte"}


@pytest.mark.parametrize(
    "text",
    [
        "Ticket sales were slow. “Nobody wants to travel in this weather, and who can blame "
        "them?” — Piotr Nowak, a station manager.",
        "Asked about the strike, the union leader Piotr Nowak was defiant — “We will not go "
        "back until the offer is fair.”",
    ],
)
def test_a_dash_introduces_the_speaker(text: str) -> None:
    assert only_quote(text).speaker == "Piotr Nowak"


# --- figures ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Engineers formed two distinct technical teams to inspect the dam.", ["technical teams"]),
        ("Rebels captured two anti-tank rocket launchers.", ["anti-tank rocket launchers"]),
        ("The navy received six British-built patrol boats.", ["patrol boats"]),
        ("Some 20 heavily armed men stormed the bank.", ["men"]),
        (
            "The army sent eight light tanks, eight heavy trucks and three jeeps.",
            ["tanks", "trucks", "jeeps"],
        ),
        (
            "The frigate carried six Exocet missiles, six Harpoon missiles and two torpedoes.",
            ["missiles", "missiles", "torpedoes"],
        ),
    ],
)
def test_units_are_the_counted_noun_phrase(text: str, units: list[str]) -> None:
    found = analysed(text).quantities
    assert [q.counted for q in found] == units
    assert [q.unit for q in found] == [u.split()[-1] for u in units]  # the head


def test_a_figure_in_the_reporters_framing_clause_is_not_the_speakers() -> None:
    text = (
        '"We will rebuild every school," Mayor Ruth Okafor said on Sunday, marking nearly two '
        "weeks since the flood.\n\n"
        "The chief executive said 300 jobs would go, bringing the total this year to 1,200."
    )
    owners = {q.value: q.attributed_to for q in analysed(text).quantities}
    assert owners == {2.0: None, 300.0: "The chief executive", 1200.0: None}


# --- speakers of quotes inside longer sentences -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # any present-tense verb right after a quote ending in a comma, with a circumstance
        (
            '"Promise me you will come home," Lena Ortiz sings to the crowd before the encore.',
            "Lena Ortiz",
        ),
        # the subject of an earlier speech verb, not "X said she"
        (
            "Officer Kay Duarte said she expects the inquiry “to take most of the summer.”",
            "Kay Duarte",
        ),
        # an -ing form after the quote is a participle, not the quote's attribution
        ("Critics called “reckless” a council statement praising the deal.", "Critics"),
        # a relative clause after an appositive is not the speaker
        (
            "Anna Reyes, president of the Dock Workers Union, which represents porters, said she "
            "hopes the strike “ends before the harvest begins.”",
            "Anna Reyes",
        ),
        (
            "As the historian Maeve Quinn put it, “Every flood rewrites the map of a town.”",
            "Maeve Quinn",
        ),
    ],
)
def test_the_speaker_of_a_quote_inside_a_sentence(text: str, speaker: str) -> None:
    direct = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert direct[0].speaker == speaker


def test_a_clause_after_a_quote_that_starts_with_a_subordinator_is_not_its_attribution() -> None:
    text = (
        "The clip shows the coach shouting, “Run it again,” as the manager watched from the stands."
    )
    direct = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert direct[0].speaker != "the manager"


def test_a_quote_after_a_trailing_said_sentence_is_that_speakers() -> None:
    text = (
        "The pumps failed overnight, the county engineer Rosa Tam said.\n\n"
        '"We have never seen the river this high in March."'
    )
    direct = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert direct[0].speaker == "Rosa Tam"


def test_transcript_lines_name_their_own_speaker() -> None:
    text = (
        '"MODERATOR: Do you see those two claims as equal?\n\n'
        '"OKAFOR: I do not, and I never said that I did.\n\n'
        '"MODERATOR: Then we move on to the budget.'
    )
    direct = [(q.speaker, q.text) for q in analysed(text).quotes if q.kind == "direct"][:2]
    assert direct == [
        ("MODERATOR", "Do you see those two claims as equal?"),
        ("OKAFOR", "I do not, and I never said that I did."),
    ]


def test_a_speaker_inside_a_relative_clause_before_the_cue_is_kept() -> None:
    text = "The union bought the old mill, which Mr. Ivo Kral says he will turn into flats."
    assert only_quote(text).speaker == "Ivo Kral"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "As reported by the Harbour Gazette, the council spent at least two million euros.",
            "Harbour Gazette",
        ),
        (
            "In Lyon, organisers added 160 stewards along the route, the Lyon Times reported.",
            "Lyon Times",
        ),
        (
            "Two candidates would win, according to a new poll that shows Mayor Ann Lee trailing.",
            "a new poll",
        ),
    ],
)
def test_who_a_sentence_is_reported_by_owns_its_figure(text: str, owner: str) -> None:
    assert [q.attributed_to for q in analysed(text).quantities][:1] == [owner]


def test_an_age_describing_someone_is_the_reporters_and_a_time_after_a_figure_is_not_counted() -> (
    None
):
    article = analysed(
        "Nadia Kaya, 41, said the school would close.\n\n"
        "Organisers hired 160 stewards, up from 90 last year, Nadia Kaya said."
    )
    owners = [(q.value, q.unit, q.attributed_to) for q in article.quantities]
    assert owners == [
        (41.0, "years", None),
        (160.0, "stewards", "Nadia Kaya"),
        (90.0, "stewards", "Nadia Kaya"),
    ]


# --- speakers of direct quotes with no cue next to the quote ----------------------------------
def test_a_participle_after_a_quoted_phrase_hands_the_next_quote_to_the_subject() -> None:
    text = (
        "Ingrid Holm has delivered a spirited defence of “harbour towns,” saying the ferries "
        "carried “the whole life of the coast.”"
    )
    quotes = analysed(text).quotes
    assert quotes[-1].text == "the whole life of the coast."
    assert quotes[-1].speaker == "Ingrid Holm"


def test_a_pronoun_that_opens_a_clause_ending_in_a_colon_speaks_the_quote() -> None:
    text = (
        "Lena Park thanked the volunteers. She then turned to the dockers again: “Here is what I "
        "regret most.”"
    )
    quote = next(q for q in analysed(text).quotes if q.kind == "direct")
    assert (quote.speaker_text, quote.speaker) == ("She", "Lena Park")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The pier was always the heart of the town,” said the 46-year-old.", "the 46-year-old"),
        ("He jokes, “It’s a queue that never ends!”", "He"),
    ],
)
def test_ages_and_capitalised_pronouns_before_noun_like_verbs_are_speakers(
    text: str, speaker: str
) -> None:
    assert only_quote(text).speaker_text == speaker
