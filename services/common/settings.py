"""One settings object, read from the environment, shared by the API and the workers."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

MIB = 1024 * 1024
HARD_LIMIT_GRACE_SECONDS = 10
# Between the hard time limit and the visibility timeout: time for the pool to report the kill.
VISIBILITY_MARGIN_SECONDS = 20
LOG_FORMATS = ("text", "json")


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None


def _bool(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _keys(raw: str) -> frozenset[str]:
    return frozenset(k.strip() for k in raw.split(",") if k.strip())


@dataclass(frozen=True)
class Settings:
    """Every knob of docpipe; documented with its default in the README."""

    redis_url: str = "redis://127.0.0.1:6379/0"
    api_keys: frozenset[str] = field(default_factory=frozenset)
    max_document_bytes: int = 10 * MIB
    result_ttl_seconds: int = 7 * 24 * 3600
    stage_time_limit_seconds: int = 120
    # Uploads up to this size run all their stages in the task of the first (a few ms each:
    # queueing each stage costs more than it does); larger ones queue each stage apart.
    inline_max_bytes: int = MIB
    visibility_timeout_seconds: int = 0  # 0: derived from the stage time limit
    max_queued_jobs: int = 10_000
    max_waiting_requests: int = 100
    body_timeout_seconds: int = 30
    max_deliveries: int = 3
    worker_max_memory_mb: int = 1024
    unacked_restore_interval_seconds: int = 5
    reconcile_interval_seconds: int = 30
    webhook_secret: str = ""
    webhook_timeout_seconds: int = 10
    webhook_allow_private: bool = False
    log_level: str = "INFO"
    log_format: str = "text"  # "json": one JSON object per line
    metrics_key: str = ""  # set: /metrics needs "Authorization: Bearer <key>"
    ocr_max_pages: int = 20
    ocr_time_budget_seconds: int = 60

    def __post_init__(self) -> None:
        if self.log_format not in LOG_FORMATS:
            raise ValueError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, got {self.log_format!r}")
        if not self.visibility_timeout_seconds:
            # Above the hard limit (soft + HARD_LIMIT_GRACE_SECONDS), so a slow stage that is
            # still running is not handed to a second worker.
            derived = self.hard_time_limit_seconds + VISIBILITY_MARGIN_SECONDS
            object.__setattr__(self, "visibility_timeout_seconds", derived)

    @property
    def hard_time_limit_seconds(self) -> int:
        return self.stage_time_limit_seconds + HARD_LIMIT_GRACE_SECONDS

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            redis_url=os.environ.get("REDIS_URL", cls.redis_url),
            api_keys=_keys(os.environ.get("DOCPIPE_API_KEYS", "")),
            max_document_bytes=_int("MAX_DOCUMENT_BYTES", cls.max_document_bytes),
            result_ttl_seconds=_int("RESULT_TTL_SECONDS", cls.result_ttl_seconds),
            stage_time_limit_seconds=_int("STAGE_TIME_LIMIT_SECONDS", cls.stage_time_limit_seconds),
            inline_max_bytes=_int("INLINE_MAX_BYTES", cls.inline_max_bytes),
            visibility_timeout_seconds=_int("VISIBILITY_TIMEOUT_SECONDS", 0),
            max_queued_jobs=_int("MAX_QUEUED_JOBS", cls.max_queued_jobs),
            max_waiting_requests=_int("MAX_WAITING_REQUESTS", cls.max_waiting_requests),
            body_timeout_seconds=_int("BODY_TIMEOUT_SECONDS", cls.body_timeout_seconds),
            max_deliveries=_int("MAX_DELIVERIES", cls.max_deliveries),
            worker_max_memory_mb=_int("WORKER_MAX_MEMORY_MB", cls.worker_max_memory_mb),
            unacked_restore_interval_seconds=_int(
                "UNACKED_RESTORE_INTERVAL_SECONDS", cls.unacked_restore_interval_seconds
            ),
            reconcile_interval_seconds=_int("RECONCILE_INTERVAL_SECONDS",
                                            cls.reconcile_interval_seconds),
            webhook_secret=os.environ.get("WEBHOOK_SECRET", ""),
            webhook_timeout_seconds=_int("WEBHOOK_TIMEOUT_SECONDS", cls.webhook_timeout_seconds),
            webhook_allow_private=_bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS"),
            log_level=os.environ.get("LOG_LEVEL", cls.log_level).upper(),
            log_format=os.environ.get("LOG_FORMAT", cls.log_format).strip().lower() or cls.log_format,
            metrics_key=os.environ.get("METRICS_KEY", "").strip(),
            ocr_max_pages=_int("OCR_MAX_PAGES", cls.ocr_max_pages),
            ocr_time_budget_seconds=_int("OCR_TIME_BUDGET_SECONDS", cls.ocr_time_budget_seconds),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings.from_env()
