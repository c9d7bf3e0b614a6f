"""The `docpipe` command against a real service (gunicorn, a Celery worker, Redis), run as a user would."""
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time

import pytest

from tests.conftest import ROOT, SEED, free_port
from tests.e2e.conftest import module_worker

pytestmark = pytest.mark.e2e
DOCPIPE = [sys.executable, "-m", "services.cli"]
STEPS = ["submitting", "queued", "cleaning", "quotes", "summary", "done"]
one_worker = module_worker("cli1")


def docpipe(*args: str, url: str, timeout: float = 90) -> subprocess.CompletedProcess:
    env = {**os.environ, "DOCPIPE_API_URL": url, "COLUMNS": "100"}
    return subprocess.run([*DOCPIPE, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def no_traceback(res: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout


def test_submit_wait_reports_each_file_and_a_bad_file_does_not_stop_the_batch(service, tmp_path):
    picture = tmp_path / "picture.gif"  # a type docpipe does not read
    picture.write_bytes(b"GIF89a" + bytes(64))
    res = docpipe("submit", "--wait", str(tmp_path / "missing.txt"), str(picture), str(SEED),
                  url=service.url)
    no_traceback(res)
    assert res.returncode == 1, res.stderr
    assert "missing.txt: No such file or directory" in res.stderr
    assert "picture.gif:" in res.stderr and "not supported" in res.stderr
    assert "Harith al-Dari" in res.stdout and "“I received a fax from you" in res.stdout
    assert "People quoted" in res.stdout and "Summary" in res.stdout
    # Progress goes to stderr, one line per change of step, in pipeline order, ending done.
    steps = [line.split(": ", 1)[1] for line in res.stderr.splitlines() if line.startswith(f"{SEED}: ")]
    assert steps[-1] == "done" and steps == sorted(steps, key=STEPS.index)


def test_progress_follows_the_stages_of_a_waiting_job(service):
    service.kill_worker("cli1")  # the job waits in the queue until a worker comes
    env = {**os.environ, "DOCPIPE_API_URL": service.url}
    proc = subprocess.Popen([*DOCPIPE, "submit", "--wait", str(SEED)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline()
        assert first.strip() == f"{SEED}: queued"
        time.sleep(1)
        service.start_worker("cli1")
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert err.strip().endswith(f"{SEED}: done") and "Harith al-Dari" in out


def test_submit_json_then_status_and_result(service):
    res = docpipe("submit", "--json", str(SEED), url=service.url)
    assert res.returncode == 0, res.stderr
    [entry] = json.loads(res.stdout)
    job_id = entry["job"]["id"]
    assert entry["file"] == str(SEED) and entry["job"]["status"] == "queued"

    md = docpipe("result", job_id, "--format", "md", url=service.url)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# US Casualties Mount In Iraq") and "## Quotes" in md.stdout
    assert "**Harith al-Dari** (responded, direct)" in md.stdout

    status = docpipe("status", job_id, url=service.url)
    assert status.returncode == 0 and f"job {job_id}" in status.stdout and "succeeded" in status.stdout
    as_json = json.loads(docpipe("status", job_id, "--json", url=service.url).stdout)
    assert [s["status"] for s in as_json["stages"]] == ["succeeded"] * 3


def test_process_prints_what_the_service_finds(service):
    local = docpipe("process", "--format", "json", str(SEED), url=service.url)
    remote = docpipe("submit", "--wait", "--json", str(SEED), url=service.url)
    assert local.returncode == remote.returncode == 0, local.stderr + remote.stderr
    mine, theirs = (json.loads(r.stdout)[0]["job"]["result"] for r in (local, remote))
    assert mine["document"]["text"] == theirs["document"]["text"]
    assert [q["text"] for q in mine["quotes"]] == [q["text"] for q in theirs["quotes"]]
    assert mine["summary"]["text"] == theirs["summary"]["text"]


def test_unknown_job_fails_with_one_line(service):
    res = docpipe("status", "0123456789abcdef", url=service.url)
    no_traceback(res)
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "No job" in res.stderr


def test_unreachable_service_is_a_connection_error():
    res = docpipe("submit", str(SEED), url=f"http://127.0.0.1:{free_port()}")
    no_traceback(res)
    assert res.returncode == 2 and res.stderr.startswith("docpipe: cannot reach http://127.0.0.1:")
    assert res.stderr.count("\n") == 1


def test_a_bad_api_url_or_a_server_that_is_not_docpipe_is_one_line_exit_2(tmp_path):
    (tmp_path / "v1" / "jobs").mkdir(parents=True)
    (tmp_path / "v1" / "jobs" / "abc").write_text("<html>not docpipe</html>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        other = docpipe("status", "abc", url=f"http://127.0.0.1:{server.server_port}")
        server.shutdown()
    for res in (other, docpipe("status", "abc", url="notaurl")):
        no_traceback(res)
        assert res.returncode == 2 and res.stderr.count("\n") == 1, res.stderr
    assert "other than docpipe's JSON" in other.stderr


@pytest.mark.parametrize("args", [[], ["submit"], ["result"], ["result", "x", "--format", "pdf"]])
def test_usage_errors_exit_2(args):
    res = docpipe(*args, url="http://127.0.0.1:1")
    no_traceback(res)
    assert res.returncode == 2 and "usage: docpipe" in res.stderr
