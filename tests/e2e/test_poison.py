"""A document that needs more memory than a pool process may have fails with that reason, and
the worker goes on with the next job."""
import pytest

from tests.documents import DOCX_TYPE, SEED, docx_bomb
from tests.e2e.conftest import service_with_worker

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    # 400 MB: a worker process with the stage libraries loaded maps ~250 MB before any document
    # (the cap counts mapped, not resident, memory), so a lower cap would fail every document.
    yield from service_with_worker(tmp_path_factory, "bounded", WORKER_MAX_MEMORY_MB="400")


def test_a_docx_bomb_fails_within_the_memory_cap_and_the_worker_goes_on(service):
    bomb = docx_bomb(40)  # ~3 MB of zip, 40 MB of XML: a tree of several hundred MB
    failed = service.wait(service.submit(data=bomb, headers={"Content-Type": DOCX_TYPE})["id"])
    assert failed["status"] == "failed", failed
    # Refused by the stage's own limits, or stopped by the cap (or, on a starved machine, by the
    # time limit before the cap is reached): either way a reason, no text.
    assert failed["error"]["type"] in ("MemoryError", "DocumentTooLarge", "TimeLimitExceeded"), failed["error"]
    assert "alpha" not in failed["error"]["detail"]
    after = service.wait(service.submit(data=SEED.read_bytes(), headers={"Content-Type": "text/plain"})["id"])
    assert after["status"] == "succeeded", after["error"]
    assert after["stages"][0]["worker"] == "bounded@e2e"
