"""What docpipe measures, shared by the code that counts (workers, API) and the code that reports.

Every figure is a field of one Redis hash (the job store's stats hash), so all workers and API
replicas add to the same numbers and any replica reports them. A histogram is one counter per
bucket, each counting only the observations that fall in it (the smallest upper bound at or above
the value), plus a sum in milliseconds; the reporter adds the buckets up into Prometheus's
cumulative form. Labels are joined with "|" into the field name (no label value holds one).
Not prometheus_client's multiprocess mode: its files are shared only by processes of one host, so
API replicas and worker containers would each report their own part, and its counts could not be
written in the same transaction as the job change they count.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

SEPARATOR = "|"
INF = "+Inf"


@dataclass(frozen=True)
class HistogramSpec:
    """A histogram's stats-hash prefix and upper bounds in seconds (+Inf is implied)."""

    prefix: str
    bounds: tuple[float, ...]

    def bucket(self, seconds: float) -> str:
        """The label of the one bucket that ``seconds`` is counted in."""
        index = bisect_left(self.bounds, seconds)
        return INF if index == len(self.bounds) else _label(self.bounds[index])

    @property
    def labels(self) -> list[str]:
        """Every bucket's label, smallest bound first, +Inf last."""
        return [*map(_label, self.bounds), INF]

    def fields(self, labels: tuple[str, ...], seconds: float) -> tuple[str, str]:
        """(bucket field, sum field) to increment for one observation with these label values."""
        base = field(self.prefix, *labels)
        return field(base, self.bucket(seconds)), field(base, "sum_ms")


def field(*parts: str) -> str:
    return SEPARATOR.join(parts)


def _label(bound: float) -> str:
    return repr(float(bound))


# Job latency: from the POST that created the job to its last transition.
JOB_SECONDS = HistogramSpec("h:job", (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600))
# One stage run: from the stage's start to its output stored (or its failure).
STAGE_SECONDS = HistogramSpec("h:stage", (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
                                          10, 30, 60, 120))
# One HTTP request, as the API process timed it (a long-poll counts its wait).
HTTP_SECONDS = HistogramSpec("h:http", (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
                                        10, 30, 60))

# Counters (field prefixes; label values follow, joined by SEPARATOR).
HTTP_REQUESTS = "http"           # method | route | status
REJECTIONS = "rejected"          # status | reason
WEBHOOKS = "webhook"             # outcome
IN_FLIGHT = "inflight"           # status (a gauge: queued, running)
IN_FLIGHT_STATUSES = ("queued", "running")
WEBHOOK_OUTCOMES = ("delivered", "retried", "failed")
# A worker that has not refreshed its heartbeat for this long is counted as gone.
WORKER_HEARTBEAT_SECONDS = 5
WORKER_STALE_SECONDS = 3 * WORKER_HEARTBEAT_SECONDS
