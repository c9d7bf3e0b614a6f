"""What each stage adds to a job's ``result``: the stage functions' answers as JSON-ready fields.

A stage's output is a mapping of result fields — cleaning gives ``document``, quotes gives
``quotes`` and ``speakers``, summary gives ``summary`` — so the tasks and ``docpipe process``
(which runs the stages in process) answer the same shape.
"""
from __future__ import annotations

from typing import Any

from workers.stages.cleaning import OcrLimits, clean
from workers.stages.quotes import collect_speakers, extract_quotes
from workers.stages.summary import summarise


def plain(obj: Any) -> Any:
    """A result dataclass as plain JSON-ready data.

    Not dataclasses.asdict, which deep-copies every leaf: that took longer than extracting the
    quotes of a news article.
    """
    if isinstance(obj, (list, tuple)):
        return [plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: plain(value) for key, value in obj.items()}
    names = getattr(type(obj), "__dataclass_fields__", None)
    if names is None:
        return obj
    return {name: plain(getattr(obj, name)) for name in names}


def cleaning_fields(data: bytes, content_type: str, filename: str | None = None,
                    title: str | None = None, ocr: OcrLimits | None = None) -> dict:
    doc = clean(data, content_type, filename, ocr)
    return {"document": {"title": title or doc.title, "text": doc.text,
                         "content_type": doc.content_type, "warnings": list(doc.warnings),
                         "stats": dict(doc.stats)}}


def quotes_fields(text: str) -> dict:
    quotes = extract_quotes(text)
    return {"quotes": [plain(q) for q in quotes],
            "speakers": [plain(s) for s in collect_speakers(quotes, text)]}


def summary_fields(text: str, options: dict) -> dict:
    summary = summarise(text, sentences=options.get("summary_sentences", 3),
                        ratio=options.get("summary_ratio"), max_chars=options.get("summary_max_chars"))
    return {"summary": plain(summary)}
