"""An HTTP(S) POST to a URL, sent to one given address rather than to what its name resolves to.

Certificates are still checked against the URL's host name, so pinning the address takes nothing
away from TLS. Redirects are not followed: the status comes back as it is.
"""
from __future__ import annotations

import http.client
import socket
import ssl
from urllib.parse import urlsplit

# Built once: loading the system's CA store costs milliseconds.
TLS_CONTEXT = ssl.create_default_context()
# A receiver's answer body is not used; reading a little of it lets the connection close cleanly.
MAX_ANSWER_BYTES = 64 * 1024


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def connect(self) -> None:
        super().connect()
        self.sock = TLS_CONTEXT.wrap_socket(self.sock, server_hostname=self.host)


def post(url: str, address: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST ``body`` to ``url`` through ``address``; the answer's status code.

    Raises OSError (TimeoutError included) or http.client.HTTPException when the call fails.
    """
    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    conn = (_PinnedHTTPS if https else _PinnedHTTP)(parts.hostname or "", port, address, timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request("POST", target, body=body, headers=headers)
        answer = conn.getresponse()
        answer.read(MAX_ANSWER_BYTES)
        return answer.status
    finally:
        conn.close()
