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

    The host is read as the resolver reads it — `localhost.` is localhost, and `2130706433`,
    `0x7f000001`, `0177.1` and `0` are IPv4 addresses — so no spelling of a loopback or private
    address gets past; the worker resolves names once before each call with callback_address().
    """
    host = (urlsplit(url).hostname or "").rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "the callback URL points at this host"
    address = literal_address(host)
    return _non_public(address) if address is not None else None


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as a number stands for, in any form inet_aton accepts."""
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    if not host or not all(part.isalnum() for part in host.split(".")) or not host[0].isdigit():
        return None  # a name: only DNS can say where it points
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
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
