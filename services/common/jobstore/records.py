"""How a job is kept in its Redis hash: encoding, decoding and stage bookkeeping."""
from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from datetime import datetime

from services.common.jobs import STAGES, Job, JobStatus, Stage, StageRun, StageStatus, rfc3339, utcnow
from services.common.jobstore.revisions import REVISION

# A stage's hash field holds its run but its name (which the field's name says).
_STAGE_FIELDS = tuple(f.name for f in fields(StageRun) if f.name != "name")
META_FIELDS = ("id", "owner", "created_at", "expires_at", "input", "options", "callback_url")


def decode(raw: dict[bytes, bytes]) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in raw.items()}


def job_fields(job: Job) -> dict[str, str]:
    """The hash fields of a new job."""
    meta = {name: getattr(job, name) for name in META_FIELDS}
    fields = {"meta": json.dumps(meta), "status": job.status.value,
              "updated_at": job.updated_at, "error": ""}
    fields.update({stage_field(s.name): dump_stage(s) for s in job.stages})
    return fields


def job_from_fields(fields: dict[str, str]) -> Job:
    return Job(
        **json.loads(fields["meta"]),
        status=JobStatus(fields["status"]),
        updated_at=fields["updated_at"],
        stages=[load_stage(s, fields) for s in STAGES],
        error=json.loads(fields["error"]) if fields.get("error") else None,
        webhook=json.loads(fields["webhook"]) if fields.get("webhook") else None,
        revision=fields.get(REVISION, "0"),
    )


def known_fields(job: Job) -> dict[str, str]:
    """The hash fields of a job as it was read or last written, with its revision."""
    fields = job_fields(job)
    fields[REVISION] = job.revision
    if job.error:
        fields["error"] = json.dumps(job.error)
    if job.webhook:
        fields["webhook"] = json.dumps(job.webhook)
    return fields


def request_digest(job: Job) -> str:
    """What a request asked for: its document and everything said about it, but not when."""
    asked = {"input": job.input, "options": job.options, "callback_url": job.callback_url}
    return hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()


def owner_of(fields: dict[str, str]) -> str:
    return json.loads(fields["meta"])["owner"]


def epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def dump_stage(run: StageRun) -> str:
    data = {name: getattr(run, name) for name in _STAGE_FIELDS}
    data["status"] = run.status.value
    return json.dumps(data)


def stage_field(stage: Stage) -> str:
    return f"stage:{stage}"


def load_stage(stage: Stage, fields: dict[str, str]) -> StageRun:
    data = json.loads(fields[stage_field(stage)])
    data["status"] = StageStatus(data["status"])
    return StageRun(name=stage, **data)


def close_stage(run: StageRun, status: StageStatus) -> None:
    """Set a stage's final status, end time and duration."""
    now = utcnow()
    run.status, run.finished_at = status, rfc3339(now)
    if run.started_at:
        started = datetime.fromisoformat(run.started_at)
        run.duration_ms = max(0, round((now - started).total_seconds() * 1000))


def skipped_stages(fields: dict[str, str], exclude: Stage | None = None,
                   include_running: bool = False) -> dict[str, str]:
    """Hash updates that mark every pending (and maybe running) stage skipped."""
    skippable = {StageStatus.PENDING} | ({StageStatus.RUNNING} if include_running else set())
    updates = {}
    for stage in STAGES:
        run = load_stage(stage, fields)
        if stage != exclude and run.status in skippable:
            run.status = StageStatus.SKIPPED
            updates[stage_field(stage)] = dump_stage(run)
    return updates
