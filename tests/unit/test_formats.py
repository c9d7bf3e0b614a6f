"""The table of accepted types: every row is recognised by its label, by its extensions and by
its bytes, and the cleaning stage reads a document of that type as the API resolved it."""
import pytest

from services.common import formats
from tests.documents import seed_docx, seed_paragraphs, seed_pdf
from workers.stages.cleaning import clean

SAMPLES = {
    formats.PLAIN: lambda p: "\n\n".join(p).encode(),
    formats.HTML: lambda p: ("<!doctype html><html><body>"
                             + "".join(f"<p>{x}</p>" for x in p) + "</body></html>").encode(),
    formats.XHTML: lambda p: ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'
                              "<body>" + "".join(f"<p>{x}</p>" for x in p) + "</body></html>").encode(),
    formats.MARKDOWN: lambda p: ("# " + "\n\n".join(p)).encode(),
    formats.PDF: seed_pdf,
    formats.DOCX: seed_docx,
}


@pytest.mark.parametrize("mime", formats.SUPPORTED)
def test_every_accepted_type_is_recognised_and_cleaned(mime):
    paragraphs = seed_paragraphs()[:4]
    data = SAMPLES[mime](paragraphs)
    extensions, text = formats.ACCEPTED[mime]
    assert formats.resolve(mime, None, data) == mime
    for ext in extensions:
        assert formats.resolve("application/octet-stream", f"upload{ext}", data) == mime
    assert (mime in formats.TEXT_TYPES) == text
    cleaned = clean(data, formats.resolve(mime, None, data))
    assert paragraphs[-1][:40] in cleaned.text
