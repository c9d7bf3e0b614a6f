"""Webhook payloads, signatures and the address rule, shared by the API, the workers and clients."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import socket
import time
from urllib.parse import urlsplit

from services.common.errors import ForbiddenCallback
from services.common.jobs import Job

__all__ = ["ForbiddenCallback", "callback_address", "forbidden_address", "payload", "sign", "verify"]

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


def forbidden_address(url: str) -> str | None:
    """Why a callback URL must not be called, judged without DNS (the API's quick check), or None.

    Only literal addresses and 'localhost' are judged here; the worker resolves the name once
    before each call with callback_address().
    """
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return "the callback URL points at this host"
    try:
        return _non_public(ipaddress.ip_address(host))
    except ValueError:
        return None


def callback_address(url: str, allow_private: bool = False) -> str:
    """The one address a callback is sent to: the URL's host resolved once and checked.

    The caller connects to this address rather than to the name, so a name that resolves to a
    public address for the check and to a private one for the call (DNS rebinding) gets nowhere.
    Raises ForbiddenCallback, or OSError when the name does not resolve.
    """
    if not allow_private and (reason := forbidden_address(url)):
        raise ForbiddenCallback(reason)
    host = urlsplit(url).hostname or ""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not allow_private:
        for address in addresses:
            if reason := _non_public(address):
                raise ForbiddenCallback(reason)
    return str(addresses[0])


def _non_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if not address.is_global or address.is_multicast:
        return f"the callback URL resolves to a non-public address ({address})"
    return None
