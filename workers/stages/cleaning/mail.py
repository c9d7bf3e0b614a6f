"""An e-mail message (.eml, MIME): its subject and the body a mail client would show."""
from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import cast

_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|sv|wg)\s*:\s*)+", re.I)
_MAX_LISTED_ATTACHMENTS = 20


@dataclass(slots=True)
class Mail:
    """A message's subject, its body (HTML preferred, as clients show it) and its attachments."""

    subject: str | None
    body: str
    html: bool
    attachments: list[str] = field(default_factory=list)


def read_mail(data: bytes) -> Mail:
    """Parse a message; the body is the HTML part if there is one, else the plain-text part."""
    message = cast(EmailMessage, email.message_from_bytes(data, policy=email.policy.default))
    subject = _REPLY_PREFIX.sub("", " ".join(str(message.get("subject", "")).split())) or None
    part = message.get_body(preferencelist=("html", "plain"))
    body = _content(part) if part is not None else ""
    html = part is not None and part.get_content_subtype() == "html"
    attachments = [a.get_filename() or a.get_content_type() for a in message.iter_attachments()]
    return Mail(subject, body, html, attachments)


def attachments_warning(names: list[str]) -> str:
    """The warning that lists attachments left unread."""
    listed = ", ".join(names[:_MAX_LISTED_ATTACHMENTS])
    more = f" and {len(names) - _MAX_LISTED_ATTACHMENTS} more" if len(names) > _MAX_LISTED_ATTACHMENTS else ""
    return f"The e-mail's {len(names)} attachment(s) were not processed: {listed}{more}."


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or wrong charset: decode what is there
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""
