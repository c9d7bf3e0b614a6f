"""Webhooks: a finished job calls its callback URL, signed, and retries when the receiver fails."""
import json
import queue
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from services.common import webhooks
from tests.e2e.conftest import WEBHOOK_SECRET

pytestmark = pytest.mark.e2e


class Receiver:
    """An HTTP endpoint that answers the queued status codes in turn (then 200) and keeps every call."""

    def __init__(self):
        self.calls: queue.Queue = queue.Queue()
        self.answers: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls.put((dict(self.headers), body))
                self.send_response(receiver.answers.pop(0) if receiver.answers else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next_call(self, job_id, timeout=30):
        """The next call about ``job_id``; calls about other jobs of the module are passed over."""
        while True:
            headers, body = self.calls.get(timeout=timeout)
            if json.loads(body)["id"] == job_id:
                return headers, body, json.loads(body)


@pytest.fixture(scope="module")
def receiver(service):
    service.start_worker("hooks")
    recv = Receiver()
    yield recv
    recv.server.shutdown()
    recv.server.server_close()


def test_finished_job_calls_back_signed(service, receiver):
    job = service.submit(json={"text": "“It works,” the engineer said.", "callback_url": receiver.url})
    headers, body, payload = receiver.next_call(job["id"])
    done = service.wait(job["id"])
    assert payload == {"event": "job.finished", "id": job["id"], "status": "succeeded", "error": None,
                       "updated_at": payload["updated_at"], "href": f"/v1/jobs/{job['id']}"}
    assert payload["updated_at"] >= job["created_at"]
    assert webhooks.verify(WEBHOOK_SECRET, headers["Docpipe-Signature"], body)
    assert not webhooks.verify("another-secret", headers["Docpipe-Signature"], body)
    assert done["callback_url"] == receiver.url


def test_failed_job_calls_back_and_a_failing_receiver_is_retried(service, receiver):
    receiver.answers = [503]
    job = service.submit(data=b"%PDF-1.7\nnot a real PDF\n%%EOF", headers={"Content-Type": "application/pdf"},
                         params={"callback_url": receiver.url})
    _, _, first = receiver.next_call(job["id"])
    _, _, second = receiver.next_call(job["id"], timeout=40)
    assert first["status"] == second["status"] == "failed"
    assert second["error"]["stage"] == "cleaning"
    record = webhook_record(service, job["id"], attempts=2)
    assert record["delivered"] and record["status_code"] == 200


def webhook_record(service, job_id, attempts, timeout=10.0):
    """The job's webhook record once it counts ``attempts``: the worker writes it only after the
    receiver has answered, so it can trail the call the receiver saw."""
    deadline = time.monotonic() + timeout
    while True:
        record = requests.get(f"{service.url}/v1/jobs/{job_id}", timeout=10).json()["webhook"]
        if (record and record["attempts"] >= attempts) or time.monotonic() > deadline:
            assert record and record["attempts"] == attempts, record
            return record
        time.sleep(0.05)

