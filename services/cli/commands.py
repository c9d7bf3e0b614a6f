"""The `docpipe` subcommands. Each returns its exit code: 0 all succeeded, 1 some failed.

A file that cannot be read or is refused by the service fails alone; the batch goes on.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from services.cli import local, render
from services.cli.http import ApiClient, ApiError, Unreachable, from_env
from services.cli.progress import FINISHED, Board, follow, follow_all
from services.common.formats import MislabelledDocument, UnsupportedType

OK, FAILED = 0, 1


class Unreadable(Exception):
    """Raised when a file named on the command line cannot be read."""


def _say(message: str) -> None:
    print(f"docpipe: {message}", file=sys.stderr, flush=True)


def expand(paths: list[str]) -> list[Path]:
    """Files named, and the files directly inside directories named (hidden ones skipped)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)  # a missing file fails when it is read, with the reason
    return out


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None


def _client(args: argparse.Namespace) -> ApiClient:
    return from_env(args.api_url, args.api_key)


def submit(args: argparse.Namespace) -> int:
    client, files = _client(args), expand(args.paths)
    fmt = "json" if args.json else args.format
    errors: dict[str, str] = {}
    jobs: dict[str, dict] = {}
    for path in files:
        try:
            jobs[str(path)] = client.submit(path, _read(path), args.sentences)
        except Unreadable as exc:
            errors[str(path)] = str(exc)
        except ApiError as exc:
            if exc.status == 401:
                raise  # the key is wrong for every file
            errors[str(path)] = exc.detail
        if str(path) in errors:
            _say(f"{path}: {errors[str(path)]}")
    if not args.wait:
        _print_accepted(jobs, errors, fmt == "json")
        return FAILED if errors else OK
    finals = _wait(client, jobs)
    _print_finals(files, finals, errors, fmt)
    failed = errors or any(not isinstance(j, dict) or j["status"] != "succeeded" for j in finals.values())
    return FAILED if failed else OK


def _wait(client: ApiClient, jobs: dict[str, dict]) -> dict[str, dict | ApiError | Unreachable]:
    with Board(list(jobs)) as board:
        for label, job in jobs.items():
            board.show(label, job)
        finals = follow_all(client, {label: job["id"] for label, job in jobs.items()}, board)
    lost = [e for e in finals.values() if isinstance(e, Unreachable)]
    if lost:
        raise lost[0]
    return finals


def _entry(label: str, outcome: dict | Exception | str) -> dict:
    """One file's line of a JSON answer: its job, or why it has none."""
    return {"file": label, **({"job": outcome} if isinstance(outcome, dict) else {"error": str(outcome)})}


def _print_json(entries: list[dict]) -> None:
    print(json.dumps(entries, ensure_ascii=False, indent=2))


def _print_accepted(jobs: dict[str, dict], errors: dict[str, str], as_json: bool) -> None:
    if as_json:
        _print_json([_entry(f, j) for f, j in jobs.items()] + [_entry(f, e) for f, e in errors.items()])
        return
    for label, job in jobs.items():
        print(f"{label}\t{job['id']}\t{job['status']}")


def _print_finals(files: list[Path], finals: dict, errors: dict[str, str], fmt: str) -> None:
    if fmt == "json":
        _print_json([_entry(str(p), finals.get(str(p)) or errors[str(p)]) for p in files])
        return
    for path in files:
        final = finals.get(str(path))
        if isinstance(final, dict):
            print(render.render(final, fmt), end="\n\n", flush=True)
        elif final is not None:
            print(f"{path}: {final}", end="\n\n")


def status(args: argparse.Namespace) -> int:
    job = _get(_client(args), args.job_id)
    if job is None:
        return FAILED
    if args.json:
        print(render.as_json(job))
    else:
        print(f"job {job['id']} ({(job.get('input') or {}).get('filename') or 'text'}): {job['status']}")
        for stage in job.get("stages", []):
            took = f"{stage['duration_ms']} ms" if stage.get("duration_ms") is not None else ""
            print(f"  {stage['name']:<9} {stage['status']:<10} {took}".rstrip())
        if job.get("error"):
            print(f"  error: {job['error'].get('detail')}")
    return FAILED if job["status"] in ("failed", "cancelled") else OK


def result(args: argparse.Namespace) -> int:
    client = _client(args)
    job = _get(client, args.job_id)
    if job is None:
        return FAILED
    if job["status"] not in FINISHED:
        _say(f"job {args.job_id} is {job['status']}; waiting for it to end…")
        job = follow(client, args.job_id, lambda _: None)
    print(render.render(job, args.format))
    return OK if job["status"] == "succeeded" else FAILED


def _get(client: ApiClient, job_id: str) -> dict | None:
    try:
        return client.job(job_id)
    except ApiError as exc:
        if exc.status != 404:
            raise
        _say(exc.detail)
        return None


def process(args: argparse.Namespace) -> int:
    entries, failed = [], False
    for path in expand(args.paths):
        try:
            job = local.process(path, _read(path), args.sentences)
        except (Unreadable, UnsupportedType, MislabelledDocument) as exc:
            _say(f"{path}: {exc}")
            entries.append(_entry(str(path), exc))
            failed = True
            continue
        failed |= job["status"] != "succeeded"
        entries.append(_entry(str(path), job))
        if args.format != "json":
            print(render.render(job, args.format), end="\n\n", flush=True)
    if args.format == "json":
        _print_json(entries)
    return FAILED if failed else OK
