"""A small HTTP client for docpipe: submit files, wait for their jobs, print what was found.

`python -m services.client --api-url http://127.0.0.1:8000 seeds/*` (what `make seed` runs).
"""
from __future__ import annotations

import argparse
import json
import mimetypes
import sys
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

mimetypes.add_type("text/markdown", ".md")
mimetypes.add_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
WAIT_SECONDS = 30


def _call(method: str, url: str, data: bytes | None = None, headers: dict | None = None) -> dict:
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=WAIT_SECONDS + 10) as res:
            return json.loads(res.read())
    except urllib.error.HTTPError as err:
        problem = json.loads(err.read() or b"{}")
        raise RuntimeError(f"{method} {url}: {err.code} {problem.get('detail', err.reason)}") from None


def submit(api_url: str, path: Path, api_key: str | None = None) -> dict:
    """POST one file as a raw body with its Content-Type; returns the accepted Job."""
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    query = urllib.parse.urlencode({"filename": path.name})
    headers = {"Content-Type": ctype, **({"X-API-Key": api_key} if api_key else {})}
    return _call("POST", f"{api_url}/v1/jobs?{query}", path.read_bytes(), headers)


def wait(api_url: str, job_id: str, timeout: float = 300, api_key: str | None = None) -> dict:
    """Long-poll a job until it has finished or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    headers = {"X-API-Key": api_key} if api_key else {}
    while True:
        job = _call("GET", f"{api_url}/v1/jobs/{job_id}?wait={WAIT_SECONDS}", headers=headers)
        if job["status"] in ("succeeded", "failed", "cancelled") or time.monotonic() > deadline:
            return job


def describe(job: dict) -> str:
    """A human-readable report of a job's quotes and summary."""
    lines = [f"job {job['id']} ({job['input'].get('filename')}): {job['status']}"]
    if job["status"] != "succeeded":
        return "\n".join(lines + [f"  error: {job.get('error')}"])
    result = job["result"]
    lines.append(f"  title: {result['document'].get('title')}")
    lines.append(f"  quotes ({len(result['quotes'])}):")
    for quote in result["quotes"]:
        speaker = quote["speaker"]["name"] if quote["speaker"] else "unattributed"
        text = textwrap.shorten(quote["text"].replace("\n", " "), 110)
        lines.append(f"    - {speaker} [{quote['kind']}, {quote['cue']}]: {text}")
    lines.append("  summary:")
    lines.extend(textwrap.fill(s["text"], 96, initial_indent="    * ", subsequent_indent="      ")
                 for s in result["summary"]["sentences"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-url", default="http://127.0.0.1:8000")
    parser.add_argument("--api-key")
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    files = [p for path in args.paths for p in (sorted(path.iterdir()) if path.is_dir() else [path])]
    jobs = [submit(args.api_url, p, args.api_key) for p in files]
    failed = 0
    for job in jobs:
        done = wait(args.api_url, job["id"], api_key=args.api_key)
        failed += done["status"] != "succeeded"
        print(describe(done), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
