"""Exceptions of the cleaning stage; each message is shown to the user as the job's error.

    CleaningError
     ├─ UnsupportedFormat
     ├─ UnreadableDocument
     ├─ DocumentTooLarge
     ├─ NoTextFound
     └─ OcrUnavailable
"""
from __future__ import annotations


class CleaningError(ValueError):
    """Raised when a document cannot be cleaned; the root of the stage's errors."""


class UnsupportedFormat(CleaningError):
    """Raised when a document's type is not one the cleaning stage reads."""


class UnreadableDocument(CleaningError):
    """Raised when a document cannot be read as its type (damaged, locked or not that type)."""


class DocumentTooLarge(CleaningError):
    """Raised when a document exceeds a size, page or complexity limit of the stage."""


class NoTextFound(CleaningError):
    """Raised when no text remains after cleaning."""


class OcrUnavailable(CleaningError):
    """Raised when a document needs OCR but Tesseract is not installed where the stage runs."""
