"""Who said what: direct and indirect quotes, their speakers, and cited outlets."""

from __future__ import annotations

from newstrace.analyze import Analyzer
from newstrace.analyze.quotes import according_to
from newstrace.model import Article
from newstrace.settings import Settings
from tests.analyze.speech import analysed, quotes_of


def test_curly_quote_with_speaker_named_after_it() -> None:
    (quote,) = quotes_of("“The bridge will reopen next week,” said Transport Minister Anna Berg.")
    assert quote.kind == "direct"
    assert quote.text == "The bridge will reopen next week,"
    assert quote.speaker == "Anna Berg"
    assert quote.cue == "said"


def test_straight_quote_speaker_before_colon() -> None:
    (quote,) = quotes_of('Mayor Tom Hale told reporters: "We have no water in the east."')
    assert quote.text == "We have no water in the east."
    assert quote.speaker == "Tom Hale"


def test_single_quotes_are_quotes_but_apostrophes_are_not() -> None:
    text = "Police chief Maria Lopez said: 'The driver wasn't drunk, we've checked.'"
    (quote,) = quotes_of(text)
    assert quote.text == "The driver wasn't drunk, we've checked."
    assert quote.speaker == "Maria Lopez"


def test_quote_split_around_he_said_is_one_quote_with_pronoun_resolved() -> None:
    text = (
        "Senator Paul Okafor visited the flooded town on Tuesday.\n\n"
        "“We came too late,” he said. “The water rose in an hour.”"
    )
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert quotes[0].text == "We came too late. The water rose in an hour."
    assert quotes[0].speaker == "Paul Okafor"
    assert quotes[0].speaker_text == "he"


def test_multi_sentence_quote_keeps_all_sentences() -> None:
    text = '"Prices went up. Wages did not. People are angry," union leader Rosa Diaz said.'
    (quote,) = quotes_of(text)
    assert quote.text == "Prices went up. Wages did not. People are angry,"
    assert quote.speaker == "Rosa Diaz"


def test_description_as_speaker() -> None:
    text = (
        '"The talks have collapsed," said a senior official who asked not to be named '
        "because he was not authorised to speak."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker is not None
    assert quote.speaker.startswith("a senior official who asked not to be named")


def test_unattributed_paragraph_quote_continues_last_speaker() -> None:
    text = (
        '"We will rebuild," said Governor Ada Mills.\n\n'
        '"Every house on this street will stand again, I promise you that."'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Ada Mills", "Ada Mills"]


def test_indirect_speech_forms() -> None:
    text = (
        "Defence Minister Lars Holm said that the army would send 300 engineers.\n\n"
        "The bridge was closed for repairs, officials said.\n\n"
        "According to the Associated Press, the storm killed at least 12 people.\n\n"
        "Holm told the news agency AFP that the mission would last a year."
    )
    quotes = quotes_of(text)
    assert all(q.kind == "indirect" for q in quotes)
    by_sentence = {q.sentence: q for q in quotes}
    assert by_sentence[0].speaker == "Lars Holm"
    assert by_sentence[0].text == "the army would send 300 engineers"
    assert by_sentence[1].speaker == "officials"
    assert by_sentence[1].text == "The bridge was closed for repairs"
    assert by_sentence[2].speaker == "Associated Press"
    assert by_sentence[2].cue == "according to"
    assert by_sentence[3].text == "the mission would last a year"


def test_cited_outlets() -> None:
    article = analysed(
        "Reuters reported that the plant was shut. The minister told the news agency AFP that "
        "it would reopen. He said so in an interview with the BBC."
    )
    assert article.cited_sources[:2] == ["Reuters", "AFP"]
    assert "BBC" in article.cited_sources


def test_sentence_without_attribution_has_no_quote() -> None:
    assert quotes_of("The river rose by two metres overnight and flooded the old town.") == []


def test_passive_report_is_not_an_attribution() -> None:
    assert quotes_of("Fresh riots were reported in the capital on Saturday night.") == []


def test_speaker_with_appositive_before_the_cue() -> None:
    text = (
        "Jeff Sessions, a senator from Alabama, said the donations were akin to extortion "
        "and should be returned."
    )
    (quote,) = quotes_of(text)
    assert quote.kind == "indirect"
    assert quote.speaker == "Jeff Sessions"
    assert quote.text.startswith("the donations were akin")


def test_titled_name_after_the_quote_keeps_its_period() -> None:
    (quote,) = quotes_of("''We are not a burden on anyone,'' Mr. Obama said on Sunday.")
    assert quote.text == "We are not a burden on anyone,"
    assert quote.speaker_text == "Mr. Obama"


def test_scare_quote_takes_the_speaker_of_its_sentence() -> None:
    (quote,) = quotes_of("Campaign chair Paul Manafort dismissed the whole affair as “absurd.”")
    assert quote.text == "absurd."
    assert quote.speaker == "Paul Manafort"


def test_dash_attribution_after_a_quote() -> None:
    (quote,) = quotes_of("“I am truly afraid of what comes next.” ― Karen Bobadilla")
    assert quote.speaker == "Karen Bobadilla"


def test_two_attributions_in_one_sentence() -> None:
    text = (
        "Finance Minister Ana Ruiz said taxes would rise next year, but opposition leader "
        "Carlos Vega argued that they would fall."
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ana Ruiz", "taxes would rise next year"),
        ("Carlos Vega", "they would fall"),
    ]


def test_pronoun_after_a_new_subject_is_that_subject_not_the_last_speaker() -> None:
    text = (
        "Health Secretary Nora Quill said the wards were full. "
        '"We have no beds left," she said.\n\n'
        "Hospital director Tomas Reyk visited the wards. "
        '"We will open a field hospital," he said.'
    )
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [(q.speaker, q.speaker_text) for q in quotes] == [
        ("Nora Quill", "she"),
        ("Tomas Reyk", "he"),
    ]


def test_pronoun_skips_a_person_the_text_calls_by_the_other_pronoun() -> None:
    text = (
        "Mayor Ines Falk said the roads were closed. "
        '"Nobody should drive tonight," she said.\n\n'
        "Fire chief Olaf Brandt said the river was rising. "
        '"Stay away from the banks," he said.\n\n'
        "Falk then left for the shelter. "
        '"My crews will stay all night," he said.'
    )
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Ines Falk", "Olaf Brandt", "Olaf Brandt"]


def test_speaker_named_only_after_the_quote() -> None:
    text = 'The plant closed on Friday. "It is a sad day for the town," said Mayor Lena Voss.'
    (quote,) = quotes_of(text)
    assert quote.speaker == "Lena Voss"


def test_agency_credits_in_dateline_credit_line_and_byline() -> None:
    article = Article(
        id="c",
        source="mem",
        outlet="Valley Herald",
        author="Nordic Press Agency",
        text=(
            "OSLO, May 4 (NPA) - The ferry strike ended on Monday.\n\n"
            "Cafes on Harbour Street reported brisk business.\n\n(NPA)"
        ),
    )
    Analyzer(Settings.lexical(), embed=False).analyze([article])
    assert article.cited_sources == ["Nordic Press Agency"]  # NPA is its initials


def test_an_outlet_does_not_cite_itself() -> None:
    article = Article(
        id="w",
        source="mem",
        outlet="Nordic Press Agency",
        text="OSLO, May 4 (NPA) - The ferry strike ended on Monday, the union said.",
    )
    Analyzer(Settings.lexical(), embed=False).analyze([article])
    assert article.cited_sources == []


def test_the_same_speaker_going_on_is_a_second_attribution() -> None:
    text = (
        "Mayor Lena Voss accused the operator of ignoring the warnings and insisted that "
        "the line must stay closed."
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Lena Voss", "accused"),
        ("Lena Voss", "insisted"),
    ]
    assert quotes[0].text == "the operator of ignoring the warnings"
    assert quotes[1].text == "the line must stay closed"


def test_indirect_words_after_a_direct_quote_keep_its_speaker() -> None:
    text = '"We will not give up," union leader Rosa Diaz said, adding that talks would resume.'
    quotes = quotes_of(text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", "Rosa Diaz"),
        ("indirect", "Rosa Diaz"),
    ]
    assert quotes[1].text == "talks would resume"


def test_trailing_said_takes_only_circumstances_after_it() -> None:
    text = "During the rally, the former governor said the budget would be balanced by spring."
    (quote,) = quotes_of(text)
    assert quote.speaker_text == "the former governor"
    assert quote.text == "the budget would be balanced by spring"


def test_according_to_reads_initialisms_titles_and_publishers() -> None:
    assert according_to("According to U.S. officials, five soldiers died.") == "U.S. officials"
    assert according_to("The bridge reopened, according to Mr. Smith.") == "Mr. Smith"
    assert according_to("It drew 32 million viewers, according to figures from Nielsen.") == (
        "Nielsen"
    )
    assert according_to("According to this L.A. Times story, the team was sold.") == "L.A. Times"


def test_a_study_states_its_findings() -> None:
    (quote,) = quotes_of("A new study by the Lund Institute found 40 percent of voters undecided.")
    assert quote.speaker_text == "A new study by the Lund Institute"
    assert quote.text == "40 percent of voters undecided"


def test_speaker_without_trailing_adverb_or_party_tag() -> None:
    quotes = quotes_of(
        'Gomez further said the vote was rigged. "We object," said Rep. Ann Lee (D-Ore.).'
    )
    assert [q.speaker_text for q in quotes] == ["Gomez", "Rep. Ann Lee"]


def test_a_quoted_title_is_not_speech() -> None:
    text = 'Senator Ruth Hale appeared on "Meet The Press" on Sunday.'
    assert [q for q in quotes_of(text) if q.kind == "direct"] == []
    (quote,) = quotes_of('"We Will Rebuild," said Governor Ada Mills.')
    assert quote.speaker == "Ada Mills"


def test_a_name_inside_the_speakers_phrase_is_not_the_speaker() -> None:
    text = (
        "Residents on Harlow Street, which backs onto the river, said they had noticed a sharp "
        "smell late on Saturday. A spokesman for Mayor Tom Hale said the pumps were repaired."
    )
    residents, spokesman = quotes_of(text)
    assert residents.speaker == "Residents on Harlow Street"
    assert spokesman.speaker is not None and spokesman.speaker != "Tom Hale"
