"""The cleaning entry point on the user's seed article in every supported format."""
from __future__ import annotations

import dataclasses

import pytest

from tests.documents import DOCX_TYPE, SEED, seed_docx, seed_paragraphs, seed_pdf
from workers.stages.cleaning import CleanDocument, clean


def test_seed_plain_text_comes_back_unchanged():
    doc = clean(SEED.read_bytes(), "text/plain; charset=utf-8", "seed.txt")
    assert doc.text.split("\n\n") == seed_paragraphs()
    assert doc.title == "US Casualties Mount In Iraq"
    assert doc.content_type == "text/plain"
    assert doc.warnings == []


def test_seed_quote_marks_all_survive():
    source = SEED.read_text(encoding="utf-8")
    text = clean(SEED.read_bytes(), "text/plain").text
    for mark in "‘’“”'\"":
        assert text.count(mark) == source.count(mark), mark


@pytest.mark.parametrize("make, content_type", [(seed_pdf, "application/pdf"), (seed_docx, DOCX_TYPE)])
def test_seed_as_pdf_and_docx_cleans_to_the_plain_text(make, content_type):
    plain = clean(SEED.read_bytes(), "text/plain")
    doc = clean(make(seed_paragraphs()), content_type)
    assert doc.text == plain.text
    assert doc.title == plain.title
    assert doc.content_type == content_type


def test_result_serialises_to_the_design_shape():
    doc = clean(SEED.read_bytes(), "text/plain")
    shape = dataclasses.asdict(doc)
    assert isinstance(doc, CleanDocument)
    assert shape["stats"] == {"chars": len(doc.text), "words": len(doc.text.split()),
                              "paragraphs": len(seed_paragraphs()), "lang": "en", "ocr_pages": 0}
    assert shape["title"] == doc.title and shape["text"] == doc.text


@pytest.mark.parametrize("text, lang", [
    ("Le conseil municipal a voté mardi soir le budget de l’année prochaine, a indiqué la maire.", "fr"),
    ("Die Stadtverwaltung hat am Dienstag den Haushalt für das kommende Jahr beschlossen.", "de"),
    ("El ayuntamiento aprobó el martes por la noche el presupuesto del próximo año.", "es"),
    ("OK 42", "und"),  # too few letters to tell
])
def test_the_language_of_the_text_is_in_the_stats(text, lang):
    assert clean(text.encode(), "text/plain").stats["lang"] == lang
