"""Quote extraction on small news paragraphs: marks, kinds, speakers, robustness."""
from __future__ import annotations

import dataclasses
import random

import pytest

from tests.documents import SEED
from workers.stages.quotes import extract_quotes


def only(text: str, kind: str | None = None):
    quotes = [q for q in extract_quotes(text) if kind is None or q.kind == kind]
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    return quotes[0]


def span_of(text: str, first: str, last: str) -> tuple[int, int]:
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def test_seed_five_paragraph_quote_is_one_quote_by_the_pronoun_speaker():
    text = SEED.read_text(encoding="utf-8")
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(direct) == 1
    quote = direct[0]
    assert (quote.start, quote.end) == span_of(text, "I received a fax", "will not support them.")
    assert quote.speaker.name == "Harith al-Dari"
    assert text[quote.speaker.start : quote.speaker.end] == "He"
    assert (quote.speaker.via, quote.cue) == ("pronoun", "responded")


def test_seed_commission_is_the_speaker_of_a_reported_statement_not_a_quote():
    text = SEED.read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    assert all(q.text != "Commission on Public Integrity" for q in quotes)
    reported = [q for q in quotes if q.kind == "indirect" and q.text.startswith("arrest warrants")]
    assert len(reported) == 1
    assert reported[0].speaker.name == "Commission on Public Integrity"
    assert reported[0].text.endswith("senior government figures")
    assert reported[0].cue == "said"


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("“We will not back down from this fight,” said Darian Lonechild, the chief.", "Darian Lonechild", "said"),
        ("“We will not back down from this fight,” Darian Lonechild said on Monday.", "Darian Lonechild", "said"),
        ("‘We will not back down from this fight,’ Darian Lonechild told reporters.", "Darian Lonechild", "told"),
        ('"We will not back down from this fight," said Darian Lonechild.', "Darian Lonechild", "said"),
        ("'We will not back down from this fight,' said Darian Lonechild.", "Darian Lonechild", "said"),
        ("Darian Lonechild said: “We will not back down from this fight.”", "Darian Lonechild", "said"),
        ("« We will not back down from this fight », Darian Lonechild said.", "Darian Lonechild", "said"),
        ("Darian Lonechild said: „We will not back down from this fight.“ Then he left.", "Darian Lonechild", "said"),
    ],
)
def test_direct_quote_in_every_mark_style(text, speaker, cue):
    quote = only(text, "direct")
    assert "We will not back down from this fight" in quote.text
    assert text[quote.start : quote.end] == quote.text
    assert quote.text[0] not in "“‘\"«„ "
    if speaker:
        assert (quote.speaker.name, quote.cue) == (speaker, cue)


def test_nesting_single_inside_double_and_double_inside_single():
    text = "“He told me ‘never again’ and walked out of the room,” said Maria Lopez."
    assert only(text).text == "He told me ‘never again’ and walked out of the room,"
    text = "‘He told me “never again” and walked out of the room,’ said Maria Lopez."
    assert only(text).text == "He told me “never again” and walked out of the room,"


def test_apostrophes_are_not_quote_marks():
    text = (
        "‘Iraq’s leaders don’t listen to the Scholars’ council, and since the ’90s rock ’n’ roll "
        "has been banned,’ said Ahmed Salim, a teacher in Basra."
    )
    quote = only(text)
    assert quote.text.startswith("Iraq’s leaders") and quote.text.endswith("banned,")
    assert quote.speaker.name == "Ahmed Salim"


def test_multi_paragraph_quote_with_double_marks_is_one_quote():
    text = (
        "The mayor, Linda Baptiste, was blunt.\n\n"
        "“The bridge has been closed for three years and nobody has told us why.\n\n"
        "“The people of this town deserve an answer before the winter comes,” Baptiste said."
    )
    quote = only(text, "direct")
    assert (quote.start, quote.end) == span_of(text, "The bridge", "winter comes,")
    assert quote.speaker.name == "Linda Baptiste"
    assert quote.speaker.via == "surname"


def test_unbalanced_mark_keeps_the_rest_of_the_document():
    text = (
        "The council met on “Tuesday night to vote on the budget.\n\n"
        "“We cannot afford another year of cuts to the library,” said Councillor Ruth Okafor.\n\n"
        "“It is time to stop,” said Mayor Tom Reilly."
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker.name for q in quotes] == ["Ruth Okafor", "Tom Reilly"]


def test_names_titles_and_scare_quotes_are_not_direct_quotes():
    text = (
        "The ‘Commission on Public Integrity’ met in the “Green Room” to watch “The Daily Show” "
        "with the so-called ‘experts’ from the ministry."
    )
    assert [q for q in extract_quotes(text) if q.kind == "direct"] == []


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


def test_mixed_quote_covers_the_reported_clause():
    text = "Senator Ann Moore said the new pipeline was “a disaster waiting to happen” for the coast."
    quote = only(text)
    assert quote.kind == "mixed"
    assert quote.text.startswith("the new pipeline") and quote.text.endswith("for the coast")
    assert quote.speaker.name == "Ann Moore"


def test_speaker_after_an_aside():
    text = "Darian Lonechild, the chief of White Bear First Nation, said: “We were never consulted.”"
    quote = only(text)
    assert quote.speaker.name == "Darian Lonechild"
    assert text[quote.speaker.start : quote.speaker.end] == "Darian Lonechild"


def test_pronoun_resolves_to_the_subject_not_the_last_name():
    text = (
        "Harith al-Dari has replied to a letter from Abd-al-Amir al-Rikabi, a rival leader.\n\n"
        "He said: “No government under occupation can speak for the people of Iraq.”"
    )
    quote = only(text, "direct")
    assert (quote.speaker.name, quote.speaker.via) == ("Harith al-Dari", "pronoun")


def test_uncued_paragraph_continues_the_previous_speaker():
    text = (
        "“We have waited long enough for clean water,” said Chief Darian Lonechild.\n\n"
        "“Our children deserve the same as every other child in this province.”"
    )
    _, second = extract_quotes(text)
    assert second.speaker.name == "Darian Lonechild"
    assert second.speaker.via == "continuation"
    assert second.cue is None


def test_quote_split_around_its_cue_is_one_quote():
    text = "“The first half was fine,” she said, “but the second half was a disaster for us.”"
    quote = only(text)
    assert (quote.start, quote.end) == span_of(text, "The first half", "disaster for us.")


def test_organisation_as_speaker():
    text = "“The investigation is ongoing and we will not comment further,” the Ontario Provincial Police said."
    assert only(text).speaker.name == "Ontario Provincial Police"


def test_empty_and_blank_texts():
    assert extract_quotes("") == []
    assert extract_quotes(" \n\n \t") == []


def test_results_turn_into_the_json_shape():
    row = dataclasses.asdict(only("“We will not back down,” said Darian Lonechild, the chief."))
    assert row["speaker"]["name"] == "Darian Lonechild"
    assert set(row) == {"text", "start", "end", "kind", "speaker", "cue"}


def test_random_inputs_never_raise_and_offsets_hold():
    rng = random.Random(4)
    alphabet = list("ab ,.:;—\n\"'“”‘’«»„") + ["said ", "He ", "Ann Lee ", "according to ", "\n\n"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for quote in extract_quotes(text):
            assert text[quote.start : quote.end] == quote.text
            assert quote.kind in ("direct", "indirect", "mixed")
            if quote.speaker:
                assert 0 <= quote.speaker.start <= quote.speaker.end <= len(text)


def test_newspaper_archive_double_apostrophes_are_quote_marks():
    text = "''It's more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation."
    quote = only(text, "direct")
    assert quote.text == "It's more tinkering at the edges,"
    assert quote.speaker.name == "Alan Cole"


def test_mixed_straight_and_curly_marks_still_pair():
    text = '"Oz has a huge bully pulpit, with the whole network behind him,” said David Gorski, a surgeon.'
    quote = only(text, "direct")
    assert quote.text.startswith("Oz has") and quote.speaker.name == "David Gorski"


def test_mistyped_closing_mark_opening_a_paragraph():
    text = "” … what I learned from listening to these families is that words matter a great deal,” Obama said."
    quote = only(text, "direct")
    assert quote.text.startswith("… what I learned") and quote.speaker.name == "Obama"


def test_quote_continued_over_a_single_line_break():
    text = (
        "“If indeed the president is not legitimate, then nobody striving up the ladder can feel good.\n"
        "“I have been doing a lot of thinking about where we are as a country,” said Rep. Jim Clyburn."
    )
    quote = only(text, "direct")
    assert (quote.start, quote.end) == span_of(text, "If indeed", "as a country,")
    assert quote.speaker.name == "Jim Clyburn"


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


def test_framing_verb_makes_a_mixed_quote_but_not_a_scare_quote():
    text = "Former President Bill Clinton criticized the Affordable Care Act as a “crazy system” on Tuesday."
    quote = only(text)
    assert quote.kind == "mixed" and quote.text.startswith("the Affordable Care Act")
    assert quote.speaker.name == "Bill Clinton"


def test_names_do_not_run_across_a_full_stop():
    text = "The ad was aimed at Clinton. Clinton says she was awake all night after the attack."
    quote = only(text)
    assert text[quote.speaker.start : quote.speaker.end] == "Clinton"
    assert quote.text == "she was awake all night after the attack"


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


def test_an_intention_with_an_infinitive_is_reported_but_not_an_object():
    text = "Mayor Olivia Chow wants to freeze transit fares for another two years."
    quote = only(text)
    assert quote.text == "to freeze transit fares for another two years"
    assert (quote.kind, quote.cue, quote.speaker.name) == ("indirect", "wants", "Olivia Chow")
    text = "The union has vowed to keep picketing until the company returns to the table."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == ("to keep picketing until the company returns to the table", "The union")
    assert extract_quotes("Mayor Olivia Chow wants a new subway line built in Scarborough.") == []
    assert extract_quotes("The province declined to the north of the river by three per cent.") == []


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


def test_pronoun_skips_places_for_a_person():
    text = (
        "Gary Johnson spoke in New Mexico on Monday.\n\n"
        "He says he has “extraordinarily good health” for a 63-year-old."
    )
    quote = only(text)
    assert quote.speaker.name == "Gary Johnson" and quote.speaker.via == "pronoun"


@pytest.mark.parametrize(
    "text",
    ['"' * 5000, "“‘\"'«»”’„" * 600, "he said “we will win” and Ann Lee told CNN that " * 120,
     "“An opening mark that never closes\n\n" * 200, "a. " * 3000],
)
def test_degenerate_inputs_are_handled(text):
    for quote in extract_quotes(text):
        assert text[quote.start : quote.end] == quote.text


def test_paragraphs_without_words_end_quotations_and_keep_the_rest():
    # Marks are read in one pass over the text, restarted past a paragraph with no word.
    from workers.stages.quotes_marks import find_quoted

    text = (
        "“We will win this fight in the end,” Ann Lee said.\n\n"
        "“An opening mark\n\n"
        + "\"“”'’ " * 50
        + "\n\n"
        "“Nothing is decided yet,” Bob Stone said.\n\n"
        "“”\n\n“Last words here,” he said."
    )
    quoted = [text[q.start : q.end] for q in find_quoted(text)]
    assert quoted == ["We will win this fight in the end,", "Nothing is decided yet,", "Last words here,"]
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker.name for q in quotes] == ["Ann Lee", "Bob Stone", "Bob Stone"]


def test_surname_resolves_to_the_full_name_given_earlier():
    text = (
        "Chief Darian Lonechild of White Bear First Nation met the premier on Monday.\n\n"
        "“We were promised clean water years ago,” Lonechild said."
    )
    speaker = only(text, "direct").speaker
    assert (speaker.name, speaker.via) == ("Darian Lonechild", "surname")
    assert text[speaker.start : speaker.end] == "Lonechild"


def test_surname_lookup_finds_every_phrase_holding_the_surname():
    # The first surnames are found with str.find in the phrases joined by line breaks, later
    # ones in an index of every phrase: either way the phrases the plain filter picks, in order.
    from workers.stages.quotes_names import _FULL_NAME, NameIndex, _later_words

    text = (
        "Donald Trump met Ivanka Trump. Later MR. TRUMP and Mike Pence spoke,\n"
        "then Trumpet Maker Jo left;\n\nKaren Pence Trump and Vice President Pence"
    )
    phrases = [(m.start(), m.group()) for m in _FULL_NAME.finditer(text)]
    for surname in ["Trump", "Pence", "Donald", "Maker", "Nobody", "Jo", ""]:
        key = surname.lower()
        expected = [(s, p) for s, p in phrases if key in p.lower() and key in _later_words(p)]
        assert NameIndex(text)._phrases_with(surname) == expected, surname
    many = NameIndex(text)
    for k in range(40):  # past the bound, every phrase is indexed (a phrase once per word)
        many._full_names(f"Nobody{k}")
    assert list(dict.fromkeys(many._phrases_with("Trump"))) == NameIndex(text)._phrases_with("Trump")


def test_possessive_trimming_agrees_with_its_pattern():
    # String tests replaced the pattern (?:[’']s?|\.)$ for speed; initials keep their stops.
    import itertools
    import re

    from workers.stages.quotes_names import _INITIAL, _trim_possessive

    pattern = re.compile(r"(?:[’']s?|\.)$")
    for size in range(5):
        for letters in itertools.product(["a", "s", "G", "’", "'", "."], repeat=size):
            word = "".join(letters)
            assert _trim_possessive(word) == (word if _INITIAL.fullmatch(word) else pattern.sub("", word)), word
    words = ["Trump’s", "Jones'", "Sen.", "G.K.", "U.S."]
    assert [_trim_possessive(w) for w in words] == ["Trump", "Jones", "Sen", "G.K.", "U.S."]


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


def test_mixed_quote_in_reported_content_runs_to_the_end_of_its_clause():
    text = (
        "Mayor Karen Olsen said the new budget was \u201ca first step\u201d toward repairing roads "
        "that had been neglected for more than a decade in the city\u2019s older neighbourhoods, "
        "but she conceded that taxes would rise."
    )
    quote = extract_quotes(text)[0]
    assert quote.kind == "mixed"
    assert (quote.start, quote.end) == span_of(text, "the new budget", "older neighbourhoods")
    assert quote.speaker.name == "Karen Olsen"


def test_mixed_quote_stops_before_a_second_verb_or_a_participle():
    text = (
        "Premier Doug Ford said the strike was \u201centirely avoidable\u201d and called on both sides "
        "to return to the table, urging parents to stay patient."
    )
    quote = extract_quotes(text)[0]
    assert (quote.start, quote.end) == span_of(text, "the strike was", "avoidable")


def test_framed_phrase_stops_before_an_adjunct_of_time():
    text = "Senator Ann Lee blasted the pipeline plan as \u201ca reckless gamble\u201d on Tuesday in Ottawa."
    quote = extract_quotes(text)[0]
    assert (quote.start, quote.end) == span_of(text, "the pipeline plan", "reckless gamble")
    assert quote.speaker.name == "Ann Lee"


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


def test_any_verb_framing_its_object_as_a_quoted_phrase():
    text = "Senator Pierre Dubois has been pounding Finance Minister Ann Lee as a \u201creckless spender\u201d for weeks."
    quote = only(text)
    assert quote.kind == "mixed"
    assert (quote.start, quote.end) == span_of(text, "Ann Lee as", "reckless spender")
    assert quote.speaker.name == "Pierre Dubois"
    assert not extract_quotes("The bill, known as the \u201cSafe Streets and Communities Act\u201d, passed.")


def test_a_whole_quoted_sentence_after_a_comma_is_direct():
    text = 'She then turns to the officers and repeatedly says, "Please put the gun down," until the call ends.'
    quote = only(text)
    assert (quote.kind, quote.text) == ("direct", "Please put the gun down,")


def test_cue_index_finds_exactly_the_verbs_the_cue_pattern_finds():
    # The index scans with a faster pattern; it must agree with FRAMING_CUE everywhere,
    # including a verb opening the text and verbs glued to non-ASCII letters or apostrophes.
    from workers.stages.quotes_cues import FRAMING_CUE, CueIndex

    text = (
        "Said the mayor: “No.” He said, (said) “said” —said éstated ‘told’ unsaid re-said "
        "o'said 5said _said said_ Ñsaid\u00a0said\nSaid says, saying."
    )
    expected = [(m.start(), m.end(), m.group()) for m in FRAMING_CUE.finditer(text)]
    framing = [(cue.start, cue.end, cue.word) for cue in _all_cues(CueIndex(text), len(text))]
    assert framing == expected
    assert [c for c in framing if c[2].lower() == "said"] and (0, 4, "Said") in framing


@pytest.mark.parametrize("extra", ["", " İstanbul"])  # "İ" lowers to two characters: the cased scan
def test_cue_index_agrees_with_the_cue_pattern_whatever_the_letter_case(extra):
    from workers.stages.quotes_cues import FRAMING_CUE, CueIndex

    pieces = [
        "said", "Said", "SAID", "sAid", "SAys", "says", "Told", "told", "TOLD", " ", ", ", "\n", "“", "”",
        "\u212a", "as\u212a", "\u24b6", "\u24d0", "é", "É", "’", "'", "-", "_", "x", "X", "Ⅰ", "ⅰ",
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) + extra
        expected = [(m.start(), m.end(), m.group()) for m in FRAMING_CUE.finditer(text)]
        assert [(c.start, c.end, c.word) for c in _all_cues(CueIndex(text), len(text))] == expected, text


def _all_cues(index, length: int):
    """Every verb of the index, reporting or not, walking with ``first``."""
    pos = 0
    while (cue := index.first(pos, length, reporting=False)) is not None:
        yield cue
        pos = cue.start + 1


def test_at_least_words_agrees_with_counting_every_word():
    from workers.stages.quotes_draft import at_least_words, word_count

    rng = random.Random(11)
    pieces = ["said", "Ann", " ", "\u00a0", "’", "'", "-", ",", ".", "_", "42", "é", "\n", "“", "—", "it’s", "co-op"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        count = word_count(text, start, end)
        assert [at_least_words(text, start, end, n) for n in range(6)] == [count >= n for n in range(6)]


def test_extraction_leaves_the_garbage_collector_as_it_found_it():
    import gc

    text = "“We will win,” coach Maria Lopez said on Sunday."
    assert gc.isenabled()
    extract_quotes(text)
    assert gc.isenabled()
    gc.disable()
    try:
        extract_quotes(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
