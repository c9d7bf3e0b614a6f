"""ZIP-based formats (DOCX, ODT, EPUB, PPTX): opened only after checking the archive is no bomb."""
from __future__ import annotations

import io
import zipfile
import zlib

import lxml.etree

from workers.stages.cleaning.errors import DocumentTooLarge, UnreadableDocument, UnsupportedFormat

# Limits on what a container may unpack to. Office and e-book files are mostly compressed XML at
# 5-20x; a novel with images stays far below these. Bombs reach ratios in the thousands.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 150
_RATIO_FLOOR_BYTES = 1024 * 1024  # tiny parts compress absurdly well and are harmless
# What reading a member of a broken, encrypted or exotically compressed archive raises.
ZIP_ERRORS = (KeyError, ValueError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile,
              zipfile.LargeZipFile, zlib.error)
# No entities resolved, nothing fetched: the XML of an upload is untrusted.
XML_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                                  remove_pis=True)


def open_archive(data: bytes, what: str, required: str) -> zipfile.ZipFile:
    """The archive, once its size, entry count and compression ratios are within limits.

    ``what`` names the format in messages ("Word document"); ``required`` is a part every file
    of the format has.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"The {what} is damaged: it is not a readable ZIP archive.") from exc
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise DocumentTooLarge(f"The {what} holds {len(entries):,} files; the limit is {MAX_ZIP_ENTRIES:,}.")
    if required not in archive.namelist():
        raise UnsupportedFormat(f"The ZIP archive is not a {what} (it has no {required}).")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentTooLarge(f"The {what} unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}.")
    for entry in entries:
        ratio = entry.file_size // max(1, entry.compress_size)
        if entry.file_size > _RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise DocumentTooLarge(f"The {what} is a compression bomb ({entry.filename} expands {ratio}x).")
    return archive


def read_xml(archive: zipfile.ZipFile, name: str, what: str) -> lxml.etree._Element:
    """Parse one XML part of the archive; a missing or broken part makes the file unreadable."""
    try:
        return lxml.etree.fromstring(archive.read(name), parser=XML_PARSER)
    except (*ZIP_ERRORS, lxml.etree.XMLSyntaxError) as exc:
        raise UnreadableDocument(f"The {what} is damaged: {name} could not be read ({exc}).") from exc
