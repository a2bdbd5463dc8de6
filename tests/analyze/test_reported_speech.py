"""Reported speech that news writes every day and the quote list must not lose: a trailing
speaker with an appositive, a poll's share of respondents, title-case headlines, a second verb of
the sentence's subject, and relative clauses ("who said"). Also: the offset lookups the
extractor uses to stay linear in the text's length agree with a plain scan.

Each sentence is written for these tests, about stories of its own."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotes.resolver import SpeakerResolver
from newstrace.analyze.quotes.spans import find_quote_spans
from tests.analyze.speech import analysed, only_quote


@pytest.mark.parametrize(
    "text",
    [
        "The levee will not hold another week of rain, said Ingrid Holm, a hydrologist at the "
        "Delta Water Board.",
        "The levee will not hold another week of rain, said Ingrid Holm, a hydrologist at the "
        "Delta Water Board, which monitors the river.",
        "The levee will not hold another week of rain, Ingrid Holm, a hydrologist at the Delta "
        "Water Board, said.",
    ],
)
def test_a_trailing_speaker_keeps_the_words_before_an_appositive(text: str) -> None:
    quote = only_quote(text)
    assert quote.speaker == "Ingrid Holm"
    assert quote.text == "The levee will not hold another week of rain"


def test_a_cue_with_no_speaker_inside_the_content_leaves_the_trailing_speaker() -> None:
    text = "Repairs will cost far more than the county expects, said Omar Haddad, an engineer."
    quote = only_quote(text)
    assert quote.speaker == "Omar Haddad"
    assert quote.text.endswith("than the county expects")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In the spring survey, 38 percent said they would move if rents rose again.",
            "38 percent",
        ),
        ("Among younger tenants, a third said the landlord had never answered.", "a third"),
        ("More than six in 10 said they had cut back on heating.", "More than six in 10"),
        ("Majorities in both towns say they want the ferry kept.", "Majorities in both towns"),
    ],
)
def test_a_share_of_the_people_asked_is_a_speaker(text: str, speaker: str) -> None:
    assert only_quote(text).speaker == speaker


def test_a_title_case_headline_names_its_speaker() -> None:
    text = (
        "Harbour Chief Says Night Ferries Will Return In March.\n\n"
        "The port authority has run a reduced timetable since the storm."
    )
    quotes = analysed(text).quotes
    assert [(q.speaker, q.cue) for q in quotes] == [("Harbour Chief", "says")]
    assert quotes[0].text.startswith("Night Ferries Will Return")


def test_a_capitalised_verb_in_running_text_is_not_read_as_a_cue() -> None:
    text = "Claims of a leak at the reservoir spread quickly on Tuesday morning."
    assert analysed(text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Lena Kovac won the runoff after a long recount and said on Friday that the council "
            "would vote on the budget first.",
            "Lena Kovac",
            "the council would vote on the budget first",
        ),
        (
            "She toured the flooded depot on Monday and told staff the trains would run by June.",
            "She",
            "the trains would run by June",
        ),
    ],
)
def test_a_second_verb_of_the_subject_attributes_to_the_subject(
    text: str, speaker: str, content: str
) -> None:
    quote = only_quote(text)
    assert quote.speaker_text == speaker
    assert quote.text.endswith(content)


def test_a_subject_that_is_not_opening_the_sentence_is_not_given_the_words() -> None:
    text = "After the storm the depot stayed shut for weeks and said nothing about the repairs."
    assert analysed(text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The repairs are backed by two engineers, Piet Maas and Carla Reyes, who say the "
            "pier can be saved for half the cost.",
            "Carla Reyes",
        ),
        (
            "The count includes seasonal residents who said they would vote in the town "
            "election next spring.",
            "seasonal residents",
        ),
    ],
)
def test_the_antecedent_of_who_is_the_speaker(text: str, speaker: str) -> None:
    quote = only_quote(text)
    assert quote.speaker_text == speaker
    assert quote.text.startswith(("the pier", "they would vote"))


def test_offset_lookups_agree_with_a_scan() -> None:
    text = (
        'Mayor Ana Ruiz said the bridge was safe. "We checked every bolt," she said. Omar Haddad '
        'of the Delta Water Board disagreed. "It is not," he said, "and we have the report." '
        "Piet Maas, who runs the ferry, said nothing."
    )
    article = analysed(text)
    resolver = SpeakerResolver(text, article.sentences, article.mentions)
    for start in range(0, len(text), 7):
        for end in (start + 5, start + 40, start + 200):
            scan = [m for m in resolver.mentions if start <= m.start < end]
            assert resolver.mentions_in(start, end) == scan
            spans = [s for s in resolver.spans if start <= s.start < end]
            assert resolver.spans_in(start, end) == spans
        inside = any(s.start - 1 <= start < s.end + 1 for s in find_quote_spans(text))
        assert resolver._in_quote(start) == inside


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The county sheriff toured the shelters on Sunday, and took questions from evacuees, "
            'saying "nobody will be sent home before the water is gone."',
            "The county sheriff",
        ),
        (
            'The harbour master opened the hearing with a warning: "We cannot dredge twice a '
            'year on this budget."',
            "The harbour master",
        ),
    ],
)
def test_a_speaker_phrase_that_runs_into_its_clause_keeps_its_subject(
    text: str, speaker: str
) -> None:
    assert only_quote(text).speaker_text == speaker


@pytest.mark.parametrize(
    "phrase",
    ["the retired judge", "newly elected members", "officials involved in the talks"],
)
def test_participles_inside_a_noun_phrase_are_kept(phrase: str) -> None:
    from newstrace.analyze.quotes.phrases import subject_only

    assert subject_only(phrase) == phrase


def test_a_comma_inside_a_number_does_not_end_the_speaker_or_the_content() -> None:
    text = (
        "Jonas Berg, the depot's operations manager, said fewer than 1,200 drivers had stayed "
        "home and that most routes were running."
    )
    quote = only_quote(text)
    assert quote.speaker == "Jonas Berg"
    assert quote.text.startswith("fewer than 1,200 drivers had stayed home")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The shelter was full in the latest council report, with 40 beds taken.",
            "the latest council report",
        ),
        ("The club apologised to its members in a statement on Tuesday.", "a statement"),
    ],
)
def test_a_sentence_is_reported_from_the_document_it_is_in(text: str, speaker: str) -> None:
    assert only_quote(text).speaker_text == speaker


def test_being_relaxed_in_an_interview_reports_no_words() -> None:
    assert analysed("He seemed relaxed and cheerful in an interview with the station.").quotes == []


def test_a_line_opened_by_a_named_speaker_and_a_colon() -> None:
    text = (
        "Ingrid Holm: The Levee Will Not Hold Another Storm.\n\n"
        "The hydrologist Ingrid Holm spoke to the council on Monday about the river.\n\n"
        "HOLM: We checked every section of the levee twice this spring.\n\n"
        "WASHINGTON: The council met on Monday to discuss the levee.\n\n"
        "Update: The meeting has been moved to Thursday evening."
    )
    labelled = [q for q in analysed(text).quotes if q.cue == ":"]
    assert [q.speaker_text for q in labelled] == ["Ingrid Holm", "HOLM"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It is the coldest winter I remember,” the woman said as she waited.", "the woman"),
        ("“Where will the boats go?” asked the boy, who was holding a paper flag.", "the boy"),
    ],
)
def test_a_person_noun_with_no_telling_suffix_heads_a_speaker(text: str, speaker: str) -> None:
    assert only_quote(text).speaker == speaker


def test_a_cue_that_opens_the_sentence_before_a_quote_names_the_speaker_after_it() -> None:
    text = (
        "The old ferry house was restored last year. Said Maren Olsen, who grew up near the "
        "pier, “We all learned to swim here.”"
    )
    assert only_quote(text).speaker == "Maren Olsen"


def test_a_share_after_reports_that_is_what_was_reported_not_who_reported_it() -> None:
    text = (
        "Ana Ruiz, the council's auditor, reports that 44 per cent of the permits were issued late."
    )
    quote = only_quote(text)
    assert quote.speaker == "Ana Ruiz"
    assert quote.text.startswith("44 per cent of the permits")


def test_a_named_speaker_with_a_description_resolves_to_the_name() -> None:
    from newstrace.analyze.quotes.resolver import SpeakerResolver

    text = "Quillo.org, the oldest public audit tool, says most of the accounts are fake."
    resolver = SpeakerResolver(text, analysed(text).sentences, [])
    phrase = "Quillo.org, the oldest public audit tool"
    assert resolver.resolve(phrase, 0, len(phrase), 0) == "Quillo.org"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "A second juror not on the original panel, Tomas Lind, told the Harbour Gazette he "
            "had doubts from the first day.",
            "Tomas Lind",
            "he had doubts from the first day",
        ),
        (
            "Another council ally, Deputy Mayor Rosa Diaz, told Radio Nord that Monday's vote "
            "showed an effort to stall the budget.",
            "Rosa Diaz",
            "Monday's vote showed an effort to stall the budget",
        ),
    ],
)
def test_a_speaker_with_an_appositive_before_told_keeps_the_clause_after_it(
    text: str, speaker: str, content: str
) -> None:
    quote = only_quote(text)
    assert quote.speaker == speaker
    assert quote.text.endswith(content)


def test_according_to_in_mid_sentence_leaves_the_sentence_whole() -> None:
    text = "In May, the ferry ran late, according to the harbour log, although fewer sailed."
    quote = only_quote(text)
    assert quote.text == "In May, the ferry ran late, although fewer sailed"


@pytest.mark.parametrize(
    "text",
    [
        "The governor spoke from the steps of the old customs house on Friday evening.",
        "Ms. Lindqvist talked with voters outside the library before the count began.",
        "The mayor has stayed ahead in the polls since the bridge reopened in March.",
    ],
)
def test_speaking_somewhere_or_leading_in_the_polls_reports_no_words(text: str) -> None:
    assert analysed(text).quotes == []


def test_speaking_about_something_reports_it() -> None:
    text = "The governor spoke about the need for a second ferry across the sound."
    (quote,) = analysed(text).quotes
    assert quote.speaker_text == "The governor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "After the vote, Ana Ruiz on Tuesday said the council would act within a week.",
            "Ana Ruiz",
        ),
        ("Port officials last week said the night ferry would run again.", "Port officials"),
    ],
)
def test_a_time_between_the_speaker_and_the_cue_is_not_part_of_the_speaker(
    text: str, speaker: str
) -> None:
    assert only_quote(text).speaker_text == speaker


def test_a_share_that_speaks_is_the_reporters_count_not_the_speakers_figure() -> None:
    article = analysed(
        "In the spring survey, 38 percent said rents had risen by 12 percent since May."
    )
    owners = {q.value: q.attributed_to for q in article.quantities}
    assert owners[38.0] is None
    assert owners[12.0] == "38 percent"


def test_a_figure_before_every_speaker_is_the_reporters() -> None:
    article = analysed(
        "The mayor toured the pier with two of the fishermen who say the storm cost them 40 boats."
    )
    owners = {q.value: q.attributed_to for q in article.quantities}
    assert owners[2.0] is None
    assert "fishermen" in (owners[40.0] or "")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Marta Vinter, a spokeswoman for the harbour pilots, said the union expected the "
            "night shifts to resume when the dredging ended.",
            "Marta Vinter",
            "the union expected the night shifts to resume when the dredging ended",
        ),
        (
            "Jonas Ek, who ran the ferry line from 2009 until last spring, said the council "
            "reached out to the operators during the first winter.",
            "Jonas Ek",
            "the council reached out to the operators during the first winter",
        ),
    ],
)
def test_a_named_subject_with_an_appositive_before_said_leads_the_clause_after_it(
    text: str, speaker: str, content: str
) -> None:
    quote = only_quote(text)
    assert quote.speaker == speaker
    assert quote.text == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The dunes will not survive another storm, said the warden.", "the warden"),
        ("The dunes will not survive another storm, said Ilse Brandt on Monday.", "Ilse Brandt"),
    ],
)
def test_a_trailing_said_takes_the_whole_speaker_phrase(text: str, speaker: str) -> None:
    quote = only_quote(text)
    assert quote.speaker_text == speaker
    assert quote.text == "The dunes will not survive another storm"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Clara Boyd hopes to reopen the bakery before the winter.", "Clara Boyd", "hopes"),
        ("Tenants fear the landlord will sell the block before spring.", "Tenants", "fear"),
    ],
)
def test_a_stance_verb_that_is_also_a_noun_attributes_after_its_subject(
    text: str, speaker: str, cue: str
) -> None:
    quote = only_quote(text)
    assert (quote.speaker_text, quote.cue) == (speaker, cue)


def test_a_plan_that_is_a_noun_is_not_a_stance() -> None:
    assert analysed("The harbour plans were drawn up in a single afternoon.").quotes == []


def test_a_circumstance_between_commas_is_not_part_of_the_speaker() -> None:
    quote = only_quote("The bakery chain, in a statement, blamed the closures on the strike.")
    assert quote.speaker_text == "The bakery chain"


def test_a_participle_of_speech_after_the_main_clause_is_the_subjects() -> None:
    text = (
        "Ines Varga raised the rent twice last year, arguing that the repairs had cost more "
        "than the building earned."
    )
    quote = only_quote(text)
    assert (quote.speaker, quote.cue) == ("Ines Varga", "arguing")
    assert quote.text == "the repairs had cost more than the building earned"


def test_a_participle_that_is_not_speech_reports_nothing() -> None:
    text = "The storm flooded the depot on Friday, leaving the valley without trains for days."
    assert analysed(text).quotes == []


def test_a_short_quoted_phrase_does_not_hide_the_reported_speech_around_it() -> None:
    text = 'A clerk who "kept a few receipts" was fined twice, the auditor said.'
    quote = only_quote(text)
    assert quote.speaker == "the auditor"
    assert quote.kind == "indirect"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'A ferry company official later walked back the remarks, saying the boats "will '
            'sail again once the pier is safe."',
            "A ferry company official",
        ),
        (
            "The dockers' union shrugged off the threat, telling reporters: \"We have heard it "
            'all before."',
            "The dockers' union",
        ),
        (
            'Ruiz subsequently defended the closure, calling the pier "a danger to anyone who '
            'walks on it."',
            "Ruiz",
        ),
        (
            'The nurse later sued, claiming the quarantine "broke every rule in the book."',
            "The nurse",
        ),
    ],
)
def test_a_speaker_that_runs_into_its_own_clause_before_a_participle_is_cut(
    text: str, speaker: str
) -> None:
    quotes = analysed(text).quotes
    assert quotes and all(q.speaker_text == speaker for q in quotes)


def test_the_possessor_of_remarks_is_the_speaker() -> None:
    text = (
        "Tomas Lind toured the flooded depot on Monday. His remarks suggested that the "
        "council would not pay for the pumps."
    )
    quote = analysed(text).quotes[-1]
    assert quote.speaker_text == "His"
    assert quote.speaker == "Tomas Lind"


def test_a_possessed_claim_is_the_possessors() -> None:
    quote = only_quote("The mayor's claim that the ferry would return by May drew laughter.")
    assert quote.speaker_text == "The mayor"


def test_a_name_after_a_description_is_the_speaker() -> None:
    text = (
        "The head of the harbour pilots' union, Mike Ortiz, praised the dredging crews for "
        "working through the storm."
    )
    assert only_quote(text).speaker_text == "Mike Ortiz"


def test_an_opening_participle_is_not_a_speaker() -> None:
    text = (
        "Having announced that she would not close the mill, Judge Okafor adjourned the "
        "hearing until March."
    )
    assert all(q.speaker_text != "Having" for q in analysed(text).quotes)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master will come on the morning show to explain the new timetable.",
        "The court watched ten minutes of clips from Varga's show, in which she mocks the mayor.",
        "Few of the younger voters reliably show up for the spring council elections.",
    ],
)
def test_a_show_that_is_a_programme_or_turning_up_is_no_cue(text: str) -> None:
    assert all(q.cue not in ("show", "shows") for q in analysed(text).quotes)


def test_a_sentence_before_a_quote_that_the_splitter_joined_is_still_read() -> None:
    text = (
        "Ms. Varga said the same pumps could drain the lower harbour within a week. ''There is "
        "no engineering limit,'' she said."
    )
    quotes = analysed(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Varga"), ("indirect", "Varga")]
    assert quotes[1].text == "the same pumps could drain the lower harbour within a week"


@pytest.mark.parametrize(
    "text",
    [
        "In a video posted to her own account, she criticized the council and asked for a vote.",
        "Whenever asked about the budget, they turned to the state of the harbour instead.",
    ],
)
def test_a_phrase_opened_by_a_preposition_or_subordinator_is_not_a_speaker(text: str) -> None:
    for quote in analysed(text).quotes:
        assert not quote.speaker_text or quote.speaker_text.split()[0] not in ("In", "Whenever")


def test_a_participle_clause_after_a_comma_is_not_a_trailing_speaker() -> None:
    text = (
        "Tenant groups that backed her say the board should pick the plan with most votes, "
        "putting them at odds with Mayor Ruiz’ stated plans."
    )
    assert all(not (q.speaker_text or "").startswith("putting") for q in analysed(text).quotes)


def test_the_addressee_after_a_quote_is_not_its_speaker() -> None:
    text = (
        'Ana Ruiz has hailed the vote as "fantastic," telling reporters on Friday that the '
        "pier would reopen."
    )
    assert all(q.speaker_text != "reporters" for q in analysed(text).quotes)


def test_the_subject_that_wrote_a_letter_speaks_in_it() -> None:
    text = "The Harbour Authority had issued a threat to the county in a May 4 letter."
    quote = only_quote(text)
    assert (quote.speaker, quote.cue) == ("Harbour Authority", "in")


def test_a_poll_a_candidate_leads_in_is_the_speaker_not_the_candidate() -> None:
    quote = only_quote("Mayor Ana Ruiz led by six points in the latest county poll.")
    assert quote.speaker == "the latest county poll"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ana Ruiz of The Harbour Gazette said she first met the mayor two days after the flood.",
            "Ana Ruiz",
        ),
        (
            "Royal Bank of Canada said the harbour branch would close in May.",
            "Royal Bank of Canada",
        ),
    ],
)
def test_a_person_of_an_employer_is_the_person_an_institution_of_a_place_stays_whole(
    text: str, speaker: str
) -> None:
    assert only_quote(text).speaker == speaker


def test_a_description_that_opens_the_sentence_holds_a_noun_like_stance_verb() -> None:
    article = analysed("Authorities estimate the damage to the old harbour church at $1 million.")
    (quote,) = article.quotes
    assert (quote.speaker, quote.cue) == ("Authorities", "estimate")
    assert [q.attributed_to for q in article.quantities] == ["Authorities"]
