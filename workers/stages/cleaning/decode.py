"""Turn the bytes of a text document (plain, Markdown, HTML) into a str, whatever the encoding."""
from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

from workers.stages.cleaning.errors import UnreadableDocument

LOGGER = logging.getLogger(__name__)

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_:.-]{1,40})", re.I)
# Browsers read these labels as Windows-1252 (WHATWG Encoding); so do we, or 0x80-0x9F bytes
# (curly quotes, dashes) would turn into invisible C1 controls.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})
# Share of control characters (NUL, bell, escape...; not tab, newline, form feed) above which a
# "text" file is taken to be binary: text has next to none, compressed or executable data ~10%.
_MAX_CONTROL_SHARE = 0.01
_MIN_BINARY_CONTROLS = 16  # a stray bell or escape in a short note is not binary data
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# charset-normalizer only needs a sample; its cost grows with the input otherwise.
_DETECT_SAMPLE_BYTES = 256 * 1024


def decode(data: bytes, charset: str | None, warnings: list[str], html: bool = False) -> str:
    """Decode with the BOM, else the declared charset, else UTF-8, else a detected encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, warnings)
    if charset is None and html:
        found = _META_CHARSET.search(data[:4096])
        charset = found.group(1).decode("ascii").lower() if found else None
    if charset:
        encoding = _codec_name(charset, warnings)
        if encoding:
            return _decode_as(data, encoding, warnings)
    try:
        return _check_not_binary(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _decode_as(data, _detect(data, warnings), warnings)


def _codec_name(charset: str, warnings: list[str]) -> str | None:
    if charset in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(charset).name
    except LookupError:
        warnings.append(f"Unknown charset {charset!r} declared; the encoding was detected instead.")
        return None


def _detect(data: bytes, warnings: list[str]) -> str:
    best = charset_normalizer.from_bytes(data[:_DETECT_SAMPLE_BYTES]).best()
    if best is None:
        warnings.append("The text encoding could not be detected; it was read as UTF-8.")
        return "utf-8"
    LOGGER.debug("detected encoding %s", best.encoding)
    return best.encoding


def _decode_as(data: bytes, encoding: str, warnings: list[str]) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        warnings.append(f"{bad} byte sequence(s) invalid in {encoding} were replaced with \ufffd.")
    return _check_not_binary(text)


def _check_not_binary(text: str) -> str:
    if _BINARY_CONTROLS.search(text) and len(_BINARY_CONTROLS.findall(text)) > max(
        _MIN_BINARY_CONTROLS, _MAX_CONTROL_SHARE * len(text)
    ):
        raise UnreadableDocument("The file looks binary, not text; check its type.")
    return text
