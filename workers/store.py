"""The workers' JobStore, one per process, built from the shared settings."""
from functools import lru_cache

import redis

from services.common.jobstore import JobStore
from services.common.settings import get_settings

# Redis errors worth retrying: the server restarting, a network blip, a concurrent update.
TRANSIENT = (redis.ConnectionError, redis.TimeoutError, redis.WatchError)


@lru_cache(maxsize=1)
def store() -> JobStore:
    settings = get_settings()
    return JobStore.from_url(settings.redis_url, settings.result_ttl_seconds)
