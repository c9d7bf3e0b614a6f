"""The job model: statuses, stage names and the record the API shows."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum


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


# Pipeline order; each stage stores its output under RESULT_KEYS[stage] in the job's result.
STAGES: tuple[str, ...] = ("cleaning", "quotes", "summary")
RESULT_KEYS = {"cleaning": "document", "quotes": "quotes", "summary": "summary"}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_job_id() -> str:
    return uuid.uuid4().hex


@dataclass
class StageRun:
    name: str
    status: StageStatus = StageStatus.PENDING
    started_at: str | None = None
    finished_at: str | None = None
    duration_ms: int | None = None
    attempts: int = 0
    worker: str | None = None
    error: dict | None = None


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

    @property
    def finished(self) -> bool:
        return self.status.finished
