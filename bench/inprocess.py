"""The work itself, without the service: the three stages in a plain loop, and each stage's MB/s by size."""
from __future__ import annotations

import math
import multiprocessing
import signal
import time
from typing import Callable

from workers.outputs import cleaning_fields, quotes_fields, summary_fields
from workers.stages.cleaning import clean
from workers.stages.summary import summarise

import corpus

# Small documents are timed over several calls, so each size is measured for at least this long.
MIN_SECONDS_PER_SIZE = 0.3
# Documents timed together at each size of the scaling measure.
MIXED_DOCUMENTS = 20


def pipeline(data: bytes) -> None:
    """What a docpipe job's stages run, with the default options: the functions the tasks call
    (the quote stage lists the people quoted, too), without storing what they answer."""
    text = cleaning_fields(data, "text/plain")["document"]["text"]
    quotes_fields(text)
    summary_fields(text, {})


def loop(bodies: list[bytes]) -> dict:
    """Every document through the three stages, one after another: a sample (load.summary)."""
    times = []
    for body in bodies:
        t = time.perf_counter()
        pipeline(body)
        times.append(time.perf_counter() - t)
    return {"jobs": len(bodies), "seconds": sum(times), "latencies": times}


def loops_at_once(bodies: list[bytes], processes: int = 2) -> dict:
    """The documents shared out among ``processes`` forked loops running at once: the most this
    machine gives W processes with no service at all (two cores are not twice one when they
    share caches and memory with each other and the host). A sample (load.summary)."""
    share = [bodies[i::processes] for i in range(processes)]
    # The children die quietly when the pool ends them, not through the bench's SIGTERM handler.
    quiet = (signal.SIGTERM, signal.SIG_DFL)
    with multiprocessing.get_context("fork").Pool(processes, signal.signal, quiet) as pool:
        started = time.perf_counter()
        samples = pool.map(loop, share)
        seconds = time.perf_counter() - started
    return {"jobs": len(bodies), "seconds": seconds,
            "latencies": [t for sample in samples for t in sample["latencies"]]}


def stage_scaling(sizes: list[int]) -> dict[str, list[tuple[int, float]]]:
    """For each stage, (document bytes, MB/s) at each size; each stage gets its own input.

    Each size is timed over several different documents (up to MIXED_DOCUMENTS, about 1 MB in
    all): one 1 KB cut of one article may hold no quote at all and run five times faster than
    the next, which bent the fitted exponent.
    """
    stages: dict[str, Callable] = {
        "cleaning": lambda doc: clean(doc, "text/plain"),
        "quotes": quotes_fields,  # the quotes and the list of who is quoted, as the task runs them
        "summary": summarise,
    }
    rates: dict[str, list[tuple[int, float]]] = {name: [] for name in stages}
    for size in sizes:
        docs = corpus.sized(size, max(1, min(MIXED_DOCUMENTS, 1_000_000 // size)))
        texts = [clean(data, "text/plain").text for data in docs]
        for name, fn in stages.items():
            args = docs if name == "cleaning" else texts
            calls, seconds = _time(lambda: [fn(arg) for arg in args], sum(map(len, docs)))
            rates[name].append((size, sum(map(len, docs)) / 1e6 * calls / seconds))
    return rates


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """k in time ∝ size^k, least squares on log time against log size (MB/s → time per doc)."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(size / 1e6 / rate) for size, rate in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def _time(run: Callable[[], object], size: int) -> tuple[int, float]:
    if size < 1_000_000:
        run()  # warm caches; a large document is warm enough after its own first pages
    calls, started = 0, time.perf_counter()
    while True:
        run()
        calls += 1
        elapsed = time.perf_counter() - started
        if elapsed >= MIN_SECONDS_PER_SIZE or calls >= 1000:
            return calls, elapsed
