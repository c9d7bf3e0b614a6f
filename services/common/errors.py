"""Every error docpipe raises on purpose, under one root.

DocpipeError
├── RequestRefused          a submission that cannot become a job (the API answers 4xx)
│   ├── UnsupportedType
│   ├── MislabelledDocument
│   ├── ForbiddenCallback
│   └── IdempotencyConflict
├── StageFailed             a job that must fail with a stated reason (the worker records it)
└── ApiProblem              (services.api.problems) an HTTP answer with a problem document

The stage packages raise errors of their own (each under its own root); the task glue records any
of them as the job's failure.
"""
from __future__ import annotations


class DocpipeError(Exception):
    """Raised when docpipe refuses or gives up on something on purpose; the root of the others."""


class RequestRefused(DocpipeError):
    """Raised when a submission cannot become a job; the message says why, for the client."""


class UnsupportedType(RequestRefused):
    """Raised when an upload's type is not one docpipe can process (HTTP 415)."""


class MislabelledDocument(RequestRefused):
    """Raised when an upload's bytes contradict its declared type (HTTP 422)."""


class ForbiddenCallback(RequestRefused):
    """Raised when a callback URL reaches this host or a private network."""


class IdempotencyConflict(RequestRefused):
    """Raised when an Idempotency-Key already used for one request comes with another."""


class StageFailed(DocpipeError):
    """Raised when a stage must fail its job with a reason of the worker's own (not the stage's)."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind, self.detail = kind, detail
