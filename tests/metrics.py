"""Reading /metrics as Prometheus does: with prometheus_client's own text parser."""
from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

Samples = dict[tuple[str, frozenset], float]


def parse(text: str) -> Samples:
    """Every sample of a scrape, keyed by (sample name, its labels)."""
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    """One sample's value; 0 when the scrape does not have it (a series nothing has touched)."""
    return samples.get((name, frozenset(labels.items())), 0.0)


def buckets(samples: Samples, name: str, **labels: str) -> list[tuple[float, float]]:
    """A histogram series' (upper bound, cumulative count) pairs, smallest bound first."""
    want = set(labels.items())
    rows = [(float(dict(key)["le"]), v) for (sample, key), v in samples.items()
            if sample == f"{name}_bucket" and want <= set(key) and len(key) == len(want) + 1]
    return sorted(rows)


def assert_consistent(samples: Samples, name: str, **labels: str) -> float:
    """Buckets never decrease and +Inf equals _count; returns the count."""
    rows = buckets(samples, name, **labels)
    assert rows, f"no {name} series with {labels}"
    counts = [c for _, c in rows]
    assert counts == sorted(counts), rows
    assert rows[-1][0] == float("inf") and counts[-1] == value(samples, f"{name}_count", **labels)
    return counts[-1]
