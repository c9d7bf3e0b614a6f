"""What a job's error says when a stage raised: the stage's own words, never the document's.

The stage packages raise errors whose messages are written for the user. Anything else — a
library's error, a Redis error — may quote the document (redis-py puts a failed command and its
arguments into the message), so only its type is shown; the log keeps the rest.
"""
from __future__ import annotations

import redis

from services.common.errors import DocpipeError, StageFailed

STAGE_PACKAGE = "workers.stages"
MAX_DETAIL_CHARS = 500


def describe(exc: BaseException) -> StageFailed:
    """The job failure an exception raised while running a stage stands for."""
    if isinstance(exc, StageFailed):
        return exc
    kind = type(exc).__name__
    if isinstance(exc, MemoryError):
        return StageFailed("MemoryError", "the stage needed more memory than a worker process "
                           "may use (WORKER_MAX_MEMORY_MB); the document is too large or too complex")
    if isinstance(exc, redis.OutOfMemoryError):
        return StageFailed("StoreFull", "the job store (Redis) is full: its maxmemory is reached, "
                           "so the stage's output could not be stored")
    if isinstance(exc, redis.RedisError):
        return StageFailed(kind, "the job store (Redis) refused the stage's output")
    if isinstance(exc, DocpipeError) or _from_stage(exc):
        detail = str(exc) or kind
        return StageFailed(kind, detail if len(detail) <= MAX_DETAIL_CHARS
                           else detail[:MAX_DETAIL_CHARS - 1] + "…")
    return StageFailed(kind, f"the stage stopped on an unexpected {kind}; the worker log has the details")


def _from_stage(exc: BaseException) -> bool:
    """Whether a stage package defined the error or raised it itself."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    raised_in = tb.tb_frame.f_globals.get("__name__", "") if tb is not None else ""
    return any(name.startswith(STAGE_PACKAGE) for name in (type(exc).__module__, raised_in))
