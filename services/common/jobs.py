"""The job model: the pipeline's stages, statuses and the record the API shows."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum, StrEnum


class Stage(StrEnum):
    """The pipeline's stages, in the order they run; every layer names a stage with this.

    A stage's output is a mapping of fields of the job's ``result`` (cleaning: ``document``;
    quotes: ``quotes`` and ``speakers``; summary: ``summary``)."""

    CLEANING = "cleaning"
    QUOTES = "quotes"
    SUMMARY = "summary"

    @property
    def is_last(self) -> bool:
        return self is STAGES[-1]

    def following(self) -> tuple[Stage, ...]:
        """The stages that run after this one."""
        return STAGES[STAGES.index(self) + 1:]


# Pipeline order.
STAGES: tuple[Stage, ...] = tuple(Stage)


class JobStatus(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


class StageStatus(str, Enum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_job_id() -> str:
    return uuid.uuid4().hex


@dataclass
class StageRun:
    name: Stage
    status: StageStatus = StageStatus.PENDING
    started_at: str | None = None
    finished_at: str | None = None
    duration_ms: int | None = None
    attempts: int = 0
    worker: str | None = None
    error: dict | None = None
    # The message (Celery task id) of the latest delivery that started the stage; not shown.
    delivery: str | None = None


@dataclass
class Job:
    id: str
    owner: str
    status: JobStatus
    created_at: str
    updated_at: str
    expires_at: str
    input: dict
    options: dict
    stages: list[StageRun]
    callback_url: str | None = None
    webhook: dict | None = None
    error: dict | None = None
    result: dict = field(default_factory=dict)
    # How many times the stored job has been written ("0" for a new one); not shown.
    revision: str = "0"

    @property
    def finished(self) -> bool:
        return self.status.finished

    @property
    def has_callback(self) -> bool:
        """Whether the job's end is announced to a callback URL."""
        return bool(self.callback_url)

    def stage(self, name: Stage) -> StageRun:
        return self.stages[STAGES.index(name)]
