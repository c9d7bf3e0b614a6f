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


# A paragraph of about 500 characters in each language (written for this test), the detector's
# whole sample.
PARAGRAPHS = {
    "fr": (
        'Le conseil municipal a voté mardi soir le budget de l’année prochaine, après un long débat '
        'sur le prix des transports publics. La maire a déclaré que les impôts locaux ne changeraient'
        ' pas, mais l’opposition estime que les écoles du quartier nord manquent toujours '
        'd’enseignants. Les travaux de la nouvelle piscine commenceront au printemps, si le chantier '
        'de la gare est terminé à temps. Plusieurs habitants sont venus expliquer que les loyers '
        'augmentent plus vite que les salaires depuis trois ans.'
    ),
    "de": (
        'Die Stadtverwaltung hat am Dienstag den Haushalt für das kommende Jahr beschlossen, nach '
        'einer langen Debatte über die Preise im Nahverkehr. Die Bürgermeisterin sagte, die '
        'Gemeindesteuern blieben unverändert, doch die Opposition meint, den Schulen im Norden '
        'fehlten weiterhin Lehrkräfte. Der Bau des neuen Schwimmbads beginnt im Frühjahr, wenn die '
        'Arbeiten am Bahnhof rechtzeitig fertig werden. Mehrere Anwohner erklärten, dass die Mieten '
        'seit drei Jahren schneller steigen als die Löhne.'
    ),
    "es": (
        'El ayuntamiento aprobó el martes por la noche el presupuesto del próximo año, después de un '
        'largo debate sobre el precio del transporte público. La alcaldesa dijo que los impuestos '
        'municipales no cambiarán, pero la oposición cree que a las escuelas del barrio norte todavía'
        ' les faltan profesores. Las obras de la nueva piscina empezarán en primavera, si las de la '
        'estación terminan a tiempo. Varios vecinos explicaron que los alquileres suben más rápido '
        'que los sueldos desde hace tres años.'
    ),
    "pt": (
        'A câmara municipal aprovou na terça-feira à noite o orçamento do próximo ano, depois de um '
        'longo debate sobre o preço dos transportes públicos. A presidente disse que os impostos '
        'municipais não vão mudar, mas a oposição considera que às escolas do bairro norte continuam '
        'a faltar professores. As obras da nova piscina vão começar na primavera, se as da estação '
        'ficarem prontas a tempo. Vários moradores explicaram que as rendas sobem mais depressa do '
        'que os salários há três anos.'
    ),
    "it": (
        'Il consiglio comunale ha approvato martedì sera il bilancio del prossimo anno, dopo un lungo'
        ' dibattito sul prezzo dei trasporti pubblici. La sindaca ha detto che le tasse locali non '
        'cambieranno, ma l’opposizione ritiene che alle scuole del quartiere nord manchino ancora '
        'insegnanti. I lavori della nuova piscina cominceranno in primavera, se quelli della stazione'
        ' finiranno in tempo. Diversi abitanti hanno spiegato che gli affitti crescono più in fretta '
        'degli stipendi da tre anni.'
    ),
    "nl": (
        'De gemeenteraad heeft dinsdagavond de begroting voor volgend jaar goedgekeurd, na een lang '
        'debat over de prijzen van het openbaar vervoer. De burgemeester zei dat de lokale '
        'belastingen niet veranderen, maar de oppositie vindt dat de scholen in de noordelijke wijk '
        'nog steeds leraren tekortkomen. De bouw van het nieuwe zwembad begint in het voorjaar, als '
        'het werk aan het station op tijd klaar is. Verschillende bewoners legden uit dat de huren al'
        ' drie jaar sneller stijgen dan de lonen.'
    ),
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_a_paragraph_of_news_is_enough_to_tell_its_language(lang):
    assert clean(PARAGRAPHS[lang].encode(), "text/plain").stats["lang"] == lang
