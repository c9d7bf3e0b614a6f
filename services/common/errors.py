"""Errors shared by the API and the workers."""
from __future__ import annotations


class DocpipeError(Exception):
    """Root of every error docpipe raises on purpose."""


class IdempotencyConflict(DocpipeError):
    """Raised when an Idempotency-Key already used for one document comes with another."""
