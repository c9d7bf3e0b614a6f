"""Each repair of the cleaning stage on a real-looking sample."""
from __future__ import annotations

import unicodedata

import pytest

from workers.stages.cleaning import clean

LETTER = (
    "Dear members,\n\n"
    "The committee met on Tuesday to discuss the budget for next year. After a long\n"
    "debate, the treasurer said the club could afford the new boat only if dues rise\n"
    "by ten percent.\n\n"
    "Voting will take place at the annual meeting. Please bring your membership card\n"
    "and arrive early; the hall opens at seven.\n"
)


def test_hard_wrapped_lines_join_into_paragraphs():
    doc = clean(LETTER.encode(), "text/plain")
    assert doc.text.split("\n\n") == [
        "Dear members,",
        "The committee met on Tuesday to discuss the budget for next year. After a long "
        "debate, the treasurer said the club could afford the new boat only if dues rise "
        "by ten percent.",
        "Voting will take place at the annual meeting. Please bring your membership card "
        "and arrive early; the hall opens at seven.",
    ]


def test_wrapped_paragraphs_without_blank_lines_split_at_short_lines():
    text = ("The river rose two metres overnight and the mayor ordered the lower town\n"
            "evacuated before dawn.\n"
            "Emergency crews worked through the morning to shore up the levee near the\n"
            "old mill, officials said.\n")
    paragraphs = clean(text.encode(), "text/plain").text.split("\n\n")
    assert paragraphs == [
        "The river rose two metres overnight and the mayor ordered the lower town evacuated before dawn.",
        "Emergency crews worked through the morning to shore up the levee near the old mill, officials said.",
    ]


def test_end_of_line_hyphenation_is_undone_but_compounds_keep_their_hyphen():
    text = ("The ministry published its long-term plan on Monday, a docu-\n"
            "ment of forty pages that sets out the infor-\n"
            "mation policy for the next decade and a long-\n"
            "term view of the budget.\n")
    joined = clean(text.encode(), "text/plain").text
    assert "document of forty" in joined
    assert "information policy" in joined
    assert "a long-term view" in joined


def test_list_items_stay_separate_paragraphs():
    text = ("Bring the following to the meeting on Friday afternoon at the town hall:\n"
            "- your membership card\n- a pen\n- the signed form\n")
    paragraphs = clean(text.encode(), "text/plain").text.split("\n\n")
    assert paragraphs[1:] == ["- your membership card", "- a pen", "- the signed form"]


def test_mojibake_is_repaired_without_touching_curly_quotes():
    original = "“It’s a disaster,” said José Núñez, the café’s owner — prices rose 20 %."
    # As a browser shows UTF-8 read as Windows-1252: bytes cp1252 leaves undefined become C1 controls.
    garbled = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                      for b in original.encode("utf-8")).encode("utf-8")
    doc = clean(garbled, "text/plain")
    assert doc.text == original
    assert any("mojibake" in w for w in doc.warnings)


def test_declared_latin1_charset_is_honoured_as_windows_1252():
    data = "Le ministre a déclaré : « Nous n’avons pas le choix. »".encode("cp1252")
    doc = clean(data, "text/plain; charset=ISO-8859-1")
    assert doc.text == "Le ministre a déclaré : « Nous n’avons pas le choix. »"


def test_undeclared_legacy_encoding_is_detected():
    text = ("Der Bürgermeister erklärte am Dienstag, dass die Straßenbahn über die Brücke "
            "fahren würde. Die Anwohner äußerten sich überwiegend zufrieden über die Pläne.\n")
    assert clean(text.encode("cp1252"), "text/plain").text == text.strip()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_select_the_encoding(encoding):
    text = "“Quotes” and ‘marks’ survive the BOM.\r\n\r\nSecond paragraph."
    doc = clean(text.encode(encoding), "text/plain")
    assert doc.text == "“Quotes” and ‘marks’ survive the BOM.\n\nSecond paragraph."


def test_invalid_bytes_are_replaced_with_a_warning():
    data = "Price: 5 €".encode("utf-8") + b" and \xff\xfe broken"
    doc = clean(data, "text/plain; charset=utf-8")
    assert doc.text.startswith("Price: 5 €")
    assert "\ufffd" in doc.text
    assert any("replaced" in w for w in doc.warnings)


def test_text_is_nfc_not_nfkc():
    decomposed = unicodedata.normalize("NFD", "Café ﬁnal: ½ of Ｔｏｋｙｏ")
    text = clean(decomposed.encode(), "text/plain").text
    assert text == "Café final: ½ of Ｔｏｋｙｏ"  # ligature split; fraction and full width kept
    assert unicodedata.is_normalized("NFC", text)


def test_whitespace_and_control_characters_are_normalised():
    data = "Title\r\n\r\n\r\n\r\nFirst\tline  with\u00a0odd\u200b spaces\x07.   \r\n\r\nSecond.\x0c".encode()
    doc = clean(data, "text/plain")
    assert doc.text == "Title\n\nFirst line with odd spaces.\n\nSecond."
    assert "\r" not in doc.text and "\t" not in doc.text and "\n\n\n" not in doc.text


def test_boilerplate_lines_are_dropped_but_sentences_mentioning_them_are_kept():
    text = ("Storm closes schools\n\nAdvertisement\n\nSchools in three counties closed on Monday.\n\n"
            "Click here to subscribe\n\nThe advertisement for the new bridge ran in May, officials said.\n\n"
            "Page 2 of 3\n\n© 2024 Example Herald. All rights reserved.\n")
    assert clean(text.encode(), "text/plain").text.split("\n\n") == [
        "Storm closes schools",
        "Schools in three counties closed on Monday.",
        "The advertisement for the new bridge ran in May, officials said.",
    ]


def test_headline_is_detected_and_kept_as_first_paragraph():
    text = "Flood Warning Issued For Valley\n\nThe weather service issued a flood warning on Sunday.\n"
    doc = clean(text.encode(), "text/plain")
    assert doc.title == "Flood Warning Issued For Valley"
    assert doc.text.startswith("Flood Warning Issued For Valley\n\n")


def test_a_first_sentence_is_not_taken_for_a_title():
    text = "The council met on Monday.\n\nIt approved the budget after a long debate about taxes.\n"
    assert clean(text.encode(), "text/plain").title is None


def test_email_headers_give_the_title_and_signature_is_dropped():
    mail = ("From: Ana Ruiz <ana@example.org>\nTo: board@example.org\nSubject: Re: Budget vote moved\n"
            "Date: Tue, 3 Sep 2024 09:12:00 +0200\n\n"
            "Hi all,\n\nThe vote on the budget moves to Thursday because the hall is booked\n"
            "on Wednesday evening.\n\n-- \nAna Ruiz\nTreasurer\n")
    doc = clean(mail.encode(), "text/plain", "note.eml")
    assert doc.title == "Budget vote moved"
    assert doc.text.split("\n\n") == [
        "Hi all,",
        "The vote on the budget moves to Thursday because the hall is booked on Wednesday evening.",
    ]


def test_markdown_markup_is_removed_and_heading_becomes_title():
    markdown = ("# Harbour *reopens* after storm\n\nThe harbour reopened on **Friday**, "
                "the [port authority](https://example.org/port) said.\n"
                "Ferries resume `today`.\n\n> “We are back,” said the harbour master.\n\n"
                "* first ferry at 6:00\n* last ferry at 22:00\n\n---\n")
    doc = clean(markdown.encode(), "text/markdown")
    assert doc.title == "Harbour reopens after storm"
    assert doc.text.split("\n\n") == [
        "Harbour reopens after storm",
        "The harbour reopened on Friday, the port authority said. Ferries resume today.",
        "“We are back,” said the harbour master.",
        "first ferry at 6:00",
        "last ferry at 22:00",
    ]


def test_html_main_text_drops_navigation_and_keeps_quotes():
    sentence = "the minister said ‘we will act’ and “soon”, aides confirmed on Tuesday."
    body = "".join(f"<p>Paragraph {i}: {sentence}</p>" for i in range(8))
    page = (f"<html><head><title>Minister pledges action | Daily Example</title>"
            f"<meta property='og:title' content='Minister pledges action'></head><body>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
            f"<article><h1>Minister pledges action</h1>{body}</article>"
            f"<footer><a href='/privacy'>Privacy policy</a> © 2024 Daily Example</footer></body></html>")
    doc = clean(page.encode(), "text/html; charset=utf-8")
    assert doc.title == "Minister pledges action"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[-1].startswith("Paragraph 7:")
    assert "Privacy" not in doc.text and "Home" not in doc.text
    assert doc.text.count("‘") == 8 and doc.text.count("”") == 8
