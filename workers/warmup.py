"""Load what the stages load on first use in the worker's main process, before its pool forks.

py3langid reads its model on the first call (~1.7 s on this machine, more under load): left to
the pool processes, every one of them paid it on its first job — and again after each
replacement (worker_max_tasks_per_child) — which was enough to fail a small document under a
1 s stage limit. Forked from a warm parent, they start warm (and share the model's pages).
"""
from __future__ import annotations

import logging
import time

from workers.outputs import cleaning_fields, quotes_fields, summary_fields

LOGGER = logging.getLogger(__name__)
SAMPLE = ("Mayor Ana Ruiz said on Monday that the city would rebuild the bridge. "
          "\u201cWe will rebuild,\u201d she told reporters. The storm destroyed forty homes in the "
          "valley and closed the only road to the coast for a week.")


def warm_stages() -> None:
    """Run every stage once on a short sample."""
    started = time.perf_counter()
    text = cleaning_fields(SAMPLE.encode(), "text/plain")["document"]["text"]
    quotes_fields(text)
    summary_fields(text, {})
    LOGGER.info("stages warmed in %.0f ms", 1000 * (time.perf_counter() - started))
