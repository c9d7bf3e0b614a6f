"""Example requests and answers shown in the API docs (/docs), taken from the seed article."""
from __future__ import annotations

from http import HTTPStatus

JOB_ID = "3f6c2a9e8b7d4c1fa0e5d6b7c8a9f012"
STAMP = "2026-12-04T12:00:00.000Z"

# The closing paragraphs of seeds/us-casualties-mount-in-iraq.txt (the image ships no seeds/).
SEED_TITLE = "US Casualties Mount In Iraq"
SEED_TEXT = (
    "Meanwhile, Harith al-Dari, the Association of Muslim Scholars’ secretary general, has "
    "replied to a call by Abd-al-Amir al-Rikabi, the Iraqi National Democratic Trend’s secretary "
    "general, inviting Al-Dari and the resistance forces to work inside Iraq.\n\n"
    "He responded: ‘I received a fax from you on 23 May 2009, in which you talk about an "
    "initiative that you are planning to take.’\n\n"
    "Earlier this week, the ‘Commission on Public Integrity’ said arrest warrants had been issued "
    "for some 1,000 allegedly corrupt officials, 50 of whom are senior government figures.\n"
)

JSON_REQUESTS = {
    "seed": {"summary": "The seed article as JSON",
             "value": {"title": SEED_TITLE, "text": SEED_TEXT}},
    "options": {"summary": "Two summary sentences, and a webhook when the job has finished",
                "value": {"text": SEED_TEXT, "options": {"summary_sentences": 2},
                          "callback_url": "https://example.org/hooks/docpipe"}},
    "html": {"summary": "An HTML page sent as JSON text",
             "value": {"text": "<html><body><article><h1>Title</h1><p>“It works,” she said.</p>"
                               "</article></body></html>", "content_type": "text/html"}},
}

UPLOAD_HOWTO = """One document as JSON, one or more multipart `file` parts (one job per part), or
the raw document with its Content-Type (options then go in the query string). With curl:

```sh
# the seed as a multipart upload (-i shows the Location header)
curl -i -F file=@seeds/us-casualties-mount-in-iraq.txt http://127.0.0.1:8000/v1/jobs
# several files at once, with options: answers {"jobs": [...]}
curl -i -F file=@report.pdf -F file=@notes.docx -F 'options={"summary_sentences": 2}' \\
     http://127.0.0.1:8000/v1/jobs
# a raw body with its type
curl -i -H 'Content-Type: text/plain' --data-binary @seeds/us-casualties-mount-in-iraq.txt \\
     'http://127.0.0.1:8000/v1/jobs?title=Iraq&summary_sentences=2'
```"""

_STAGES_DONE = [
    {"name": name, "status": "succeeded", "started_at": STAMP, "finished_at": STAMP,
     "duration_ms": ms, "attempts": 1, "worker": "celery@worker-1", "error": None}
    for name, ms in (("cleaning", 3), ("quotes", 2), ("summary", 1))
]
_SPEAKER_SENTENCE = SEED_TEXT.index("He responded")
_QUOTE_START = SEED_TEXT.index("I received")
_QUOTE_END = SEED_TEXT.index("’\n\nEarlier")
_SUMMARY_END = SEED_TEXT.index("\n\nHe responded")


def _job(status: str, stages: list[dict], result: dict) -> dict:
    return {
        "id": JOB_ID, "status": status, "created_at": STAMP, "updated_at": STAMP,
        "expires_at": "2026-12-11T12:00:00.000Z",
        "input": {"filename": "us-casualties-mount-in-iraq.txt", "title": None,
                  "content_type": "text/plain", "bytes": len(SEED_TEXT.encode()),
                  "sha256": "9c1e0d…"},
        "options": {"summary_sentences": 3}, "stages": stages, "result": result, "error": None,
        "callback_url": None, "webhook": None,
    }


QUEUED_JOB = _job("queued", [{"name": s["name"], "status": "pending", "started_at": None,
                              "finished_at": None, "duration_ms": None, "attempts": 0,
                              "worker": None, "error": None} for s in _STAGES_DONE], {})

SUCCEEDED_JOB = _job("succeeded", _STAGES_DONE, {
    "document": {"title": SEED_TITLE, "text": SEED_TEXT, "content_type": "text/plain",
                 "warnings": [], "stats": {"chars": len(SEED_TEXT), "words": 101, "paragraphs": 3}},
    "quotes": [{
        "text": SEED_TEXT[_QUOTE_START:_QUOTE_END], "start": _QUOTE_START, "end": _QUOTE_END,
        "kind": "direct",
        "parts": [{"text": SEED_TEXT[_QUOTE_START:_QUOTE_END], "start": _QUOTE_START,
                   "end": _QUOTE_END}],
        "speaker": {"name": "Harith al-Dari", "start": _SPEAKER_SENTENCE,
                    "end": _SPEAKER_SENTENCE + 2, "via": "pronoun"},
        "cue": "responded"}],
    "summary": {"text": SEED_TEXT[:_SUMMARY_END], "sentences": [
        {"text": SEED_TEXT[:_SUMMARY_END], "start": 0, "end": _SUMMARY_END, "score": 1.0}]},
})


def problem(status: int, slug: str, detail: str, errors: list[dict] | None = None) -> dict:
    """A problem body as the API answers it (its title is the status's phrase)."""
    return {"type": f"urn:docpipe:problem:{slug}", "title": HTTPStatus(status).phrase, "status": status,
            "detail": detail, "errors": errors or []}
