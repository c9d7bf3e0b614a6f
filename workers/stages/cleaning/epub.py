"""Chapters of an EPUB in reading (spine) order, each chapter's blocks as paragraphs.

Read with zipfile and lxml: container.xml names the package document, whose spine lists the
chapters. (EbookLib, the usual library, is AGPL — not for a service we ship.)
"""
from __future__ import annotations

import posixpath
import zipfile
from urllib.parse import unquote

import lxml.etree
import lxml.html

from workers.stages.cleaning.archive import open_archive, read_xml
from workers.stages.cleaning.errors import UnreadableDocument
from workers.stages.cleaning.html_dense import text_blocks

_CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
_OPF = "http://www.idpf.org/2007/opf"
_DC = "http://purl.org/dc/elements/1.1/"
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_WHAT = "EPUB e-book"
_HTML_PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True,
                                    no_network=True)


def epub_paragraphs(data: bytes) -> tuple[list[str], str | None]:
    """The text blocks of every chapter in spine order, and the book's title."""
    with open_archive(data, _WHAT, "META-INF/container.xml") as archive:
        package_path = _package_path(archive)
        package = read_xml(archive, package_path, _WHAT)
        paragraphs = []
        for chapter in _spine(package, posixpath.dirname(package_path)):
            paragraphs.extend(_chapter_blocks(archive, chapter))
    title = package.findtext(f".//{{{_DC}}}title")
    return paragraphs, " ".join((title or "").split()) or None


def _package_path(archive: zipfile.ZipFile) -> str:
    container = read_xml(archive, "META-INF/container.xml", _WHAT)
    rootfile = container.find(f".//{{{_CONTAINER}}}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise UnreadableDocument("The EPUB is damaged: its container names no package document.")
    return rootfile.get("full-path")


def _spine(package: lxml.etree._Element, folder: str) -> list[str]:
    """Archive paths of the spine's chapters, skipping items marked as outside the reading order."""
    manifest = {item.get("id"): item for item in package.iter(f"{{{_OPF}}}item")}
    chapters = []
    for ref in package.iter(f"{{{_OPF}}}itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no" or item.get("media-type") not in _CHAPTER_TYPES:
            continue
        href = unquote(item.get("href", "").split("#")[0])
        chapters.append(posixpath.normpath(posixpath.join(folder, href)))
    return chapters


def _chapter_blocks(archive: zipfile.ZipFile, path: str) -> list[str]:
    try:
        source = archive.read(path)
    except KeyError:
        return []  # a spine entry without its file: keep the chapters that are there
    if not source.strip():
        return []
    body = lxml.html.document_fromstring(source, parser=_HTML_PARSER).find("body")
    return text_blocks(body) if body is not None else []
