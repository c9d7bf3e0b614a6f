"""Logging for the API and the workers: one JSON object per line or readable text, with the job id.

The job a line concerns comes from a context variable the task glue and the API's job routes
set (``bind_job``); a record may also name it itself (``extra={"job_id": ...}``) or a process may
give a function that finds it in records it does not control (Celery's own task lines).
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, timezone

from services.common.settings import Settings

_job_id: ContextVar[str | None] = ContextVar("docpipe_job_id", default=None)
# Finds the job id in a record that carries neither the context variable nor an extra field.
JobFinder = Callable[[logging.LogRecord], "str | None"]
ACCESS_LOGGER = "gunicorn.access"
# gunicorn's access-log atoms worth keeping as fields (see gunicorn's access_log_format).
ACCESS_FIELDS = {"m": "method", "U": "path", "q": "query", "s": "status", "h": "remote"}
TEXT_FORMAT = "%(asctime)s %(levelname)s %(processName)s %(name)s%(job)s: %(message)s"


def bind_job(job_id: str | None) -> None:
    """Lines logged from here on in this thread or task concern ``job_id`` (None: no job)."""
    _job_id.set(job_id)


class _JobAware(logging.Formatter):
    def __init__(self, *args, find_job: JobFinder | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.find_job = find_job

    def job_of(self, record: logging.LogRecord) -> str | None:
        explicit = getattr(record, "job_id", None)
        if explicit:
            return explicit
        return _job_id.get() or (self.find_job(record) if self.find_job else None)


class TextFormatter(_JobAware):
    """``2026-12-04 14:00:00,123 INFO MainProcess name [job abc]: message``."""

    def __init__(self, find_job: JobFinder | None = None):
        super().__init__(TEXT_FORMAT, find_job=find_job)

    def format(self, record: logging.LogRecord) -> str:
        job = self.job_of(record)
        record.job = f" [job {job}]" if job else ""
        if record.name == ACCESS_LOGGER:  # gunicorn's --access-logformat already says it all
            return record.getMessage() + record.job
        return super().format(record)


class JsonFormatter(_JobAware):
    """One JSON object per line: ts, level, logger, message, job_id when a job is concerned."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        job = self.job_of(record)
        if job:
            entry["job_id"] = job
        entry["process"] = f"{record.processName}/{record.process}"
        if record.name == ACCESS_LOGGER and isinstance(record.args, dict):
            entry["http"] = _access_fields(record.args)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, default=str)  # ASCII: a stray surrogate cannot break the stream


def _access_fields(atoms: dict) -> dict:
    fields = {name: atoms.get(atom) for atom, name in ACCESS_FIELDS.items()}
    fields["status"] = int(fields["status"]) if str(fields["status"]).isdigit() else fields["status"]
    fields["duration_ms"] = round(int(atoms.get("D", 0)) / 1000, 1)  # D: microseconds
    return {k: v for k, v in fields.items() if v not in (None, "", "-")}


def formatter(settings: Settings, find_job: JobFinder | None = None) -> logging.Formatter:
    if settings.log_format == "json":
        return JsonFormatter(find_job=find_job)
    return TextFormatter(find_job=find_job)


def configure(settings: Settings, find_job: JobFinder | None = None,
              adopt: tuple[str, ...] = ()) -> None:
    """Send every record of this process (warnings too) to stderr in the configured format.

    The loggers named in ``adopt`` keep their own handlers (and destinations) but take the format.
    """
    fmt = formatter(settings, find_job)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(fmt)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level)
    logging.captureWarnings(True)
    for name in adopt:
        for own in logging.getLogger(name).handlers:
            own.setFormatter(fmt)

