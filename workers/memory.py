"""A pool process's memory, bounded while a stage runs rather than checked after it.

Celery's worker_max_memory_per_child replaces a pool process that grew past the limit, but only
once its task has ended: a DOCX or HTML bomb could hold gigabytes until then. Capping the data
segment (heap and anonymous mappings, RLIMIT_DATA) makes an allocation past the cap raise
MemoryError inside the stage: the job fails with that reason, the process is replaced after the
task, and other jobs go on.
"""
from __future__ import annotations

import resource

MIB = 1024 * 1024
# Room over WORKER_MAX_MEMORY_MB for the task to end cleanly; code pages (not capped) add ~30 MB.
HEADROOM = 1.05
# A stage whose peak RSS came this close to the cap ran out of memory, whatever error it raised:
# libxml2 reports a failed allocation as "XMLSyntaxError: unknown error", say.
NEAR_CAP = 0.8

_cap: int | None = None


def limit_memory(max_mb: int) -> int:
    """Cap this process's data segment at ``max_mb`` plus headroom; the cap in bytes."""
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = int(max_mb * HEADROOM * MIB)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
    global _cap
    _cap = cap
    return cap


def reset_peak() -> None:
    """Start measuring this process's peak memory afresh (before a stage runs)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM, the peak resident size
    except OSError:
        pass


def ran_out() -> bool:
    """Whether this process came up against its cap since reset_peak()."""
    if _cap is None:
        return False
    try:
        with open("/proc/self/status") as f:
            peak_kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return False
    return peak_kib * 1024 >= NEAR_CAP * _cap
