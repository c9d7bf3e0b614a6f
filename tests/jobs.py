"""Jobs the store and task tests build in code."""
from __future__ import annotations

from datetime import timedelta

from services.common.jobs import STAGES, Job, JobStatus, StageRun, new_job_id, rfc3339, utcnow


def make_job(owner: str = "alice", ttl: int = 3600, callback_url: str | None = None,
             size: int = 5) -> Job:
    now = utcnow()
    return Job(id=new_job_id(), owner=owner, status=JobStatus.QUEUED, created_at=rfc3339(now),
               updated_at=rfc3339(now), expires_at=rfc3339(now + timedelta(seconds=ttl)),
               input={"filename": None, "content_type": "text/plain", "bytes": size, "sha256": "x"},
               options={"summary_sentences": 3}, stages=[StageRun(s) for s in STAGES],
               callback_url=callback_url)
