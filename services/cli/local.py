"""`docpipe process`: the three stages run in this process, no server; the answer has the Job's shape."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable

from services.common import formats


class StagesMissing(Exception):
    """Raised when the stage libraries are not installed (the API-only install has none)."""


def _stages(sentences: int) -> list[tuple[str, Callable[[dict, bytes, str, str], dict]]]:
    try:
        import workers.outputs as outputs
    except ImportError as exc:
        raise StagesMissing(f"`docpipe process` needs the stage libraries ({exc.name} is missing): "
                            "pip install 'docpipe[stages]'") from None
    options = {"summary_sentences": sentences}
    return [
        ("cleaning", lambda result, data, ctype, name: outputs.cleaning_fields(data, ctype, name)),
        ("quotes", lambda result, *_: outputs.plain(outputs.quotes_fields(result["document"]["text"]))),
        ("summary", lambda result, *_: outputs.plain(outputs.summary_fields(result["document"]["text"],
                                                                             options))),
    ]


def process(path: Path, data: bytes, sentences: int = 3) -> dict:
    """The Job the service would answer for this file, computed here.

    Raises formats.UnsupportedType or MislabelledDocument for a file the service would refuse.
    """
    ctype = formats.resolve(None, path.name, data)
    stages, result = [], {}
    job = {"id": None, "status": "succeeded", "stages": stages, "result": result, "error": None,
           "input": {"filename": path.name, "content_type": ctype, "bytes": len(data),
                     "sha256": hashlib.sha256(data).hexdigest()},
           "options": {"summary_sentences": sentences}}
    for name, run in _stages(sentences):
        started = time.perf_counter()
        try:
            result.update(run(result, data, ctype, path.name))
        except Exception as exc:  # a stage's own error fails this file, as it fails a job
            stages.append({"name": name, "status": "failed"})
            job["status"] = "failed"
            job["error"] = {"stage": name, "type": type(exc).__name__, "detail": str(exc) or type(exc).__name__}
            break
        stages.append({"name": name, "status": "succeeded",
                       "duration_ms": round(1000 * (time.perf_counter() - started))})
    return job
