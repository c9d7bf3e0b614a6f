"""What each stage adds to a job's ``result``: the stage functions' answers as result fields.

A stage's output is a mapping of result fields — cleaning gives ``document``, quotes gives
``quotes`` and ``speakers``, summary gives ``summary`` — so the tasks and ``docpipe process``
(which runs the stages in process) answer the same shape. The values may hold the stages'
result dataclasses: orjson encodes them as they are (fields in order), which on a 100 KB
article took a seventh of the time of turning them into dicts and dumping those.
"""
from __future__ import annotations

from typing import Any

import orjson

from workers.stages.cleaning import OcrLimits, clean
from workers.stages.quotes import collect_speakers, extract_quotes
from workers.stages.summary import summarise


def plain(output: Any) -> Any:
    """A stage's output as plain JSON data (dicts and lists), as a client reads it."""
    return orjson.loads(orjson.dumps(output))


def cleaning_fields(data: bytes, content_type: str, filename: str | None = None,
                    title: str | None = None, ocr: OcrLimits | None = None) -> dict:
    doc = clean(data, content_type, filename, ocr)
    return {"document": {"title": title or doc.title, "text": doc.text,
                         "content_type": doc.content_type, "warnings": list(doc.warnings),
                         "stats": dict(doc.stats)}}


def quotes_fields(text: str) -> dict:
    quotes = extract_quotes(text)
    return {"quotes": quotes, "speakers": collect_speakers(quotes, text)}


def summary_fields(text: str, options: dict) -> dict:
    summary = summarise(text, sentences=options.get("summary_sentences", 3),
                        ratio=options.get("summary_ratio"), max_chars=options.get("summary_max_chars"))
    return {"summary": summary}
