"""A deadline for a request's body: a client that trickles it is cut off, not waited for.

Under gunicorn's gevent workers a slow client costs a greenlet, not one of a few threads, so it
cannot stall other requests; it still holds a connection, so reading its body gives up after
BODY_TIMEOUT_SECONDS (a setting) and the request answers 408.
"""
from __future__ import annotations

import time
from typing import Any, Callable, Iterable

from services.common.errors import DocpipeError

class BodyTimeout(DocpipeError):
    """Raised when a request's body did not arrive within the deadline (HTTP 408)."""


def with_body_deadline(app: Callable, seconds: float) -> Callable:
    """Wrap a WSGI app so that reading a body takes at most ``seconds`` in all (gevent only)."""
    try:
        from gevent import Timeout, monkey
    except ImportError:
        return app
    if not monkey.is_module_patched("socket"):
        return app  # threads: the deadline could not interrupt a blocking read

    def deadline_app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        environ["wsgi.input"] = _TimedInput(environ["wsgi.input"], Timeout, seconds)
        return app(environ, start_response)

    return deadline_app


class _TimedInput:
    """A body stream whose reads, together, must end before a deadline."""

    def __init__(self, stream: Any, timeout: type, seconds: float):
        self._stream, self._timeout, self._seconds = stream, timeout, seconds
        self._deadline: float | None = None

    def _call(self, name: str, *args: Any) -> Any:
        if self._deadline is None:
            self._deadline = time.monotonic() + self._seconds
        left = self._deadline - time.monotonic()
        error = BodyTimeout(f"the request body did not arrive within {self._seconds:g} s")
        if left <= 0:
            raise error
        with self._timeout(left, error):
            return getattr(self._stream, name)(*args)

    def read(self, *args: Any) -> bytes:
        return self._call("read", *args)

    def readline(self, *args: Any) -> bytes:
        return self._call("readline", *args)

    def __iter__(self):
        return iter(self.readline, b"")
