"""The one settings object: read from the environment, with documented defaults."""
import pytest

from services.common.pipeline import celery_config
from services.common.settings import HARD_LIMIT_GRACE_SECONDS, Settings


def test_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache:6380/2")
    monkeypatch.setenv("DOCPIPE_API_KEYS", " k1, k2 ,,")
    monkeypatch.setenv("MAX_DOCUMENT_BYTES", "2048")
    monkeypatch.setenv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "yes")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    s = Settings.from_env()
    assert (s.redis_url, s.api_keys, s.max_document_bytes) == ("redis://cache:6380/2", {"k1", "k2"}, 2048)
    assert s.webhook_allow_private and s.log_level == "DEBUG"


def test_bad_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("STAGE_TIME_LIMIT_SECONDS", "two minutes")
    with pytest.raises(ValueError, match="STAGE_TIME_LIMIT_SECONDS"):
        Settings.from_env()


def test_visibility_timeout_stays_above_the_hard_time_limit():
    s = Settings(stage_time_limit_seconds=300)
    assert s.hard_time_limit_seconds == 300 + HARD_LIMIT_GRACE_SECONDS
    assert s.visibility_timeout_seconds > s.hard_time_limit_seconds
    assert Settings(visibility_timeout_seconds=7).visibility_timeout_seconds == 7


def test_celery_gets_the_reliability_settings():
    conf = celery_config(Settings(stage_time_limit_seconds=60, unacked_restore_interval_seconds=2))
    assert conf["task_acks_late"] and conf["task_reject_on_worker_lost"]
    assert conf["worker_prefetch_multiplier"] == 1 and conf["accept_content"] == ["json"]
    assert (conf["task_soft_time_limit"], conf["task_time_limit"]) == (60, 60 + HARD_LIMIT_GRACE_SECONDS)
    transport = conf["broker_transport_options"]
    assert transport["visibility_timeout"] > conf["task_time_limit"]
    assert (transport["unacked_restore_interval"], transport["unacked_restore_throttle"]) == (2, 1)
