"""Web pages: the linear extractor used for text-dense pages, and when it is used."""
from __future__ import annotations

import lxml.html
import pytest

from tests.documents import seed_paragraphs
from workers.stages.cleaning import html as cleaning_html
from workers.stages.cleaning import UnreadableDocument, clean
from workers.stages.cleaning.html_dense import dense_text

CHROME = ("<header><a href='/'>Example News</a></header>"
          "<nav><a href='/world'>World</a> <a href='/politics'>Politics</a> <a href='/sport'>Sport</a></nav>"
          "<div class='share-bar'>Share this story on social media with your friends and family</div>")
FOOTER = ("<aside><h3>Most read</h3><p>Ten things you did not know about the war in Iraq today</p></aside>"
          "<ul class='related'><li><a href='/a'>Troop numbers to rise again next spring, officials say</a></li>"
          "<li><a href='/b'>Baghdad market reopens after the attack on Tuesday night</a></li></ul>"
          "<footer>© 2009 Example News. All rights reserved.</footer>")


def article_page(paragraphs: list[str], copies: int = 1, article_class: str = "story") -> bytes:
    """A news page: chrome, then an article of the given paragraphs (repeated), then more chrome."""
    body = "".join(f"<p>{p}</p>\n" for _ in range(copies) for p in paragraphs)
    return (f"<html><head><title>US Casualties Mount In Iraq</title><script>var ads = 1;</script></head>"
            f"<body>{CHROME}<article class='{article_class}'>{body}</article>{FOOTER}</body></html>").encode()


@pytest.fixture
def small_dense_threshold(monkeypatch):
    """Send pages over ~5k characters of text to the linear extractor, so tests stay small."""
    monkeypatch.setattr(cleaning_html, "DENSE_PAGE_TEXT_CHARS", 5_000)

    def trafilatura_must_not_run(*args, **kwargs):
        raise AssertionError("trafilatura was called on a page above the dense-page threshold")

    monkeypatch.setattr(cleaning_html, "_extract", trafilatura_must_not_run)


def test_text_dense_page_keeps_every_paragraph_and_quote_mark(small_dense_threshold):
    paragraphs = seed_paragraphs()
    doc = clean(article_page(paragraphs, copies=3), "text/html")
    assert doc.text.split("\n\n") == paragraphs * 3
    for mark in "‘’“”":
        assert doc.text.count(mark) == 3 * "\n\n".join(paragraphs).count(mark)
    assert doc.title == "US Casualties Mount In Iraq"


def test_linear_extractor_agrees_with_trafilatura_on_an_article(monkeypatch):
    page = article_page(seed_paragraphs())
    by_trafilatura = clean(page, "text/html").text
    monkeypatch.setattr(cleaning_html, "DENSE_PAGE_TEXT_CHARS", 1_000)
    assert clean(page, "text/html").text == by_trafilatura


@pytest.mark.parametrize("chrome", ["World", "Share this story", "Most read", "Ten things", "Troop numbers",
                                    "rights reserved", "var ads"])
def test_page_chrome_is_left_out(small_dense_threshold, chrome):
    assert chrome not in clean(article_page(seed_paragraphs(), copies=2), "text/html").text


def test_a_chrome_looking_class_on_the_article_itself_is_overruled():
    page = article_page(seed_paragraphs(), article_class="layout-with-sidebar")
    text = dense_text(lxml.html.document_fromstring(page.decode()))
    assert text.split("\n") == seed_paragraphs()


def test_line_breaks_split_blocks_and_tails_of_skipped_elements_are_kept():
    sentence = "Two more soldiers were killed in Baghdad on Sunday, the military said."
    page = (f"<html><body><div><p>{sentence}<br>“We will stay,” he said.</p>"
            f"<!-- ad slot -->The ministry confirmed the deaths.<script>track();</script>"
            f" Officials declined to give names.</div></body></html>").encode()
    lines = dense_text(lxml.html.document_fromstring(page.decode())).split("\n")
    assert lines == [sentence, "“We will stay,” he said.",
                     "The ministry confirmed the deaths. Officials declined to give names."]


def test_inline_scripts_do_not_count_as_text(monkeypatch):
    monkeypatch.setattr(cleaning_html, "DENSE_PAGE_TEXT_CHARS", 5_000)

    calls = []
    trafilatura_extract = cleaning_html._extract
    monkeypatch.setattr(cleaning_html, "_extract", lambda tree, **mode: calls.append(mode) or
                        trafilatura_extract(tree, **mode))
    script = "<script>" + "var tracking = {id: 12345, region: 'eu'};\n" * 400 + "</script>"
    page = article_page(seed_paragraphs()).replace(b"<body>", b"<body>" + script.encode())
    assert clean(page, "text/html").text.split("\n\n") == seed_paragraphs()
    assert calls == [{"favor_precision": True}], "a page with little visible text skipped trafilatura"


def test_link_lists_inside_the_article_are_dropped():
    links = "".join(f"<li><a href='/{i}'>Read more: casualty figures for month {i} of the war</a></li>"
                    for i in range(3))
    page = article_page(seed_paragraphs()).replace(b"</article>", f"<ul>{links}</ul></article>".encode())
    assert dense_text(lxml.html.document_fromstring(page.decode())).split("\n") == seed_paragraphs()


def losing(monkeypatch, kept: int, *lost_modes: str) -> None:
    """Make trafilatura's given modes keep only the article's first `kept` paragraphs, as on the
    pages where precision mode returned a fragment of the article and nothing noticed."""
    real = cleaning_html._extract

    def extract(tree, **mode):
        text = real(tree, **mode)
        return "\n".join(text.split("\n")[:kept]) if set(mode) & set(lost_modes) else text

    monkeypatch.setattr(cleaning_html, "_extract", extract)


def test_a_fragment_falls_back_to_recall_mode_with_a_warning(monkeypatch):
    losing(monkeypatch, 4, "favor_precision")  # 410 of 4,062 characters
    doc = clean(article_page(seed_paragraphs()), "text/html")
    assert doc.text.split("\n\n") == seed_paragraphs()
    assert any("recall-mode" in w for w in doc.warnings)


def test_when_both_modes_lose_the_article_the_main_block_is_kept(monkeypatch):
    losing(monkeypatch, 4, "favor_precision", "favor_recall")
    doc = clean(article_page(seed_paragraphs()), "text/html")
    assert doc.text.split("\n\n") == seed_paragraphs()
    assert any("main-block" in w for w in doc.warnings)


def test_a_page_with_less_than_an_article_of_prose_is_not_second_guessed(monkeypatch):
    losing(monkeypatch, 3, "favor_precision")  # 251 of 825 characters
    short = seed_paragraphs()[:5]
    doc = clean(article_page(short), "text/html")
    assert doc.text.split("\n\n") == short[:3] and doc.warnings == []


def test_an_extraction_that_drops_only_chrome_is_kept():
    doc = clean(article_page(seed_paragraphs()), "text/html")
    assert doc.text.split("\n\n") == seed_paragraphs() and doc.warnings == []


def test_html_nested_deeper_than_the_parser_reads_is_refused_as_such():
    deep = "<html><body>" + "<div>" * 5000 + "<p>Words deep inside the page.</p>" + "</div>" * 5000
    with pytest.raises(UnreadableDocument, match="nested too deep"):
        clean(deep.encode(), "text/html")


def test_html_nested_a_hundred_levels_is_read():
    page = ("<html><body>" + "<div>" * 100 + "<p>" + "Words a hundred levels down, read all the same. " * 5
            + "</p>" + "</div>" * 100 + "</body></html>")
    assert "a hundred levels down" in clean(page.encode(), "text/html").text
