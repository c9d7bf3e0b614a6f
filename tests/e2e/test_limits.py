"""A stage that runs past its time limit fails the job with that reason instead of hanging.

The limit is 1 s: short enough for 9 MB of news to pass it (the quote stage took 1.8 s on a fast
machine, ~5 MB/s), long enough for the seed on a busy machine. The news is every bench text, not
one text repeated: a repeated paragraph is cheap to the stages' caches (8 MB of the seed took
0.6-0.9 s a stage there, under the limit)."""
import pytest

from tests.documents import SEED, bench_texts
from tests.e2e.conftest import service_with_worker

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def impatient(tmp_path_factory):
    yield from service_with_worker(tmp_path_factory, "impatient", STAGE_TIME_LIMIT_SECONDS="1")


def test_stage_over_its_time_limit_fails_the_job(impatient):
    news = "\n\n".join(bench_texts()) + "\n\n"
    big = (news * 2)[:9_000_000]  # seconds of work per stage, under the 10 MiB upload limit
    accepted = impatient.submit(data=big.encode(), headers={"Content-Type": "text/plain"})
    job = impatient.wait(accepted["id"], timeout=60)
    assert job["status"] == "failed"
    assert job["error"]["type"] == "TimeLimitExceeded", job["error"]
    assert "1 s" in job["error"]["detail"]
    failed = [s for s in job["stages"] if s["status"] == "failed"]
    assert [s["name"] for s in failed] == [job["error"]["stage"]]
    assert failed[0]["duration_ms"] >= 900  # the limit counts from the task's start, a bit earlier


def test_small_documents_still_pass_under_the_same_limit(impatient):
    accepted = impatient.submit(data=SEED.read_bytes(), headers={"Content-Type": "text/plain"})
    assert impatient.wait(accepted["id"])["status"] == "succeeded"
