"""Exceptions of the cleaning stage; each message is shown to the user as the job's error."""
from __future__ import annotations


class CleaningError(ValueError):
    """Raised when a document is broken, mislabelled or too big to clean."""


class UnsupportedFormat(CleaningError):
    """Raised when the document's type is not one the cleaning stage can read."""


class EmptyDocument(CleaningError):
    """Raised when no text remains after cleaning."""


class DocumentTooLarge(CleaningError):
    """Raised when a document exceeds a size, page or complexity limit of the stage."""
