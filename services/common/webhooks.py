"""Webhook payloads, signatures and the address rule, shared by the API, the workers and clients."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import socket
import time
from urllib.parse import urlsplit

from services.common.jobs import Job

EVENT = "job.finished"
# A signature older than this is refused by verify(): a captured call cannot be replayed later.
SIGNATURE_TOLERANCE_SECONDS = 300


def payload(job: Job) -> dict:
    """What a callback receives: enough to act on, with the results one GET away."""
    return {"event": EVENT, "id": job.id, "status": job.status.value, "error": job.error,
            "updated_at": job.updated_at, "href": f"/v1/jobs/{job.id}"}


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The Docpipe-Signature header: `t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">`."""
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, now: float | None = None) -> bool:
    """Check a Docpipe-Signature header against the body and the current time."""
    parts = dict(item.strip().split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
        given = parts["v1"].encode()
    except (KeyError, ValueError, UnicodeEncodeError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > SIGNATURE_TOLERANCE_SECONDS:
        return False
    return hmac.compare_digest(_digest(secret, timestamp, body).encode(), given)


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def forbidden_address(url: str, resolve: bool = True) -> str | None:
    """Why a callback URL must not be called (it reaches this host or a private network), or None.

    Without ``resolve`` only literal addresses and 'localhost' are judged (the API's quick check);
    the worker resolves the name before each call.
    """
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return "the callback URL points at this host"
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        if not resolve:
            return None
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except OSError:
            return None  # unresolvable: the call itself will fail and be retried
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if not address.is_global or address.is_multicast:
            return f"the callback URL resolves to a non-public address ({address})"
    return None
