"""Histogram buckets, log formats and the job id on log lines, without Redis or Celery."""
import json
import logging

import pytest

from services.common import logs
from services.common.metrics import INF, HistogramSpec
from services.common.settings import Settings
from workers.telemetry import celery_job_id

SPEC = HistogramSpec("h:test", (0.1, 1, 10))


@pytest.mark.parametrize("seconds,bucket", [(0, "0.1"), (0.1, "0.1"), (0.1001, "1.0"), (1, "1.0"),
                                            (9.99, "10.0"), (10.5, INF)])
def test_a_value_is_counted_in_the_smallest_bucket_that_holds_it(seconds, bucket):
    # Prometheus's le is inclusive: a value on a bound belongs to that bound's bucket.
    assert SPEC.bucket(seconds) == bucket


def test_fields_name_the_labels_and_the_bucket():
    assert SPEC.fields(("cleaning", "succeeded"), 0.5) == (
        "h:test|cleaning|succeeded|1.0", "h:test|cleaning|succeeded|sum_ms")
    assert SPEC.labels == ["0.1", "1.0", "10.0", INF]


def record(message="hello %s", args=("world",), name="docpipe.test", **extra) -> logging.LogRecord:
    rec = logging.LogRecord(name, logging.INFO, __file__, 1, message, args, None)
    rec.__dict__.update(extra)
    return rec


@pytest.fixture(autouse=True)
def no_job():
    logs.bind_job(None)
    yield
    logs.bind_job(None)


def test_json_line_has_the_fields_and_the_bound_job():
    logs.bind_job("job123")
    line = logs.JsonFormatter().format(record())
    entry = json.loads(line)
    assert "\n" not in line
    assert (entry["level"], entry["logger"], entry["message"], entry["job_id"]) == (
        "INFO", "docpipe.test", "hello world", "job123")
    assert entry["ts"].endswith("+00:00")


def test_json_line_without_a_job_has_no_job_id():
    assert "job_id" not in json.loads(logs.JsonFormatter().format(record()))


def test_an_explicit_job_id_wins_over_the_bound_one():
    logs.bind_job("bound")
    assert json.loads(logs.JsonFormatter().format(record(job_id="explicit")))["job_id"] == "explicit"


def test_json_keeps_a_traceback_on_the_same_line():
    try:
        raise ValueError("boom")
    except ValueError:
        rec = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), __import__("sys").exc_info())
    line = logs.JsonFormatter().format(rec)
    assert line.count("\n") == 0 and "ValueError: boom" in json.loads(line)["exc"]


def test_gunicorn_access_line_gets_http_fields():
    atoms = {"m": "POST", "U": "/v1/jobs", "q": "", "s": "202", "h": "10.0.0.1", "D": 2500}
    rec = record(message='%(h)s "%(m)s %(U)s" %(s)s', args=(atoms,), name="gunicorn.access")
    entry = json.loads(logs.JsonFormatter().format(rec))
    assert entry["message"] == '10.0.0.1 "POST /v1/jobs" 202'
    assert entry["http"] == {"method": "POST", "path": "/v1/jobs", "status": 202,
                             "remote": "10.0.0.1", "duration_ms": 2.5}


def test_text_line_names_the_job():
    logs.bind_job("job123")
    assert "[job job123]: hello world" in logs.TextFormatter().format(record())
    logs.bind_job(None)
    assert "[job" not in logs.TextFormatter().format(record())


def test_a_finder_supplies_the_job_of_lines_logged_outside_the_task():
    celery_line = record(message="Task %(name)s[%(id)s] received",
                         args=({"name": "docpipe.clean", "id": "t-1", "args": "('abc123',)"},))
    assert json.loads(logs.JsonFormatter(find_job=celery_job_id).format(celery_line))["job_id"] == "abc123"


@pytest.mark.parametrize("data", [{"name": "docpipe.clean", "args": "()"},
                                  {"name": "other.task", "args": "('abc',)"},
                                  {"name": "docpipe.clean", "args": "not python"},
                                  {"name": "docpipe.clean", "args": "(42,)"}])
def test_the_celery_finder_ignores_what_is_not_a_docpipe_job(data):
    assert celery_job_id(record(message="%(name)s", args=(data,))) is None


def test_log_format_is_read_and_checked(monkeypatch):
    monkeypatch.setenv("LOG_FORMAT", "JSON")
    monkeypatch.setenv("METRICS_KEY", " s3cret ")
    s = Settings.from_env()
    assert (s.log_format, s.metrics_key) == ("json", "s3cret")
    assert isinstance(logs.formatter(s), logs.JsonFormatter)
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        Settings.from_env()


def test_json_lines_stay_ascii_whatever_the_message_holds():
    line = logs.JsonFormatter().format(record(message="“quoted” %s", args=("\ud800 lone half",)))
    assert line.isascii()
    assert json.loads(line)["message"].startswith("“quoted” ")


def test_text_access_line_keeps_gunicorn_format_and_adds_the_job():
    logs.bind_job("job123")
    rec = record(message='%(h)s "%(r)s" %(s)s', args=({"h": "10.0.0.1", "r": "GET /v1/jobs/job123", "s": "200"},),
                 name="gunicorn.access")
    assert logs.TextFormatter().format(rec) == '10.0.0.1 "GET /v1/jobs/job123" 200 [job job123]'
