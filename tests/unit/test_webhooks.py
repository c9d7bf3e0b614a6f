"""Webhook signatures, the address rule and the retry schedule."""
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from services.common import webhooks
from services.common.settings import Settings
from workers import pinned_http
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
    assert (webhooks.forbidden_address(url) is None) is allowed


def resolving_to(monkeypatch, *answers):
    """Make each lookup return the next address in turn; the list of looked-up names."""
    lookups = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:  # socket.create_connection looking up an address literal
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        return [(2, 1, 6, "", (answers[min(len(lookups), len(answers)) - 1], port or 0))]

    real_getaddrinfo = webhooks.socket.getaddrinfo

    monkeypatch.setattr(webhooks.socket, "getaddrinfo", getaddrinfo)
    return lookups


def test_names_are_resolved_and_checked(monkeypatch):
    resolving_to(monkeypatch, "10.1.2.3")
    with pytest.raises(webhooks.ForbiddenCallback, match="10.1.2.3"):
        webhooks.callback_address("https://internal.example/hook")
    assert webhooks.forbidden_address("https://internal.example/hook") is None  # no DNS in the API
    assert webhooks.callback_address("https://internal.example/hook", allow_private=True) == "10.1.2.3"


def test_retries_back_off_but_stay_under_the_visibility_timeout(worker_context):
    worker_context(Settings(visibility_timeout_seconds=100))
    waits = [sender.retry_countdown(a) for a in range(1, 8)]
    assert waits == sorted(waits) and waits[0] == sender.BACKOFF_BASE_SECONDS
    assert max(waits) == 90


def test_delivery_to_a_private_address_is_refused_without_calling(worker_context, monkeypatch):
    worker_context(Settings())
    monkeypatch.setattr(pinned_http, "post", lambda *a, **k: pytest.fail("must not connect"))
    status, reason = sender.deliver("http://127.0.0.1:9/hook", BODY)
    assert status is None and "non-public" in reason


def test_the_call_goes_to_the_address_that_was_checked(worker_context, monkeypatch):
    # DNS rebinding: the name is public when checked and private when the call connects.
    worker_context(Settings())
    lookups = resolving_to(monkeypatch, "93.184.216.34", "127.0.0.1")
    connected = []

    def create_connection(address, *args, **kwargs):
        connected.append(address)
        raise ConnectionRefusedError

    monkeypatch.setattr(pinned_http.socket, "create_connection", create_connection)
    assert sender.deliver("http://hooks.example:8080/hook", BODY) == (None, "could not connect")
    assert lookups == ["hooks.example"] and connected == [("93.184.216.34", 8080)]


class Receiver(BaseHTTPRequestHandler):
    calls: list = []
    answer = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.calls.append((self.path, self.headers["Host"], body))
        self.send_response(Receiver.answer)
        self.send_header("Location", "http://127.0.0.1:1/elsewhere")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(worker_context, monkeypatch):
    """A local receiver reached through the name hooks.example; yields (server, base URL)."""
    worker_context(Settings(webhook_allow_private=True))
    resolving_to(monkeypatch, "127.0.0.1")
    Receiver.calls, Receiver.answer = [], 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"hooks.example:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_delivery_posts_to_the_url_and_does_not_follow_redirects(receiver):
    _, host = receiver
    assert sender.deliver(f"http://{host}/hook?team=7", BODY) == (200, None)
    Receiver.answer = 302
    assert sender.deliver(f"http://{host}/hook?team=7", BODY) == (302, "HTTP 302")
    assert Receiver.calls == [("/hook?team=7", host, BODY)] * 2


def test_tls_is_checked_against_the_url_host_not_the_address(receiver, monkeypatch):
    server, host = receiver
    ca = trustme.CA()
    ca.issue_cert("hooks.example").configure_cert(tls := ssl.create_default_context(ssl.Purpose.CLIENT_AUTH))
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    client = ssl.create_default_context()
    monkeypatch.setattr(pinned_http, "TLS_CONTEXT", client)
    assert sender.deliver(f"https://{host}/hook", BODY) == (None, "could not connect")  # CA unknown
    ca.configure_trust(client)
    assert sender.deliver(f"https://{host}/hook", BODY) == (200, None)
    assert Receiver.calls == [("/hook", host, BODY)]
