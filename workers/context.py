"""What the tasks work with — the settings and the JobStore — and the seam tests set them through."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from services.common.jobstore import JobStore
from services.common.settings import Settings, get_settings

@dataclass(frozen=True)
class WorkerContext:
    settings: Settings
    store: JobStore

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkerContext:
        return cls(settings, JobStore.from_url(settings.redis_url, settings.result_ttl_seconds))


_current: WorkerContext | None = None


def current() -> WorkerContext:
    """This process's context, built from the environment on first use."""
    global _current
    if _current is None:
        _current = WorkerContext.from_settings(get_settings())
    return _current


@contextmanager
def using(context: WorkerContext) -> Iterator[WorkerContext]:
    """Run this process's tasks with ``context`` until the block ends (how tests give theirs)."""
    global _current
    previous, _current = _current, context
    try:
        yield context
    finally:
        _current = previous
