"""The job store: job records, raw inputs and stage results in Redis."""
from services.common.jobstore.store import JobStore

__all__ = ["JobStore"]
