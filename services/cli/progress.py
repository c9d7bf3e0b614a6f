"""Follow jobs to their end and show where each one stands: queued → cleaning → quotes → summary → done."""
from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from services.cli.http import ApiClient, ApiError, Unreachable

FINISHED = ("succeeded", "failed", "cancelled")
# `?wait=N&since=<updated_at>` answers as soon as the job changes, so each stage shows as it
# starts; a job that does not change for this long is asked about again.
WAIT_SECONDS = 30.0
# An answer this quick for an unchanged job means the API had no long-poll slot free.
BUSY_PAUSE_SECONDS = 1.0
MAX_FOLLOWERS = 8  # concurrent long-polls; the API holds a dozen per process before answering at once


def step(job: dict) -> str:
    """Where a job stands: queued, a stage's name, done, failed or cancelled."""
    status = job["status"]
    if status == "succeeded":
        return "done"
    if status in ("failed", "cancelled", "queued"):
        return status
    for stage in job.get("stages", []):
        if stage["status"] in ("running", "pending"):
            return stage["name"]
    return status


def stages_done(job: dict) -> int:
    return sum(s["status"] in ("succeeded", "skipped") for s in job.get("stages", []))


def follow(client: ApiClient, job_id: str, on_change: Callable[[dict], None]) -> dict:
    """Long-poll one job until it has ended, calling ``on_change`` whenever its step changes."""
    last, seen = None, None
    while True:
        asked = time.monotonic()
        job = client.job(job_id, wait=WAIT_SECONDS, since=seen)
        if step(job) != last:
            last = step(job)
            on_change(job)
        if job["status"] in FINISHED:
            return job
        if job.get("updated_at") == seen and time.monotonic() - asked < BUSY_PAUSE_SECONDS:
            time.sleep(BUSY_PAUSE_SECONDS)  # no slot free: wait rather than hammer the API
        seen = job.get("updated_at")


class Board:
    """One line per file showing its job's step; plain lines when stderr is not a terminal."""

    def __init__(self, labels: list[str], console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.live = self.console.is_terminal
        self.lock = threading.Lock()
        self.progress = Progress(
            TextColumn("{task.fields[label]}", style="bold"), BarColumn(bar_width=20),
            TextColumn("{task.fields[step]}"), TimeElapsedColumn(), console=self.console,
            disable=not self.live)
        width = max((len(label) for label in labels), default=0)
        self.rows: dict[str, TaskID] = {label: self.progress.add_task(
            "", total=4, label=label.ljust(width), step="submitting") for label in labels}

    def __enter__(self) -> "Board":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def show(self, label: str, job: dict) -> None:
        done = stages_done(job) + (job["status"] == "succeeded")
        self._set(label, step(job), done)

    def fail(self, label: str, reason: str) -> None:
        self._set(label, f"failed: {reason}", None)

    def _set(self, label: str, text: str, completed: int | None) -> None:
        style = "red" if text.startswith(("failed", "cancelled")) else "green" if text == "done" else ""
        shown = f"[{style}]{text}[/]" if style and self.live else text
        self.progress.update(self.rows[label], step=shown,
                             **({"completed": completed} if completed is not None else {}))
        if not self.live:
            with self.lock:
                print(f"{label}: {text}", file=sys.stderr, flush=True)


def follow_all(client: ApiClient, jobs: dict[str, str], board: Board) -> dict[str, dict | ApiError | Unreachable]:
    """Follow every job (label -> job ID) at once; each label's last Job, or the error that stopped it."""
    def one(label: str) -> dict | ApiError | Unreachable:
        try:
            return follow(client, jobs[label], lambda job: board.show(label, job))
        except (ApiError, Unreachable) as exc:  # shown per file; the caller decides what it means
            board.fail(label, str(exc))
            return exc

    if not jobs:
        return {}
    with ThreadPoolExecutor(max_workers=min(MAX_FOLLOWERS, len(jobs))) as pool:
        return dict(zip(jobs, pool.map(one, jobs)))
