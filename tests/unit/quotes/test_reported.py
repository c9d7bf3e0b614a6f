"""Reported speech: `X said (that) …`, trailing cues, coordinated verbs, intentions."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import only, said_by
from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        ("Premier Scott Moe said that the province would cut the fuel tax next spring.",
         "that the province would cut the fuel tax next spring", "Scott Moe", "said"),
        ("According to the RCMP, the suspect fled the scene in a stolen pickup truck.",
         "the suspect fled the scene in a stolen pickup truck", "RCMP", "according to"),
        ("Mary Simon told the crowd the country must keep its promises to Inuit families.",
         "the country must keep its promises to Inuit families", "Mary Simon", "told"),
        ("The plant will close in March and 400 workers will lose their jobs, the company added.",
         "The plant will close in March and 400 workers will lose their jobs", "the company", "added"),
        ("The vote was rigged from the start, claimed opposition leader Pierre Dubois.",
         "The vote was rigged from the start", "Pierre Dubois", "claimed"),
    ],
)
def test_reported_speech(text, content, speaker, cue):
    quote = only(text)
    assert (quote.kind, quote.text, quote.speaker.name, quote.cue) == ("indirect", content, speaker, cue)


def test_noun_phrase_and_it_as_speakers_of_reported_speech():
    text = "The bank said that it had fired thousands of employees for opening fake accounts."
    assert only(text).speaker.name == "The bank"
    text = "The city sent a letter on Thursday. It says the campaign broke federal copyright law."
    quote = only(text)
    assert text[quote.speaker.start : quote.speaker.end] == "It"


def test_trailing_cue_with_a_described_speaker():
    text = "The plan is doomed to fail in the Senate, retired Air Force general Lloyd Newton said."
    quote = only(text)
    assert quote.text == "The plan is doomed to fail in the Senate"
    assert quote.speaker.name == "Lloyd Newton"


def test_a_second_verb_of_the_same_speaker_starts_a_second_statement():
    text = (
        "Health Minister Mark Holland said the province would hire 200 nurses by spring "
        "and warned that emergency rooms could close over the holidays."
    )
    first, second = extract_quotes(text)
    assert first.text == "the province would hire 200 nurses by spring"
    assert second.text == "that emergency rooms could close over the holidays"
    assert (second.kind, second.cue, second.speaker.name) == ("indirect", "warned", "Mark Holland")
    text = (
        "Councillor Amy Roth said the bylaw went too far, arguing that small landlords "
        "would be driven out of the rental market."
    )
    first, second = extract_quotes(text)
    assert first.text == "the bylaw went too far"
    assert (second.text, second.cue) == ("that small landlords would be driven out of the rental market", "arguing")
    assert second.speaker.name == "Amy Roth"


def test_an_intention_or_a_promise_is_not_a_statement():
    assert extract_quotes("Mayor Olivia Chow wants to freeze transit fares for another two years.") == []
    assert extract_quotes("The union has vowed to keep picketing until the company returns to the table.") == []
    assert extract_quotes("Ann Lee pledged to visit the flooded towns next week.") == []
    assert extract_quotes("Mayor Olivia Chow wants a new subway line built in Scarborough.") == []
    assert extract_quotes("The province declined to the north of the river by three per cent.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor mentioned the bridge during the council meeting on Monday.",
        "Senator Ann Lee acknowledged the reality of the budget deficit in her speech.",
        "The port authority announced plans to expand the container terminal next year.",
        "The Rovers posted two wins and a draw in their last three games.",
        # a noun phrase, then a clause of time or cause that holds the only verb
        "Labour MP Ann Cole announced her diagnosis when she left the Commons in 2019.",
        "The striker added a second goal after the keeper slipped on the wet turf.",
        "The pilot declared an emergency shortly before the plane came down near the runway.",
    ],
)
def test_a_complement_that_states_nothing_is_not_reported_speech(text):
    # An object ("the bridge", "plans to expand", "two wins") is not a statement.
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("The mayor said she opposes the plan to close the library.", "she opposes the plan to close the library"),
        ("Ann Lee told reporters the long-delayed bridge over the river would open in May.",
         "the long-delayed bridge over the river would open in May"),
        ("The minister said the new rules were a mistake.", "the new rules were a mistake"),
        # the verb comes before the clause of time or condition
        ("Ann Lee said her team would win if the rain held off.", "her team would win if the rain held off"),
        ("Tom Hart said a friend was waiting when the bus arrived.", "a friend was waiting when the bus arrived"),
    ],
)
def test_a_complement_with_a_subject_and_a_finite_verb_is_reported_speech(text, content):
    assert only(text).text == content


def test_progressive_and_adverb_between_speaker_and_verb():
    text = "The ministry is saying that the new rules will take effect in January."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("that the new rules will take effect in January", "The ministry")
    text = "Premier Scott Moe has long said that Ottawa should stay out of provincial resource policy."
    quote = only(text)
    assert (quote.kind, quote.cue, quote.speaker.name) == ("indirect", "said", "Scott Moe")


def test_a_short_phrase_opening_the_clause_is_the_speaker():
    text = "Economists at three of the big banks say the housing market will cool by summer."
    quote = only(text)
    assert quote.text == "the housing market will cool by summer"
    assert (quote.kind, quote.cue, quote.speaker.name) == ("indirect", "say", "Economists at three of the big banks")
    text = "People close to the premier say that she had doubts about its cost."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("that she had doubts about its cost", "People close to the premier")
    # An infinitive or a clause before the verb is no speaker.
    assert extract_quotes("The law requires provincial police to tell the coroner when someone dies.") == []


def test_a_speaker_after_a_comma_with_that_after_the_verb_reports_forward():
    text = "Although the plan passed easily, people close to the premier say that she had doubts about it."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("that she had doubts about it", "people close to the premier")
    text = "The deficit will top $40 billion this year, the budget officer said on Friday."
    assert only(text).text == "The deficit will top $40 billion this year"


def test_an_adjunct_before_the_speaker_is_not_the_statement():
    quote = only("In a written statement, the company said it would appeal the ruling.")
    assert (quote.text, quote.speaker.name) == ("it would appeal the ruling", "the company")
    quote = only("Prices will keep rising all year, the central bank said.")
    assert quote.text == "Prices will keep rising all year"


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("A spokesman for the airline, Karl Brandt, said no flights had been cancelled so far.",
         "Karl Brandt", "no flights had been cancelled so far"),
        ("Sen. Maria Lopez (D-Ariz.), who chairs the water panel, said the drought would last years.",
         "Maria Lopez", "the drought would last years"),
        ("Rep. Dan Ortiz (R-Texas), a member of the farm caucus, said the bill would fail.",
         "Dan Ortiz", "the bill would fail"),
    ],
)
def test_a_speaker_set_off_by_commas_before_the_verb(text, speaker, content):
    quote = only(text)
    assert (quote.text, quote.speaker.name, quote.speaker.via) == (content, speaker, "name")


def test_who_after_a_name_reports_for_that_name():
    text = "The new bridge was opened by Lena Ward, who argued that the old one had been unsafe for years."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("that the old one had been unsafe for years", "Lena Ward")
    # the mention is the relative pronoun itself; the words before its comma are not reported
    assert text[quote.speaker.start : quote.speaker.end] == "who"
    text = "The fair drew farmers who said the price of feed had doubled since spring."
    assert extract_quotes(text) == []


def test_that_after_an_aside_between_commas_opens_the_statement():
    text = "The minister admitted, in a letter to the council, that the budget had been overspent."
    assert only(text).text == "that the budget had been overspent"
    text = "Ruth Diaz says at every rally in Reno, Nevada, that the state needs more teachers."
    assert only(text).text == "that the state needs more teachers"


def test_a_verb_after_but_reports_forward_not_the_clause_before_the_comma():
    text = "The board approved the budget late on Friday, but Ines Vidal said the vote had been rushed."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("the vote had been rushed", "Ines Vidal")


def test_a_short_time_or_place_phrase_before_a_pronoun_subject_is_skipped():
    text = "Coach Dana Price said after the final whistle she was proud of every player."
    assert only(text).text == "she was proud of every player"
    text = "Mayor Ola Berg told reporters at the station he had not seen the report."
    assert only(text).text == "he had not seen the report"


def test_according_to_after_a_dash():
    text = "Ferry fares will double next year — the steepest rise in decades — according to the port authority."
    quote = only(text)
    assert (quote.cue, quote.speaker.name) == ("according to", "the port authority")
    assert quote.text.startswith("Ferry fares will double next year")


def test_a_second_reporting_clause_in_the_same_sentence():
    text = "Alma Ruiz said the clinic had never turned anyone away, though she noted that funding would run out in June."
    first, second = extract_quotes(text)
    assert (first.text, first.cue) == ("the clinic had never turned anyone away", "said")
    assert (second.text, second.cue, second.speaker.name) == ("that funding would run out in June", "noted", "Alma Ruiz")


def test_a_sentence_far_longer_than_news_keeps_exact_offsets():
    text = "Ann Lee said the plan would fail, while Bo Chan said that it would work. " * 2
    long = text.replace(". ", ", ") * 400  # one sentence of 57,600 characters
    quotes = extract_quotes(long)
    assert quotes and all(long[q.start : q.end] == q.text for q in quotes)


def test_has_learned_reports_only_the_statement_before_it():
    text = "The council had quietly sold the old library to a developer, the Daily Courier has learned."
    quote = only(text)
    assert (quote.text, quote.cue) == ("The council had quietly sold the old library to a developer", "learned")
    assert extract_quotes("Tomas learned that the bakery had closed for good in March.") == []


@pytest.mark.parametrize("text", [
    "Voters doubt what the governor says his budget would do for schools.",
    "Everything the minister said was denied by her own office the next day.",
    "Nothing the coach says changes how the players train.",
])
def test_a_verb_in_a_free_relative_reports_no_statement(text):
    # The verb's object is "what" / "everything": the words after it are not the speaker's.
    assert extract_quotes(text) == []


def test_a_statement_of_a_subject_called_all_is_still_reported():
    assert only("The three judges all said the ruling would stand.").text == "the ruling would stand"


def test_a_listener_written_as_an_initialism_is_skipped_whole():
    quote = only("The mayor told the U.N. the city would need help with the flood.")
    assert (quote.text, quote.speaker.name) == ("the city would need help with the flood", "The mayor")


def test_reported_content_opens_with_a_word():
    # The second half after the dash continues the first statement; cut apart, it opened with
    # the dash and was reported as a statement of its own.
    text = "The senator flew home on Friday — but skipped the vote on the budget, The Herald has learned."
    assert [q.text for q in extract_quotes(text)] == ["The senator flew home on Friday"]


def test_a_reflexive_object_after_the_verb_is_no_statement():
    assert extract_quotes("Peacekeepers in the region often find themselves in the middle of the fighting.") == []


@pytest.mark.parametrize("text, source", [
    ("More than 100,000 people joined the walk-out at 2,000 schools, according to the event "
     "organizer Alliance to Reclaim Our Schools (AROS).",
     "the event organizer Alliance to Reclaim Our Schools (AROS)"),
    ("According to a civil complaint filed by the federal Securities and Exchange Commission, "
     "the developers looted millions of dollars.",
     "a civil complaint filed by the federal Securities and Exchange Commission"),
])
def test_according_to_a_long_source(text, source):
    assert only(text).speaker.name == source


@pytest.mark.parametrize("dateline", ["LONDON (Reuters) - ", "NAIROBI, Kenya (AP) — ", "WASHINGTON — "])
def test_a_wire_dateline_is_not_part_of_the_statement(dateline):
    quote = only(f"{dateline}Britain will not rejoin the bloc, Prime Minister Keir Starmer said on Tuesday.")
    assert (quote.text, quote.speaker.name) == ("Britain will not rejoin the bloc", "Keir Starmer")


@pytest.mark.parametrize("text", [
    "Conventional wisdom says the party will lose the seat.",
    "Common sense says the bridge must be rebuilt before winter.",
])
def test_a_stock_phrase_with_no_speaker_is_no_statement(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text", [
    "Experts warn the drought could last for years.",
    "Experts warned the council the drought could last for years.",
])
def test_a_subject_after_warn_is_not_skipped_as_the_listener(text):
    assert only(text).text == "the drought could last for years"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Firefighters said the barn collapsed.", "the barn collapsed", "Firefighters"),
    ("Economists said rents would rise.", "rents would rise", "Economists"),
    ("Ruiz, the league's commissioner, said Halifax had withdrawn.", "Halifax had withdrawn", "Ruiz"),
])
def test_a_short_clause_with_a_subject_and_a_finite_verb_is_a_statement(text, content, speaker):
    quote = only(text)
    assert (quote.text, quote.speaker.name) == (content, speaker)


@pytest.mark.parametrize("text", ["The mayor said Monday.", "He said no.", "She said thank you."])
def test_a_few_words_without_a_finite_verb_state_nothing(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize(("text", "cue"), [
    ("“We have no idea yet,” the minister answered.", "answered"),
    ("“The shop was my whole life,” lamented Rosa Diaz.", "lamented"),
    ("The principal assured parents that the school was safe.", "assured"),
    ("The engineer reckoned the bridge would last another decade.", "reckoned"),
    ("The agency clarified that the warning applied only to the coast.", "clarified"),
    ("Opponents have labelled the bill “a licence to spy”.", "labelled"),
])
def test_more_reporting_verbs(text, cue):
    assert only(text).cue == cue


@pytest.mark.parametrize("text", [
    "The chief would not say whether the officers had been suspended.",
    "The airline has not said how many flights were cancelled.",
    "Organisers didn't say what the festival would cost the town.",
    "The club has never publicly said the coach was leaving.",
])
def test_a_negated_reporting_verb_reports_nothing(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize(("text", "cue"), [
    ("The airline disclosed that its systems had been breached in March.", "disclosed"),
    ("The bank signalled that rates would stay on hold.", "signalled"),
    ("Analysts forecast that prices would fall by spring.", "forecast"),
    ("The coach repeated that the team was not for sale.", "repeated"),
])
def test_verbs_that_report_only_with_that(text, cue):
    assert only(text).cue == cue


@pytest.mark.parametrize("text", [
    "The airline disclosed the figures to investors on Monday.",
    "The move went ahead despite repeated warnings from her lawyer that it was pointless.",
    "Her appointment sends a strong signal that abuse will not be tolerated.",
])
def test_those_verbs_with_an_object_or_as_nouns_report_nothing(text):
    assert extract_quotes(text) == []


def test_a_description_of_the_statement_after_it_is_not_part_of_it():
    text = "The agency said 40 people had been injured, a figure that could not be independently verified."
    assert only(text).text == "40 people had been injured"


def test_a_description_then_a_name_set_off_before_the_verb_reports_forward():
    text = "The bank’s chief economist, Ana Ruiz, said rates would fall by spring."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("rates would fall by spring", "Ana Ruiz")


@pytest.mark.parametrize("text", ["Asked if he would resign, the mayor said no.",
                                  "Pressed on whether the plant would close, the owner said nothing."])
def test_the_question_asked_is_not_the_speakers_statement(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text", ["Neither side has said publicly what a deal would cost.",
                                  "No one has said the bridge is unsafe."])
def test_a_negative_subject_says_nothing(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("aside", ["who asked not to be named", "who asked that her surname not be used",
                                   "who spoke on condition of anonymity"])
def test_a_request_in_a_relative_aside_is_not_the_statement(aside):
    quote = only(f"Leyla, {aside}, said the checkpoints were getting worse.")
    assert (quote.text, quote.cue) == ("the checkpoints were getting worse", "said")


@pytest.mark.parametrize(("text", "content"), [
    ("The union said its members earn less than they did a decade ago.", "its members earn less than they did a decade ago"),
    ("The firm says the plant no longer makes sense in this market.", "the plant no longer makes sense in this market"),
    ("The company said in March it planned to double production.", "it planned to double production"),
])
def test_a_clause_after_said_in_the_present_tense_or_after_a_month(text, content):
    assert only(text).text == content


@pytest.mark.parametrize("text", ["He said a prayer for the victims at the service.",
                                  "She said her goodbyes to the staff on Friday."])
def test_what_is_said_as_an_object_states_nothing(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("A deal could come next week, the people said, speaking on condition of anonymity.", "A deal could come next week"),
    ("Teachers will strike on Monday, their union says, a move that would close 40 schools.",
     "Teachers will strike on Monday"),
    ("The bridge will close for a year, officials said Monday, citing safety concerns.", "The bridge will close for a year"),
])
def test_an_aside_after_a_trailing_cue_is_not_its_statement(text, content):
    assert only(text).text == content


def test_an_object_after_a_verb_that_never_inverts_is_no_speaker():
    text = "Ana Ruiz, who has run the theatre since 2016, announced her departure in a letter on Friday."
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text", [
    "The expansion would have added 80,000 barrels a day and created 2,500 jobs.",
    "The group has asked for new funding, a demand Ottawa has said it is studying, and waits.",
])
def test_a_hypothetical_verb_or_a_noun_before_a_relative_clause_reports_no_statement_before_it(text):
    assert all(not q.text.startswith(("80,000", "The group")) for q in extract_quotes(text))


@pytest.mark.parametrize(("text", "content"), [
    ("The talks failed, a senior official said.", "The talks failed"),
    ("The board announced that it would cut two productions, citing a fall in its grant.",
     "that it would cut two productions"),
])
def test_short_trailed_statements_and_a_citing_tail(text, content):
    assert only(text).text == content


def test_said_a_and_that_b_reports_both():
    text = "The department said universities were independent employers and that pay was a matter for them."
    assert only(text).text == "universities were independent employers and that pay was a matter for them"


@pytest.mark.parametrize("text", [
    "Cole's parents, Tom and Mary Cole, released a statement confirming their son's death on Monday.",
    "The club, based in Leeds, issued a statement confirming the sale of its ground to developers.",
])
def test_a_participle_closes_no_statement_before_it(text):
    assert all(not q.text.startswith(("Cole's parents", "The club")) for q in extract_quotes(text))


@pytest.mark.parametrize("text", [
    "The head teacher denied any knowledge of the mother's complaint last year.",
    "The government announced tougher laws as part of the country's new strategy.",
])
def test_a_possessive_is_no_verb_an_object_holding_one_is_no_statement(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, content", [
    ("Ann Cole said she'll stand again at the next election.", "she'll stand again at the next election"),
    ("The coach said they've played their best football of the season.", "they've played their best football of the season"),
    ("Tom Reed said there's no money left for the new stadium.", "there's no money left for the new stadium"),
])
def test_a_contracted_verb_still_makes_a_statement(text, content):
    assert only(text).text == content


def test_a_relative_clause_about_the_speaker_ends_its_statement_at_the_main_verb():
    text = "Ann Cole, who said the plan would fail, told reporters that she would resign."
    assert [(q.text, q.speaker.name, q.cue) for q in extract_quotes(text)] == [
        ("the plan would fail", "Ann Cole", "said"), ("that she would resign", "Ann Cole", "told")]


def test_an_object_in_a_relative_clause_is_no_statement_and_the_main_verb_reports():
    text = "Tom Reed, who found the body near the river, said it had been there for days."
    assert [(q.text, q.speaker.name) for q in extract_quotes(text)] == [("it had been there for days", "Tom Reed")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Neighbours who saw the fire said the flames reached the roof.", "the flames reached the roof", "Neighbours"),
    ("The officer who arrested him said he had been drinking all day.", "he had been drinking all day", "The officer"),
])
def test_the_subject_of_a_verb_after_a_relative_clause_is_the_phrase_before_who(text, content, speaker):
    quote = only(text)
    assert (quote.text, quote.speaker.name) == (content, speaker)


@pytest.mark.parametrize("text", [
    "Tom Reed is the judge who awarded Ann Cole damages said the paper had lied.",  # not opening the sentence
    "A woman who was told that her headaches were caused by stress has revealed she had a tumour.",
])
def test_a_relative_clause_in_an_object_or_reporting_itself_gives_no_subject(text):
    assert all(q.speaker is None or q.speaker.name not in ("the judge", "A woman") for q in extract_quotes(text))


def test_a_relative_clause_about_the_listener_is_no_statement():
    text = "The company warned users, who are watching the series online at home, about the price."
    assert all(not q.text.startswith("who") for q in extract_quotes(text))


@pytest.mark.parametrize("text, content", [
    ("According to Ann Lee, a nurse at the clinic in Leeds, most patients are seen within a week.",
     "most patients are seen within a week"),
    ("According to Tom Reed, the club's chief executive, the ground will be sold by June.",
     "the ground will be sold by June"),
    # what follows the comma is the statement when it holds a verb or no person's noun
    ("According to police, a man was arrested on Monday, and two others are being sought.",
     "a man was arrested on Monday, and two others are being sought"),
    ("According to Tom Reed, a single charge would last a week.", "a single charge would last a week"),
])
def test_a_description_of_the_source_after_according_to_is_not_the_statement(text, content):
    assert only(text).text == content


@pytest.mark.parametrize("text", [
    "Ann Cole has been told that the dog must leave her home by the end of the month.",
    "The couple were repeatedly warned the child would be left without a passport.",
    "She had been told that her son was safe and would be home by Friday.",
])
def test_the_subject_of_a_passive_listener_verb_reports_nothing(text):
    assert extract_quotes(text) == []


def test_a_listener_verb_in_the_progressive_still_reports():
    text = "Tom Reed is warning voters that the new tax would cost every family dearly."
    assert only(text).speaker.name == "Tom Reed"


@pytest.mark.parametrize("text, statement", [
    ("'We will just drive her car then, right?' Jamie wrote, the affidavit said.", None),
    ("The pair met at a bar in May, she told police, the report said.", "The pair met at a bar in May"),
])
def test_an_attribution_after_an_attribution_is_no_statement(text, statement):
    assert [q.text for q in extract_quotes(text) if q.kind == "indirect"] == ([statement] if statement else [])


def test_a_short_clause_with_another_verb_is_still_a_statement():
    text = "Tom Reed said he agreed."
    assert only(text).text == "he agreed"


def test_a_verb_with_off_shows_something_and_states_nothing():
    text = "The boxer showed off his impressive speed, which he will hope troubles his rival."
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("A nurse at the hospital, who asked not to be named, said the ward was full every night.", "A nurse at the hospital"),
    ("A resident of the street, who has lived there for years, said the flood was the worst she had seen.",
     "A resident of the street"),
])
def test_a_subject_with_a_prepositional_phrase_speaks_past_a_relative_aside(text, speaker):
    assert only(text).speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    # the relative clause's own commas (a list) are no asides of their own
    ("The Heritage Alliance, which includes the Rail Trust, Canal Watch and the Mill Society, said the plan "
     "would harm the valley.", "Heritage Alliance"),
    # the organisation the relative clause follows is a description's object: the name before speaks
    ("Tim Massad, the head of the Commodity Futures Trading Commission, which brought the case, said the "
     "charges were serious.", "Tim Massad"),
    # a name right before it speaks, not the adjunct opening the sentence
    ("In a statement, her brother Tom Hart, who found the letters, said the family was relieved.", "Tom Hart"),
])
def test_a_relative_clause_between_commas_is_one_aside_before_the_verb(text, speaker):
    assert only(text).speaker.name == speaker


def test_a_closing_mark_whose_opening_one_was_lost_leaves_the_inverted_speaker():
    text = "Tom Reed has signed for two years. He is one of the best talents in Europe,' said Ann Cole on the radio."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("He is one of the best talents in Europe", "Ann Cole")


def test_a_stray_quote_mark_is_no_speaker():
    text = "The club, who signed him in May,' said the deal was done."
    assert all(q.speaker is None or q.speaker.name != "'" for q in extract_quotes(text))


@pytest.mark.parametrize("text", [
    "If the firm fails, the province could deny them permits until the site is cleaned up.",
    "The neighbour found him in the garden and called an ambulance when he did not wake.",
])
def test_a_pronoun_in_the_object_case_opens_no_statement(text):
    assert all(not q.text.startswith(("them", "him")) for q in extract_quotes(text))


@pytest.mark.parametrize("text, content", [
    ("Tom Reed said the club would sell its ground next year, the Leeds Gazette reported.",
     "the club would sell its ground next year"),
    ("The drivers said the shots came from a passing car, police said.", "the shots came from a passing car"),
])
def test_reported_content_stops_before_a_trailing_attribution_of_the_whole(text, content):
    assert extract_quotes(text)[0].text == content


def test_a_verb_after_a_comma_with_no_subject_is_the_statements_own():
    text = "The coach said his side is far stronger than its record, as in recent years, suggests."
    assert only(text).text == "his side is far stronger than its record, as in recent years, suggests"


@pytest.mark.parametrize("text", [
    "A farmer in the valley responded and took the horse home to her stables.",
    "Ana Ruiz reported and wrote from Leeds, with Tom Reed in London.",
])
def test_a_coordinated_predicate_after_the_verb_is_no_statement(text):
    assert extract_quotes(text) == []


def test_a_trailing_cue_followed_by_a_clause_of_its_own_still_trails():
    text = ("Four men took part in the attack, Sheriff Tom Reed said, and a fifth man is being sought by police "
            "across the county.")
    assert said_by(text) == ("Four men took part in the attack", "Tom Reed")


def test_a_trailing_attribution_with_a_subject_of_five_words_is_cut_off():
    text = "Tom Reed told deputies the car had been stolen, the Bay County Sheriff's Office said."
    assert extract_quotes(text)[0].text == "the car had been stolen"


def test_a_participle_after_a_noun_and_a_comma_makes_no_statement_of_an_object():
    assert extract_quotes("Ann Cole wrote the angry letter, addressed to the mayor, after the vote.") == []
    text = "The family said Tom Reed, who led the campaign for a decade, died on Friday."
    assert only(text).text == "Tom Reed, who led the campaign for a decade, died on Friday"


@pytest.mark.parametrize("text, content", [
    # a connective before the comma trails no statement: the statement follows the verb
    ("However, Ann Cole said the bridge was unsafe.", "the bridge was unsafe"),
    ("Meanwhile, the council says the road will reopen in May.", "the road will reopen in May"),
    # an attribution set off by commas inside a statement still takes none after it
    ("Fine, she said, until the rain came.", None),
])
def test_a_connective_and_a_comma_before_the_speaker_open_no_trailed_statement(text, content):
    assert [q.text for q in extract_quotes(text)] == ([content] if content else [])


@pytest.mark.parametrize("text", [
    "Ann Cole spoke for the first time since the crash on Monday, to warn other drivers to slow down at night.",
    "The drivers held a press conference in Leeds on Monday morning, to announce a strike over pay and hours.",
])
def test_an_infinitive_after_a_comma_has_no_subject_of_its_own(text):
    assert extract_quotes(text) == []  # "to" is no speaker, and the main clause reports nothing


@pytest.mark.parametrize("text, content", [
    ("The interview was recorded on Friday, he tells his readers he has no regrets about leaving.",
     "he has no regrets about leaving"),
    ("Having filed an appeal with the court last week, the lawyer said he expected a ruling soon.",
     "he expected a ruling soon"),
    ("Out of twelve people asked by the council, nine said they would use the new bridge.",
     "they would use the new bridge"),
])
def test_a_subject_pronoun_after_the_verb_opens_the_statement_not_the_words_before_the_comma(text, content):
    assert [q.text for q in extract_quotes(text)] == [content]


@pytest.mark.parametrize("text", [
    "The mayor urged both sides to keep talking, but would not say whether the city would step in.",
    "Ann Cole admitted one count of theft, but denied that she had planned the break-in.",
    "The council announced the review last spring, which the mayor had ordered a year before.",
])
def test_a_finite_verb_of_a_coordinated_clause_makes_no_statement_of_an_object(text):
    # "would", "denied", "had ordered" belong to the clause after ", but" or ", which"
    assert [q for q in extract_quotes(text) if q.cue in ("urged", "admitted", "announced")] == []


@pytest.mark.parametrize("text, content", [
    ("The union said it supported staff but called on both sides to return to talks.", "it supported staff"),
    ("The coach said they deserved it and praised the crowd for its patience.", "they deserved it"),
])
def test_a_short_clause_with_its_subject_before_a_second_verb_is_a_statement(text, content):
    assert [q.text for q in extract_quotes(text) if q.cue == "said"] == [content]
