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


def limit_memory(max_mb: int) -> int:
    """Cap this process's data segment at ``max_mb`` plus headroom; the cap in bytes."""
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = int(max_mb * HEADROOM * MIB)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
    return cap
