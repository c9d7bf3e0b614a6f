"""Clients that trickle their bodies neither stall the API nor hold their connection for ever."""
import socket
import time

import pytest
import requests

from tests.e2e.conftest import running_service

pytestmark = pytest.mark.e2e
SLOW_CLIENTS = 100  # three times the threads the API had before it ran gevent workers


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("slow"), BODY_TIMEOUT_SECONDS="3") as svc:
        yield svc


def slow_client(url: str) -> socket.socket:
    host, port = url[7:].split(":")
    sock = socket.create_connection((host, int(port)), timeout=20)
    sock.sendall(b"POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                 b"Content-Length: 100000\r\n\r\nsome")
    return sock


def test_slow_clients_do_not_stall_others_and_are_cut_off(service):
    socks = [slow_client(service.url) for _ in range(SLOW_CLIENTS)]
    try:
        for _ in range(10):
            assert requests.get(f"{service.url}/healthz", timeout=3).ok
        accepted = requests.post(f"{service.url}/v1/jobs", json={"text": "A normal request."}, timeout=3)
        assert accepted.status_code == 202
        answer = socks[0].recv(4096)  # after BODY_TIMEOUT_SECONDS
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"application/problem+json" in answer
    finally:
        for sock in socks:
            sock.close()
