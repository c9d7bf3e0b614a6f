"""Cleaning stage: any uploaded document to its main text, paragraphs and title.

``clean(data, content_type)`` runs these steps, one module each:

1. type — ``formats``: the type the API decided (the stage does not sniff again) and its charset;
   ``readers`` holds one reader per type.
2. decode — ``decode``: the bytes of a text format to a str (BOM, declared or detected charset);
   ``mail`` parses an e-mail's MIME parts.
3. extract — the reader finds the text blocks: ``html`` (a web page's main text, falling back
   when it looks like a fragment; ``html_dense`` for text-heavy pages), ``pdf`` (lines with their
   layout, ``layout``; scanned pages through ``ocr``), ``images`` (``ocr``), ``docx``, ``doc``
   (antiword), ``odt``, ``rtf``, ``epub``, ``slides`` (PPTX), ``markdown``; ``archive`` checks
   ZIP containers first. Plain text is used as it is.
4. repair — ``repair``: line endings, mojibake, controls, odd spaces, ligatures, NFC.
5. paragraphs — ``lines`` joins hard-wrapped lines and undoes end-of-line hyphenation;
   ``paragraphs`` drops boilerplate, detects the title and counts; ``lang`` names the language.

``document`` holds the entry point and ``CleanDocument``; ``errors`` the exceptions, whose
messages become the job's failure reason.
"""
from workers.stages.cleaning.document import CleanDocument, clean
from workers.stages.cleaning.errors import (CleaningError, DocumentTooLarge, NoTextFound, OcrUnavailable,
                                            UnreadableDocument, UnsupportedFormat)
from workers.stages.cleaning.ocr import OcrLimits

__all__ = ["CleanDocument", "CleaningError", "DocumentTooLarge", "NoTextFound", "OcrLimits", "OcrUnavailable",
           "UnreadableDocument", "UnsupportedFormat", "clean"]
