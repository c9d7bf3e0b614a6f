"""Direct quotes attributed from the cue next to them, split quotes and transcript turns."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import only, said_by, span_of
from workers.stages.quotes import collect_speakers, extract_quotes


def test_names_titles_and_scare_quotes_are_not_direct_quotes():
    text = (
        "The ‘Commission on Public Integrity’ met in the “Green Room” to watch “The Daily Show” "
        "with the so-called ‘experts’ from the ministry."
    )
    assert [q for q in extract_quotes(text) if q.kind == "direct"] == []


def test_speaker_after_an_aside():
    text = "Darian Lonechild, the chief of White Bear First Nation, said: “We were never consulted.”"
    quote = only(text)
    assert quote.speaker.name == "Darian Lonechild"
    assert text[quote.speaker.start : quote.speaker.end] == "Darian Lonechild"


def test_quote_split_around_its_cue_is_one_quote():
    text = "“The first half was fine,” she said, “but the second half was a disaster for us.”"
    quote = only(text)
    assert (quote.start, quote.end) == span_of(text, "The first half", "disaster for us.")


def test_speaker_with_title_initials_and_party_after_the_verb():
    text = "“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus."
    quote = only(text, "direct")
    assert quote.speaker.name == "G.K. Butterfield"


def test_speaker_described_between_quote_and_verb():
    text = "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said on Tuesday."
    assert only(text, "direct").speaker.name == "Jason Chaffetz"
    text = "“We were never consulted about the pipeline,” the band council said in a statement."
    quote = only(text, "direct")
    assert text[quote.speaker.start : quote.speaker.end] == "the band council"


def test_split_quote_with_a_long_aside_keeps_two_quotes_of_one_speaker():
    text = (
        "“These are strange days,” said Peter Morgan, a lawyer for the Sierra Club who has been "
        "challenging the coal industry over water pollution for many years. “I don't know what "
        "the new owner intends.”"
    )
    first, second = extract_quotes(text)
    assert (first.text, second.text) == ("These are strange days,", "I don't know what the new owner intends.")
    assert second.speaker.name == "Peter Morgan" and second.speaker.via == "continuation"


def test_adding_that_after_a_quote_is_a_second_statement():
    text = (
        "“We do not see a link to terrorism,” the mayor said, adding that it would take several "
        "more hours before details emerge."
    )
    quote, reported = extract_quotes(text)
    assert quote.kind == "direct" and reported.kind == "indirect"
    assert reported.text == "that it would take several more hours before details emerge"
    assert reported.cue == "adding" and reported.speaker.name == "the mayor"


def test_a_verb_in_the_sentence_before_does_not_introduce_a_quote():
    # The sentence start is looked up only when something before the quote could introduce it;
    # then it still bounds the clause: "said" of the first sentence is not the quote's cue.
    text = "Ann Smith said the plan was sound. “It is a disaster for everyone involved,” Bob Jones said."
    quote = only(text, "direct")
    assert (quote.speaker.name, quote.cue) == ("Bob Jones", "said")
    quote = only("“It is a disaster for everyone involved,” Bob Jones said.", "direct")
    assert (quote.speaker.name, quote.cue) == ("Bob Jones", "said")


def test_according_to_before_a_quotation():
    text = "According to Rush Limbaugh, “the move reeks of fear and desperation on her side.”"
    quote = only(text)
    assert (quote.kind, quote.cue, quote.speaker.name) == ("direct", "according to", "Rush Limbaugh")
    assert quote.text == "the move reeks of fear and desperation on her side."


def test_transcript_turns_are_one_quote_each_by_the_named_speaker():
    text = (
        "Premier Danielle Smith spoke to host Rosemary Barton on Sunday. Partial transcript:\n\n"
        "\"BARTON: Will the province hold a referendum on the pension plan this year?\n\n"
        "\"SMITH: We have said all along that Albertans will have the final say on it.\n\n"
        "\"BARTON: And if they vote no?"
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "Will the province hold a referendum on the pension plan this year?",
        "We have said all along that Albertans will have the final say on it.",
        "And if they vote no?",
    ]
    assert [q.speaker.name for q in quotes] == ["Rosemary Barton", "Danielle Smith", "Rosemary Barton"]
    assert all(q.kind == "direct" for q in quotes)


def test_a_whole_quoted_sentence_after_a_comma_is_direct():
    text = 'She then turns to the officers and repeatedly says, "Please put the gun down," until the call ends.'
    quote = only(text)
    assert (quote.kind, quote.text) == ("direct", "Please put the gun down,")


def test_a_full_stop_after_the_cue_makes_two_quotes_of_one_speaker():
    text = "“We moved here in 1990,” Ann Okafor said. “This is home.”"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We moved here in 1990,", "This is home."]
    assert [q.speaker.name for q in quotes] == ["Ann Okafor", "Ann Okafor"]
    assert quotes[1].speaker.via == "continuation"


def test_a_short_scare_quote_after_an_attribution_is_not_a_quote():
    text = "“We moved here in 1990,” Ann Okafor said. The “plan” failed anyway."
    assert [q.text for q in extract_quotes(text)] == ["We moved here in 1990,"]


def test_a_quote_after_a_colon_with_no_verb_is_direct():
    quote = only("The senator on social media: “We will not raise taxes this year.”")
    assert (quote.kind, quote.text, quote.speaker.name) == ("direct", "We will not raise taxes this year.", "The senator")
    text = "“We are ready,” Ann Lee said.\n\nIn a statement: “The company regrets the error and will refund everyone.”"
    second = extract_quotes(text)[1]
    assert (second.text, second.speaker.name, second.speaker.via) == (
        "The company regrets the error and will refund everyone.", "Ann Lee", "continuation"
    )
    assert extract_quotes("Its name: “Project Blue”. It opens soon.") == []


def test_a_quote_after_a_name_and_a_dash():
    quote = only("Jane Smith — “The best time to plant a tree was twenty years ago.”")
    assert (quote.text, quote.speaker.name) == ("The best time to plant a tree was twenty years ago.", "Jane Smith")
    quote = only("“The best time to plant a tree was twenty years ago.” — Jane Smith")
    assert quote.speaker.name == "Jane Smith"


def test_a_name_then_a_long_aside_before_the_verb_is_the_speaker():
    text = (
        "“The levy will not pass this year,” Maria Okonkwo, the council’s budget chair, one of "
        "three members who opposed it, said on Friday."
    )
    quote = only(text)
    assert (quote.speaker.name, quote.cue) == ("Maria Okonkwo", "said")


def test_capitalised_titles_before_the_name_after_the_verb():
    text = "“The talks went well,” said European Commission President Ana Duarte, leaving the hall."
    quote = only(text, "direct")
    assert (quote.speaker.name, text[quote.speaker.start : quote.speaker.end]) == ("Ana Duarte", "Ana Duarte")


def test_a_verb_between_the_quote_and_the_cue_makes_a_clause_not_a_speaker_phrase():
    # "Ann Lee sings to Bob Stone before asking": the listener is not the speaker.
    text = "“Promise you will come home,” Ann Lee sings to Bob Stone before asking him, “Where do we go from here?”"
    quotes = extract_quotes(text)
    assert all(q.speaker is None or q.speaker.name != "Bob Stone" for q in quotes)
    assert quotes[-1].speaker.name == "Ann Lee"


def test_a_title_in_quote_marks_is_not_a_quote_even_with_a_cue_after_it():
    text = "On this week’s episode of “Morning Market Watch,” host Ann Lee said rates would fall again next year."
    assert [(q.kind, q.text) for q in extract_quotes(text)] == [("indirect", "rates would fall again next year")]
    assert extract_quotes("In her 2019 book, “Grow Your Own Garden,” Ann Lee suggested starting with herbs.") == []
    assert only("“Never again,” Ann Lee said.").text == "Never again,"


def test_unquoted_words_finishing_the_sentence_then_the_speaker():
    text = (
        "Ann Lee spoke first.\n\nBob Stone answered her.\n\n"
        "“The only way the mill reopens is with new owners” before winter, he said."
    )
    quote = extract_quotes(text)[-1]
    assert (quote.text, quote.cue, quote.speaker.via) == ("The only way the mill reopens is with new owners", "said", "pronoun")
    assert text[quote.speaker.start : quote.speaker.end] == "he"


def test_cue_right_after_a_quote_names_its_speaker_even_with_a_verb_before():
    text = (
        "Imani Clarke said the archive was worth saving because “nobody else keeps these letters,” "
        "she said. “They would simply be gone.”"
    )
    first, second = extract_quotes(text)
    assert text[first.speaker.start : first.speaker.end] == "she"
    assert (second.speaker.start, second.speaker.end) == (first.speaker.start, first.speaker.end)
    assert first.speaker.name == second.speaker.name == "Imani Clarke"


def test_a_descriptive_phrase_after_a_quote_does_not_replace_the_speaker_before_it():
    text = "Imani Clarke told the board: “We cannot wait another year,” the minutes record."
    quote = only(text, "direct")
    assert text[quote.speaker.start : quote.speaker.end] == "Imani Clarke"


def test_a_verb_of_speaking_manner_after_a_quote_attributes_it():
    text = "The hearing ran late. “Why was nobody told about the leak?” Councillor Ruth Abara demanded."
    quote = only(text, "direct")
    assert quote.speaker.name == "Ruth Abara"
    text = "“Keep the lights off until they pass,” she whispered."
    assert text[only(text).speaker.start : only(text).speaker.end] == "she"


def test_a_predicate_joined_by_and_is_not_the_speaker_of_the_verb_after_it():
    text = "The agency reviewed the figures and concluded the claims were “mostly false.”"
    quote = only(text)
    assert quote.text == "mostly false."
    assert quote.speaker.name == "The agency"


@pytest.mark.parametrize("label", ["CORRECTION", "CLARIFICATION", "RELATED", "DISCLOSURE"])
def test_an_editorial_label_opening_a_paragraph_is_no_speaker(label):
    text = f"The council met on Monday.\n\n{label}: An earlier version of this story misstated the date of the vote."
    assert extract_quotes(text) == []


@pytest.mark.parametrize("intro", ["made the following comment", "had this to say"])
def test_a_block_quote_after_a_colon_is_the_named_persons_with_no_speaker_by_the_verb(intro):
    text = (f"On Monday, Mayor Ana Ruiz {intro}:\n\n"
            "“The bridge will reopen in May, and every family on the east bank will be back home.”")
    quote = only(text)
    assert (quote.kind, quote.speaker.name) == ("direct", "Ana Ruiz")


def test_a_block_quote_after_a_colon_naming_nobody_has_no_speaker_made_up():
    text = "The council has published the full text of the ruling, which reads:\n\n“The permit is void.”"
    assert all(q.speaker is None for q in extract_quotes(text))


def test_the_listener_after_telling_is_not_the_speaker_and_the_quote_is_reported_once():
    text = "The minister insisted there would be no U-turn, telling MPs: “We will see this through.”"
    quotes = extract_quotes(text)
    assert [(q.kind, q.text, q.speaker.name) for q in quotes] == [
        ("indirect", "there would be no U-turn", "The minister"),
        ("direct", "We will see this through.", "The minister"),
    ]


@pytest.mark.parametrize("text, speaker, cue", [
    ("“I don’t know what will happen now,” a tearful resident, who asked not to be named, told AFP.",
     "a tearful resident", "told"),
    ("“We will not give up,” Smith, who said he had worked there for years, told reporters.", "Smith", "told"),
    ("“We will not give up,” Smith, who heads the union, said on Monday.", "Smith", "said"),
])
def test_a_verb_inside_a_relative_aside_after_the_quote_is_not_its_cue(text, speaker, cue):
    quote = only(text)
    assert (quote.speaker.name, quote.cue) == (speaker, cue)


@pytest.mark.parametrize("source, speaker", [
    ("a statement from the ministry", "a statement from the ministry"),
    ("Maria Lopez, the ministry spokeswoman", "Maria Lopez"),
    ("the Leeds Gazette", "Leeds Gazette"),
])
def test_according_to_after_a_quote_attributes_it(source, speaker):
    quote = only(f"“This will not stand,” according to {source}.")
    assert (quote.kind, quote.text, quote.speaker.name, quote.cue) == (
        "direct", "This will not stand,", speaker, "according to")


def test_the_source_after_according_to_ends_with_its_sentence():
    text = "The baby is ‘the happiest boy ever’, according to his mother. He loves everything that moves, she says."
    assert extract_quotes(text)[0].speaker.name == "his mother"


@pytest.mark.parametrize("text, speaker", [
    ("“Why should we pay for their mistakes?” asked a protester.", "a protester"),
    ("“We are tired,” said one resident.", "one resident"),
    ("“We are tired,” said residents of the valley.", "residents of the valley"),
    ("“We are tired,” said a woman who gave only her first name.", "a woman"),
    ("“It is what it is,” joked the coach after the defeat.", "the coach"),
])
def test_any_noun_phrase_after_a_verb_inverted_after_the_quote_is_the_speaker(text, speaker):
    assert only(text).speaker.name == speaker


def test_a_name_set_off_after_a_description_between_quote_and_verb_is_the_speaker():
    quote = only("“We will appeal,” a lawyer for the family, Tom Hart, told reporters outside court.")
    assert (quote.speaker.name, quote.cue) == ("Tom Hart", "told")


def test_an_initialism_inside_the_speaker_phrase_is_one_word():
    assert only("“We are watching closely,” said a U.S. official.").speaker.name == "a U.S. official"


@pytest.mark.parametrize(("text", "speaker", "cue"), [
    ("“We got lucky in the second half,” laughed Ortiz.", "Ortiz", "laughed"),
    ("“It is what it is,” the coach shrugged.", "the coach", "shrugged"),
    ("“Not again,” Mira Tan sighed, reaching for the remote.", "Mira Tan", "sighed"),
    ("‘Somebody help him!’ cried a woman in the crowd.", "a woman in the crowd", "cried"),
])
def test_a_verb_of_a_gesture_right_after_a_quote_tags_it(text, speaker, cue):
    quote = only(text)
    assert (quote.kind, quote.speaker.name, quote.cue) == ("direct", speaker, cue)


def test_a_verb_of_a_gesture_reports_nothing_without_a_quote():
    assert extract_quotes("The minister smiled that the vote had passed, then laughed it off.") == []


@pytest.mark.parametrize("speaker", ["Senator Lisa Marr", "Senate Majority Leader Lisa Marr",
                                     "the Senate Majority Leader Lisa Marr"])
def test_a_titled_name_then_an_aside_before_the_verb_is_the_speaker(speaker):
    quote = only(f"“The bill will pass this week,” {speaker}, R-Alaska, said on Tuesday.")
    assert (quote.speaker.name, quote.cue) == ("Lisa Marr", "said")


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The water came up to the second step,” said resident Omar Haddad.", "Omar Haddad"),
    ("“We will appeal,” said defence lawyer Ruth Okoye.", "Ruth Okoye"),
    ("“It is a sad day,” said former prime minister Ines Varga.", "Ines Varga"),
    ("“We played with heart,” said Harbour City Hawks coach Dana Whitfield.", "Dana Whitfield"),
    ("“Rates will fall,” said Northbank economist Li Wei.", "Li Wei"),
])
def test_a_name_after_a_bare_description_past_an_inverted_verb_is_the_speaker(text, speaker):
    assert only(text).speaker.name == speaker


def test_a_description_with_a_preposition_names_no_one_in_it():
    assert only("“It was chaos,” said officials in Brandon.").speaker.name == "officials in Brandon"


@pytest.mark.parametrize("text", [
    "KOCHI: The port trust on Friday extended the deadline for the tenders by a month.",
    "Port deadline extended\n\nKOCHI: The port trust on Friday extended the deadline by a month.",
])
def test_a_dateline_in_capitals_and_a_colon_is_no_transcript_turn(text):
    assert extract_quotes(text) == []


def test_a_statement_after_a_dateline_with_a_colon_starts_after_it():
    text = "KOCHI: The port trust has cancelled the tenders for the new berth, officials said on Monday."
    assert only(text).text == "The port trust has cancelled the tenders for the new berth"


def test_a_verb_then_a_medium_before_a_colon_attributes_the_quote():
    quote = only("The premier said in a Facebook post: “The deal is done and it is a good one.”")
    assert (quote.speaker.name, quote.cue) == ("The premier", "said")


def test_a_title_after_a_bare_description_is_skipped():
    assert only("“We need more beds,” said emergency room physician Dr. Ana Ruiz.").speaker.name == "Ana Ruiz"


def test_a_quote_then_posted_is_what_was_posted():
    quote = only("“Today we mourn with the families,” Premier Ana Ruiz posted on social media.")
    assert (quote.speaker.name, quote.cue) == ("Ana Ruiz", "posted")


def test_a_quote_then_the_statement_read():
    quote = only("“We regret the delay and thank our customers for their patience,” the statement read.")
    assert (quote.speaker.name, quote.cue) == ("the statement", "read")


def test_what_a_speaker_said_before_a_colon_introduces_their_words():
    quote = only("Here is what the premier said on Thursday: “We are not going to raise taxes. Period.”")
    assert quote.speaker.name == "the premier"


@pytest.mark.parametrize("text", [
    "“We are extremely concerned,” WHO emergencies chief Dr. Amara Lee told reporters in Geneva.",
    "“We are extremely concerned,” said WHO chief Amara Lee.",
])
def test_an_acronym_spelt_like_who_is_no_relative_pronoun(text):
    assert only(text).speaker.name == "Amara Lee"


def test_the_who_speaks():
    assert only("WHO said the outbreak was spreading fast.").speaker.name == "WHO"


def test_a_surname_after_according_to_is_resolved_to_the_full_name():
    text = "Union leader Ann Cole spoke on Monday. “We will not back down,” according to Cole."
    quote = only(text)
    assert (quote.speaker.name, quote.speaker.via) == ("Ann Cole", "surname")
    assert [(s.name, s.quotes) for s in collect_speakers([quote], text)] == [("Ann Cole", [0])]


@pytest.mark.parametrize("text, speaker", [
    # a name between a determiner and a noun after the verb describes the speaker
    ("“Every volunteer is an asset,” said the Leeds charity.", "the Leeds charity"),
    ("“We were the better side,” said the Manchester United manager.", "the Manchester United manager"),
    ("“We were the better side,” said the Leeds chief constable on Monday.", "the Leeds chief constable"),
    # a name after the noun is the speaker
    ("“We were the better side,” said the Leeds teenager Ann Cole.", "Ann Cole"),
])
def test_a_name_describing_the_noun_after_an_inverted_verb_is_no_speaker(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Fans were furious. @leedsfan99 tweeted: “This is a disgrace to the club.”", "@leedsfan99"),
    ("Fans were furious. “This is a disgrace to the club,” @Leeds_Fan wrote.", "@Leeds_Fan"),
])
def test_a_social_media_account_is_the_speaker_with_its_at_sign(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a time word between the speaker and the verb: the name after the verb is no inverted speaker
    ("Ann Cole today insisted the Greens had suffered a “hammer blow” after the vote.", "Ann Cole"),
    ("Ann Cole yesterday insisted the Greens had suffered a “hammer blow” after the vote.", "Ann Cole"),
])
def test_today_or_yesterday_before_the_verb_stands_between_it_and_its_speaker(text, speaker):
    assert said_by(text)[1] == speaker


def test_a_capitalised_long_after_a_name_is_a_surname_not_an_adverb():
    text = "The Greens had suffered a “hammer blow” after the vote, said Tom Reed. Ann Long insisted the Greens “will be back”."
    assert [q.speaker.name for q in extract_quotes(text)] == ["Tom Reed", "Ann Long"]


@pytest.mark.parametrize("text, speaker", [
    ("Readers were furious. Another, who did not want to be named, added: “Shame on them.”", "Another"),
    ("Two diplomats spoke to the paper. One, a Western envoy, said: “The convoy was hit.”", "One"),
])
def test_one_or_another_of_a_group_set_off_by_an_aside_is_the_speaker(text, speaker):
    assert said_by(text)[1] == speaker


def test_no_one_is_no_speaker():
    assert extract_quotes("No one said the bridge over the river was unsafe in high winds.") == []


@pytest.mark.parametrize("text, speaker", [
    # a name between a determiner and a noun before the verb describes the speaker too
    ("Lionel Reed is to be a father again. The Leeds star shared a picture with the message: “Waiting for you.”",
     "The Leeds star"),
    ("“We were the better side,” the Leeds United boss said.", "the Leeds United boss"),
    ("The Labour leader told reporters: “We were the better side.”", "The Labour leader"),
])
def test_a_name_describing_the_noun_before_the_verb_is_no_speaker(text, speaker):
    assert said_by(text)[1] == speaker


def test_a_colon_after_a_fronted_phrase_takes_the_main_clauses_subject():
    text = "With Labour leaders worried about turnout, Ann Cole is rolling out a new message: “It's about me and my record.”"
    assert said_by(text)[1] == "Ann Cole"


@pytest.mark.parametrize("title", ["Rep.", "Sen.", "Councillor"])
def test_a_titled_name_with_its_party_and_an_aside_after_the_quote_speaks(title):
    text = f"“They would just go and get them,” {title} Ann Cole (R-Ohio), an oversight panel member, said in an interview."
    assert said_by(text)[1] == "Ann Cole"
