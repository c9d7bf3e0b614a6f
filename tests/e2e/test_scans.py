"""A scanned PDF through the service: sniffed, read by OCR in a real worker, then quoted and summarised."""
import re
import shutil
from collections import Counter

import pytest

from tests.documents import seed_paragraphs, seed_scan
from tests.e2e.conftest import running_service

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shutil.which("tesseract") is None, reason="`make test` installs Tesseract")]
ONE_PAGE = seed_paragraphs()[:8]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    # OCR on a busy 2-core machine takes several seconds a page: a time limit as deployed.
    with running_service(tmp_path_factory.mktemp("scans"), STAGE_TIME_LIMIT_SECONDS="120") as svc:
        svc.start_worker("ocr")
        yield svc


def test_scanned_pdf_goes_through_the_pipeline(service):
    accepted = service.submit(files={"file": ("scan.bin", seed_scan(ONE_PAGE), "application/octet-stream")})
    job = service.wait(accepted["id"], timeout=180)
    assert job["status"] == "succeeded", job
    assert job["input"]["content_type"] == "application/pdf"
    document = job["result"]["document"]
    assert document["stats"]["ocr_pages"] == 1 and document["stats"]["lang"] == "en"
    want, got = Counter(re.findall(r"\w+", " ".join(ONE_PAGE))), Counter(re.findall(r"\w+", document["text"]))
    assert sum(min(n, got[w]) for w, n in want.items()) >= 0.95 * sum(want.values())
    assert any("OCR" in warning for warning in document["warnings"])
    assert job["result"]["summary"]["sentences"]
