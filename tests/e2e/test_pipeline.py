"""End to end over HTTP: real gunicorn, real Celery worker processes, real Redis."""
import pytest
import requests

from tests.documents import SEED
from tests.documents import DOCX_TYPE, seed_docx, seed_paragraphs, seed_pdf

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", autouse=True)
def one_worker(service):
    service.start_worker("w1")
    yield
    service.kill_worker("w1") if "w1" in service.workers else None


def assert_offsets(job):
    text = job["result"]["document"]["text"]
    for item in job["result"]["summary"]["sentences"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for quote in job["result"]["quotes"]:
        spans = quote["parts"] + ([quote["content"]] if quote["content"] else [])
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"]
        assert quote["text"] == " ".join(part["text"] for part in quote["parts"])
        if quote["speaker"]:
            speaker = quote["speaker"]
            assert text[speaker["start"]:speaker["end"]]
    for source in job["result"]["speakers"]:
        assert all(text[m["start"]:m["end"]] == m["text"] for m in source["mentions"])


def test_seed_article_end_to_end(service, seed_text):
    accepted = service.submit(data=SEED.read_bytes(), headers={"Content-Type": "text/plain"})
    job = service.wait(accepted["id"])
    assert job["status"] == "succeeded", job
    assert [s["status"] for s in job["stages"]] == ["succeeded"] * 3
    assert all(s["worker"] == "w1@e2e" and s["duration_ms"] >= 0 for s in job["stages"])
    doc = job["result"]["document"]
    assert doc["title"] == "US Casualties Mount In Iraq"
    assert doc["stats"]["paragraphs"] == len(doc["text"].split("\n\n"))
    fax = [q for q in job["result"]["quotes"] if q["text"].startswith("I received a fax from you")]
    assert len(fax) == 1
    assert fax[0]["text"].endswith("the people will not support them.")
    assert len(fax[0]["parts"]) == 5  # five paragraphs, one quote
    assert fax[0]["speaker"]["name"] == "Harith al-Dari"
    dari = [s for s in job["result"]["speakers"] if s["name"] == "Harith al-Dari"]
    assert len(dari) == 1 and job["result"]["quotes"].index(fax[0]) in dari[0]["quotes"]
    assert fax[0]["kind"] == "direct"
    assert len(job["result"]["summary"]["sentences"]) == 3
    assert_offsets(job)


def test_long_poll_returns_when_the_job_ends(service):
    text = ("“We will win this game for our fans,” coach Maria Lopez said on Sunday.\n\n"
            "The team trained twice a day all week before the final.")
    accepted = service.submit(json={"text": text, "title": "Cup final", "options": {"summary_sentences": 1}})
    job = requests.get(f"{service.url}/v1/jobs/{accepted['id']}?wait=30", timeout=40).json()
    assert job["status"] == "succeeded"
    quote = job["result"]["quotes"][0]
    assert quote["text"].startswith("We will win this game") and quote["speaker"]["name"] == "Maria Lopez"
    assert len(job["result"]["summary"]["sentences"]) == 1
    assert job["result"]["document"]["title"] == "Cup final"
    assert_offsets(job)


def test_html_upload_as_multipart(service):
    html = (b"<html><head><title>Council votes</title></head><body><nav>Home | News</nav><article>"
            b"<h1>Council votes to reopen library</h1><p>The council voted 7-2 on Tuesday to reopen "
            b"the Main Street library.</p><p>\xe2\x80\x9cThis is a good day for readers,\xe2\x80\x9d "
            b"Mayor Ana Ruiz said after the vote.</p><p>The library closed in 2019 after a flood "
            b"damaged its basement and most of its collection.</p></article>"
            b"<footer>Copyright 2026</footer></body></html>")
    accepted = service.submit(files={"file": ("council.html", html, "text/html")})
    job = service.wait(accepted["id"])
    assert job["status"] == "succeeded", job
    text = job["result"]["document"]["text"]
    assert "Copyright" not in text and "reopen the Main Street library" in text
    quote = job["result"]["quotes"][0]
    assert quote["text"].startswith("This is a good day for readers")
    assert "Ruiz" in quote["speaker"]["name"]
    assert_offsets(job)


def test_a_document_the_cleaner_rejects_fails_visibly(service):
    accepted = service.submit(data=b"%PDF-1.7\nthis is not really a PDF at all\n%%EOF",
                              headers={"Content-Type": "application/pdf"})
    job = service.wait(accepted["id"])
    assert job["status"] == "failed"
    assert job["error"]["stage"] == "cleaning" and job["error"]["detail"]
    assert [s["status"] for s in job["stages"]] == ["failed", "skipped", "skipped"]
    assert job["stages"][0]["error"]["detail"] == job["error"]["detail"]


def test_cancelled_job_is_not_processed(service):
    service.kill_worker("w1")  # hold the job in the queue while we cancel it
    accepted = service.submit(json={"text": "Nobody needs this one."})
    assert requests.delete(f"{service.url}/v1/jobs/{accepted['id']}", timeout=10).status_code == 204
    service.start_worker("w1")
    follow = service.submit(json={"text": "A later document. It runs after the cancelled one."})
    assert service.wait(follow["id"])["status"] == "succeeded"
    job = requests.get(f"{service.url}/v1/jobs/{accepted['id']}", timeout=10).json()
    assert job["status"] == "cancelled"
    assert all(s["attempts"] == 0 for s in job["stages"])


@pytest.mark.parametrize("build,filename", [(seed_pdf, "seed.pdf"), (seed_docx, "seed.docx")])
def test_seed_as_pdf_and_docx_gives_the_same_quotes(service, build, filename):
    data = build(seed_paragraphs())
    accepted = service.submit(files={"file": (filename, data, "application/octet-stream")})
    job = service.wait(accepted["id"])
    assert job["status"] == "succeeded", job
    assert job["input"]["content_type"] in ("application/pdf", DOCX_TYPE)
    assert job["result"]["document"]["text"].split("\n\n") == seed_paragraphs()
    fax = [q for q in job["result"]["quotes"] if q["text"].startswith("I received a fax from you")]
    assert len(fax) == 1 and fax[0]["speaker"]["name"] == "Harith al-Dari"
    assert_offsets(job)
