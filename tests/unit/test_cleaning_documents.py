"""The seed written as RTF, ODT, EPUB, e-mail, PPTX and .doc cleans back to the seed's paragraphs."""
from __future__ import annotations

import io
import shutil
import zipfile
from email.message import EmailMessage

import pytest

from tests.documents import seed_doc, seed_email, seed_epub, seed_odt, seed_paragraphs, seed_pptx, seed_rtf
from workers.stages.cleaning import NoTextFound, UnreadableDocument, UnsupportedFormat, clean
from workers.stages.cleaning import doc as cleaning_doc

ODT = "application/vnd.oasis.opendocument.text"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@pytest.mark.parametrize("make, content_type", [
    (seed_rtf, "application/rtf"),
    (seed_odt, ODT),
    (seed_epub, "application/epub+zip"),
    (seed_pptx, PPTX),
    pytest.param(seed_doc, "application/msword", marks=pytest.mark.skipif(
        shutil.which("antiword") is None, reason="antiword is installed by `make test`")),
])
def test_seed_cleans_back_to_its_paragraphs(make, content_type):
    seed = seed_paragraphs()
    doc = clean(make(seed), content_type)
    assert doc.text.split("\n\n") == seed
    assert doc.title == seed[0]
    assert doc.content_type == content_type
    assert doc.stats["lang"] == "en"


@pytest.mark.parametrize("html", [True, False], ids=["html-part", "text-part"])
def test_email_subject_is_the_title_and_the_body_the_text(html):
    seed = seed_paragraphs()
    doc = clean(seed_email(seed, html=html), "message/rfc822")
    assert doc.title == seed[0]
    assert doc.text.split("\n\n") == seed[1:]
    assert doc.warnings == ["The e-mail's 1 attachment(s) were not processed: release.pdf."]


def test_plain_email_drops_its_signature_and_reply_prefix():
    mail = ("From: a@example.org\nTo: b@example.org\nSubject: Re: Fwd: Budget vote moved\n"
            "Message-ID: <1@example.org>\n\nThe council will vote on the budget on Thursday, "
            "the clerk said.\n\n-- \nJo Clerk\nCity Hall\n").encode()
    doc = clean(mail, "message/rfc822")
    assert doc.title == "Budget vote moved"
    assert doc.text == "The council will vote on the budget on Thursday, the clerk said."


def test_odt_spaces_breaks_and_notes():
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               '<text:p>Two<text:s text:c="99999999"/>spaces,<text:line-break/>a break'
               '<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>'
               ' and <text:span>a span</text:span>.</text:p></office:text></office:body>'
               '</office:document-content>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", ODT)
        archive.writestr("content.xml", content)
    assert clean(out.getvalue(), ODT).text == "Two spaces, a break and a span."


def test_epub_without_a_package_document_is_unreadable():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", "<container/>")
    with pytest.raises(UnreadableDocument, match="no package document"):
        clean(out.getvalue(), "application/epub+zip")


def test_email_with_only_an_attachment_has_no_text():
    message = EmailMessage()
    message["Subject"] = "Scans attached"
    message.add_attachment(b"\x89PNG...", maintype="image", subtype="png", filename="scan.png")
    with pytest.raises(NoTextFound):
        clean(bytes(message), "message/rfc822")


def test_legacy_word_without_antiword_fails_with_a_clear_reason(monkeypatch):
    monkeypatch.setattr(cleaning_doc.shutil, "which", lambda name: None)
    with pytest.raises(UnsupportedFormat, match="antiword"):
        clean(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "application/msword")


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is installed by `make test`")
def test_damaged_legacy_word_file_is_unreadable():
    with pytest.raises(UnreadableDocument, match=r"\.doc"):
        clean(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "application/msword")
