"""Main text of a web page: trafilatura in precision mode, with a recall-mode fallback."""
from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from workers.stages.cleaning.errors import DocumentTooLarge, UnreadableDocument
from workers.stages.cleaning.html_dense import dense_text

LOGGER = logging.getLogger(__name__)

# trafilatura has no timeout (its issue 704) and its cost grows with the tree: refuse trees
# beyond this many elements. The benchmark pages have at most ~12k; a 10 MB article page ~150k.
MAX_HTML_ELEMENTS = 400_000
# Below this many characters the precision-mode text is taken as a miss and recall mode is
# tried; chosen on the benchmark pages (see bench/cleaning.py).
MIN_MAIN_TEXT_CHARS = 250
# Precision mode drops the blocks it is unsure of. On the benchmark's dev pages it kept at least
# 60% of the prose the linear extractor finds in the page's main block (and 57% of recall mode).
# When it keeps less than LOST_ARTICLE_SHARE of it, two independent methods disagree about where
# the article is, and the short answer is the suspect one: a fragment (a lead, a caption block)
# passes every precision filter while the body sits in markup trafilatura discarded. A fallback
# then costs a little precision; keeping the fragment costs most of the article and its quotes.
# Recall mode is preferred when it agrees with the main block (trafilatura's text is cleaner).
LOST_ARTICLE_SHARE = 0.35
# Below an article's worth of prose in the main block there is no lost article to notice (and a
# short page's main block may well be its comments).
MIN_ARTICLE_CHARS = 1000
# Pages with more visible text than this go to the linear extractor (html_dense.py):
# trafilatura's pruning is quadratic in the number of paragraphs (1 MB of article text takes
# ~0.2 s, 10 MB ~3.5 s). The largest benchmark page has 31k characters of text, a long-read
# 30-80k; 200k (~35,000 words) leaves every real article to trafilatura, whose F1 is higher.
DENSE_PAGE_TEXT_CHARS = 200_000
MAX_HTML_DEPTH = 256  # libxml2's own limit without XML_PARSE_HUGE (which lifts other limits too)
_TEXT_LENGTH = lxml.etree.XPath("string-length(.)")
_HIDDEN_TAGS = ("script", "style", "noscript", "template")
_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                               remove_comments=True, remove_pis=True)
_TITLE_META = ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content')
_MAX_TITLE_CHARS = 300
# Social posts embedded in an article (tweets and the like) are quoted statements, which quote
# extraction needs; trafilatura drops them with share buttons, by their "social"/"embed" classes.
_EMBEDDED_POST = re.compile(r"twitter-tweet|instagram-media|bluesky-embed|tiktok-embed|threads-embed")
_SOCIAL_WRAPPER = re.compile(r"social|embed|share|tweet|twitter", re.I)
_WRAPPER_LEVELS = 3


def extract(html: str, warnings: list[str]) -> tuple[str, str | None]:
    """Blocks of main text, one per line (trafilatura's text output), and the page title."""
    source = html.encode("utf-8", "replace")
    tree = _parse(source)
    title = page_title(tree)
    if len(source) > DENSE_PAGE_TEXT_CHARS and _visible_chars(tree) > DENSE_PAGE_TEXT_CHARS:
        LOGGER.debug("%d bytes of text-dense HTML; using the linear extractor", len(source))
        return dense_text(tree), title
    dense = dense_text(tree)  # before trafilatura, which prunes the tree it is given
    _expose_embedded_posts(tree)
    text = _extract(tree, favor_precision=True)
    recall = None
    if len(text) < MIN_MAIN_TEXT_CHARS:
        LOGGER.debug("precision extraction gave %d chars; trying recall mode", len(text))
        # trafilatura prunes the tree it is given, so recall mode needs a fresh parse.
        recall = _extract(_parse(source), favor_recall=True)
        text = recall if len(recall) > len(text) else text
    if len(dense) >= MIN_ARTICLE_CHARS and len(text) < LOST_ARTICLE_SHARE * len(dense):
        text = _fuller(text, recall if recall is not None else _extract(_parse(source), favor_recall=True),
                       dense, warnings)
    return text, title


def _fuller(text: str, recall: str, dense: str, warnings: list[str]) -> str:
    """The extraction to keep when the chosen one looks like a fragment of the article."""
    fuller, how = (recall, "recall-mode") if len(recall) >= LOST_ARTICLE_SHARE * len(dense) else (
        dense, "main-block")
    LOGGER.debug("extraction kept %d of %d chars; using the %s text", len(text), len(dense), how)
    warnings.append(f"The main-text extraction kept {len(text):,} characters where the page's main "
                    f"block holds {len(dense):,}; the fuller {how} extraction was used instead.")
    return fuller


def _parse(source: bytes) -> lxml.html.HtmlElement:
    """Parse a page and check it is small enough to extract from in bounded time."""
    try:
        tree = lxml.html.document_fromstring(source, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"The HTML could not be parsed: {exc}") from exc
    # libxml2 stops descending at 256 levels and drops what lies deeper; extracting from the
    # rest would report "no text" for a page that has some, so say what happened instead.
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in _PARSER.error_log):
        raise UnreadableDocument(f"The HTML is nested too deep: elements more than {MAX_HTML_DEPTH} "
                                 "levels down cannot be read.")
    size = sum(1 for _ in tree.iter())
    if size > MAX_HTML_ELEMENTS:
        raise DocumentTooLarge(f"The page has {size:,} HTML elements; the limit is {MAX_HTML_ELEMENTS:,}.")
    return tree


def _visible_chars(tree: lxml.html.HtmlElement) -> int:
    """Characters of text in the body outside scripts and styles, counted in C."""
    body = tree.find("body")
    if body is None:
        return 0
    hidden = sum(len(e.text_content()) for e in body.iter(*_HIDDEN_TAGS))
    return int(_TEXT_LENGTH(body)) - hidden


def page_title(tree: lxml.html.HtmlElement) -> str | None:
    """The page's title: Open Graph or Twitter title, else the first <h1>, else <title>."""
    candidates = [v for xpath in _TITLE_META for v in tree.xpath(xpath)]
    candidates += [h.text_content() for h in tree.iter("h1")][:1]
    candidates += [t.text_content() for t in tree.iter("title")][:1]
    for candidate in candidates:
        title = " ".join(str(candidate).split())
        if title and len(title) <= _MAX_TITLE_CHARS:
            return title
    return None


def _expose_embedded_posts(tree: lxml.html.HtmlElement) -> None:
    """Strip the classes that make trafilatura discard an embedded post and its wrappers."""
    for quote in tree.iter("blockquote"):
        if not _EMBEDDED_POST.search(quote.get("class", "")):
            continue
        quote.attrib.pop("class")
        wrapper = quote.getparent()
        for _ in range(_WRAPPER_LEVELS):
            if wrapper is None:
                break
            for attribute in ("class", "id"):
                if _SOCIAL_WRAPPER.search(wrapper.get(attribute, "")):
                    wrapper.attrib.pop(attribute)
            wrapper = wrapper.getparent()


def _extract(tree: lxml.html.HtmlElement, **mode: bool) -> str:
    return trafilatura.extract(tree, include_comments=False, include_tables=True, **mode) or ""
