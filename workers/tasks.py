"""The pipeline's Celery tasks, thin: load a job's input from the JobStore, run a pure stage.

Each is registered under the name the pipeline contract gives it; workers/running.py does the
rest (start, store, retry, fail).
"""
from __future__ import annotations

from celery import shared_task

from services.common.errors import StageFailed
from services.common.jobs import Job, Stage
from services.common.jobstore import JobStore
from services.common.pipeline import TASK_NAMES
from workers.context import current
from workers.outputs import cleaning_fields, quotes_fields, summary_fields
from workers.running import StageTask, run_stage
from workers.stages.cleaning import OcrLimits


def _clean(jobs: JobStore, job: Job) -> dict:
    data = jobs.get_input(job.id)
    if data is None:
        raise StageFailed("InputMissing", "the uploaded document is no longer stored")
    settings = current().settings
    # OCR stops in time for the stage to report what it read, before the stage's time limit.
    budget = min(settings.ocr_time_budget_seconds, settings.stage_time_limit_seconds / 2)
    return cleaning_fields(data, job.input["content_type"], job.input.get("filename"),
                           job.input.get("title"), OcrLimits(settings.ocr_max_pages, budget))


def _text(jobs: JobStore, job: Job) -> str:
    """The cleaned text: as the cleaning stage left it in this task, or as it stored it."""
    output = job.result if "document" in job.result else jobs.get_result(job.id, Stage.CLEANING)
    if output is None:
        raise StageFailed("InputMissing", "the cleaned text is no longer stored")
    return output["document"]["text"]


def _quotes(jobs: JobStore, job: Job) -> dict:
    return quotes_fields(_text(jobs, job))


def _summary(jobs: JobStore, job: Job) -> dict:
    return summary_fields(_text(jobs, job), job.options)


WORK = {Stage.CLEANING: _clean, Stage.QUOTES: _quotes, Stage.SUMMARY: _summary}


@shared_task(name=TASK_NAMES[Stage.CLEANING], bind=True, base=StageTask, stage=Stage.CLEANING)
def clean_task(self: StageTask, job_id: str) -> None:
    run_stage(self, job_id, WORK)


@shared_task(name=TASK_NAMES[Stage.QUOTES], bind=True, base=StageTask, stage=Stage.QUOTES)
def quotes_task(self: StageTask, job_id: str) -> None:
    run_stage(self, job_id, WORK)


@shared_task(name=TASK_NAMES[Stage.SUMMARY], bind=True, base=StageTask, stage=Stage.SUMMARY)
def summary_task(self: StageTask, job_id: str) -> None:
    run_stage(self, job_id, WORK)
