"""Webhook signatures, the address rule and the retry schedule."""
import time

import pytest

from services.common import webhooks
from services.common.settings import Settings
from workers import webhooks as sender

BODY = b'{"event": "job.finished", "id": "abc", "status": "succeeded"}'


def test_signature_round_trip_and_tampering():
    header = webhooks.sign("s3cret", int(time.time()), BODY)
    assert webhooks.verify("s3cret", header, BODY)
    assert webhooks.verify("s3cret", header.replace(",", ", "), BODY)  # spacing does not matter
    assert not webhooks.verify("s3cret", header, BODY.replace(b"succeeded", b"failed"))
    assert not webhooks.verify("other", header, BODY)
    assert not webhooks.verify("s3cret", "v1=deadbeef", BODY)
    assert not webhooks.verify("s3cret", "t=1,v1=é", BODY)


def test_old_signatures_are_refused():
    sent = int(time.time()) - webhooks.SIGNATURE_TOLERANCE_SECONDS - 5
    header = webhooks.sign("s3cret", sent, BODY)
    assert not webhooks.verify("s3cret", header, BODY)
    assert webhooks.verify("s3cret", header, BODY, now=sent + 1)


@pytest.mark.parametrize("url,allowed", [
    ("https://example.org/hook", True), ("http://93.184.216.34/hook", True),
    ("http://127.0.0.1:8000/", False), ("http://localhost/", False), ("http://api.localhost/", False),
    ("http://192.168.1.20/", False), ("http://172.16.0.1/", False), ("http://169.254.169.254/", False),
    ("http://[fd00::1]/", False), ("http://0.0.0.0/", False), ("http://224.0.0.1/", False),
])
def test_forbidden_addresses(url, allowed):
    assert (webhooks.forbidden_address(url, resolve=False) is None) is allowed


def test_names_are_resolved_before_calling(monkeypatch):
    monkeypatch.setattr(webhooks.socket, "getaddrinfo",
                        lambda *a, **k: [(2, 1, 6, "", ("10.1.2.3", 0))])
    assert "10.1.2.3" in webhooks.forbidden_address("https://internal.example/hook")
    assert webhooks.forbidden_address("https://internal.example/hook", resolve=False) is None


def test_retries_back_off_but_stay_under_the_visibility_timeout(monkeypatch):
    monkeypatch.setattr(sender, "get_settings", lambda: Settings(visibility_timeout_seconds=100))
    waits = [sender.retry_countdown(a) for a in range(1, 8)]
    assert waits == sorted(waits) and waits[0] == sender.BACKOFF_BASE_SECONDS
    assert max(waits) == 90


def test_delivery_to_a_private_address_is_refused_without_calling(monkeypatch):
    monkeypatch.setattr(sender, "get_settings", lambda: Settings())
    monkeypatch.setattr(sender._OPENER, "open", lambda *a, **k: pytest.fail("must not connect"))
    status, reason = sender.deliver("http://127.0.0.1:9/hook", BODY)
    assert status is None and "non-public" in reason
