"""The web page and /docs in a real browser (headless Chromium) against a real service."""
import json

import pytest
import requests

from tests.conftest import SEED
from tests.e2e.browser import browser, page, screenshot  # noqa: F401 (fixtures)
from tests.e2e.conftest import module_worker

pytestmark = pytest.mark.e2e
WAIT_MS = 60_000
one_worker = module_worker("web1")


def shown_job(page, service) -> dict:
    """The job the page shows, read back from the API by the ID its download link names."""
    name = page.get_attribute("#download", "download")
    job_id = name.removeprefix("docpipe-").removesuffix(".json")
    return requests.get(f"{service.url}/v1/jobs/{job_id}", timeout=10).json()


def process_pasted(page, service, text: str) -> dict:
    page.goto(service.url)
    page.fill("#text", text)
    page.click("#go")
    page.wait_for_selector("#result:not([hidden])", timeout=WAIT_MS)
    return shown_job(page, service)


def test_seed_quote_is_highlighted_by_its_parts_with_its_speaker(page, service):
    job = process_pasted(page, service, SEED.read_text(encoding="utf-8"))
    text, quotes = job["result"]["document"]["text"], job["result"]["quotes"]
    number, fax = next((i + 1, q) for i, q in enumerate(quotes) if q["text"].startswith("I received a fax"))
    marks = page.locator(f'mark.hl-quote[data-quote="{number}"]')
    parts = fax.get("parts") or [fax]
    assert "".join(marks.all_text_contents()) == "".join(text[p["start"]:p["end"]] for p in parts)
    assert "the people will not support them." in marks.last.text_content()
    speaker = page.locator(f'a.hl-speaker[href="#quote-{number}"]')
    assert speaker.text_content() == text[fax["speaker"]["start"]:fax["speaker"]["end"]] == "He"
    assert "Harith al-Dari" in page.locator("#people").text_content()
    assert page.locator(".steps li.succeeded").count() == 5  # queued … done
    screenshot(page, "web-seed")

    speaker.focus()
    page.keyboard.press("Enter")  # a speaker mention leads to the quote it introduces
    assert page.evaluate("location.hash") == f"#quote-{number}"


def test_summary_sentences_hold_quotes_and_the_page_fits_a_phone(page, service):
    text = ("“We will rebuild the bridge by spring,” the mayor, Ana Ruiz, said on Monday. "
            "Work starts next week.\n\nThe old bridge closed in May after a flood.")
    process_pasted(page, service, text)
    assert page.locator(".hl-summary mark.hl-quote").count() >= 1
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "web-phone")


def test_an_error_clears_the_previous_result(page, service):
    process_pasted(page, service, "“It works,” she said. It was a good day.")
    page.set_input_files("#files", files=[{"name": "photo.png", "mimeType": "image/png",
                                           "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}])
    page.fill("#text", "")
    page.click("#go")
    page.wait_for_selector("#problem:not([hidden])", timeout=WAIT_MS)
    assert "photo.png" in page.text_content("#problem")
    assert page.locator("#result").is_hidden()
    screenshot(page, "web-error")


def test_several_files_each_become_a_job_followed_to_the_end(page, service):
    page.goto(service.url)
    page.set_input_files("#files", files=[
        {"name": "seed.txt", "mimeType": "text/plain", "buffer": SEED.read_bytes()},
        {"name": "note.html", "mimeType": "text/html",
         "buffer": b"<html><body><p>\xe2\x80\x9cIt rains,\xe2\x80\x9d Tom Lee said.</p></body></html>"}])
    assert page.locator("#chosen li").count() == 2
    page.fill("#text", "A third document, pasted. “Yes,” said Kim Park.")
    page.click("#go")
    page.wait_for_function("document.querySelectorAll('.steps li[data-step=done].succeeded').length === 3",
                           timeout=WAIT_MS)
    names = page.locator(".job-name").all_text_contents()
    assert sorted(names) == ["Pasted text", "note.html", "seed.txt"]


def test_the_form_works_from_the_keyboard(page, service):
    page.goto(service.url)
    page.focus("#text")
    page.keyboard.type("“Keyboards are fine,” said Lee Chan. The rest is plain.")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "go":
            break
    assert page.evaluate("document.activeElement.id") == "go"
    page.keyboard.press("Enter")
    page.wait_for_selector("#result:not([hidden])", timeout=WAIT_MS)
    assert "Lee Chan" in page.text_content("#people")


def spans_in(text):
    """A function giving the span of a piece of ``text`` as the result shapes it."""
    return lambda piece: {"start": text.index(piece), "end": text.index(piece) + len(piece), "text": piece}


def show(page, service, result):
    """The web page showing ``result`` as a finished job's."""
    page.goto(service.url)
    page.evaluate("""async (result) => {
        const { showResult } = await import('/static/result.js');
        showResult({ id: 'x', status: 'succeeded', input: {}, result });
    }""", result)


def test_highlighting_reads_the_quote_span_contract_with_parts_and_speakers(page, service):
    # The result shape of DESIGN.md: quotes in parts, a mixed quote's content, result.speakers.
    text = "“First half,” Ana Ruiz said, “second half.” She called it “a mess.” Rain fell."
    at = spans_in(text)
    result = {
        "document": {"title": "t", "text": text, "stats": {"words": 14}},
        "quotes": [
            {"kind": "direct", "parts": [at("First half,"), at("second half.")], **at("First half,"),
             "speaker": {"name": "Ana Ruiz", **at("Ana Ruiz")}, "cue": "said", "content": None},
            {"kind": "mixed", "parts": [at("a mess.")], **at("a mess."), "content": at("it “a mess.”"),
             "speaker": {"name": "Ana Ruiz", **at("She")}, "cue": "called"}],
        "speakers": [{"name": "Ana Ruiz", "kind": "person", "quotes": [0, 1],
                      "mentions": [at("Ana Ruiz"), at("She")]}],
        "summary": {"text": "", "sentences": [at("“First half,” Ana Ruiz said, “second half.”")]},
    }
    show(page, service, result)
    assert page.locator("mark.hl-quote").all_text_contents() == ["First half,", "second half.", "a mess."]
    assert page.locator(".hl-summary mark.hl-quote").count() == 2
    assert page.locator(".hl-content mark.hl-quote").all_text_contents() == ["a mess."]
    assert page.locator("a.hl-speaker").all_text_contents() == ["Ana Ruiz", "She"]
    assert page.get_attribute("a.hl-speaker >> nth=1", "href") == "#quote-2"
    assert page.text_content("#people").startswith("Ana Ruiz — 2 quotes")
    assert page.evaluate("document.getElementById('doc').textContent") == text


def test_people_quoted_are_counted_and_tagged_by_kind(page, service):
    text = "“We will appeal,” Ana Ruiz said. Court papers say the firm misled investors."
    at = spans_in(text)
    result = {
        "document": {"title": "t", "text": text, "stats": {"words": 13}},
        "quotes": [
            {"kind": "direct", "parts": [at("We will appeal,")], **at("We will appeal,"), "content": None,
             "speaker": {"name": "Ana Ruiz", "via": "name", **at("Ana Ruiz")}, "cue": "said"},
            {"kind": "indirect", "parts": [at("the firm misled investors")], **at("the firm misled investors"),
             "content": at("the firm misled investors"), "cue": "say",
             "speaker": {"name": "Court papers", "via": "noun phrase", **at("Court papers")}}],
        "speakers": [{"name": "Ana Ruiz", "kind": "person", "quotes": [0], "mentions": [at("Ana Ruiz")]},
                     {"name": "Court papers", "kind": "document", "quotes": [1], "mentions": [at("Court papers")]}],
        "summary": {"text": "", "sentences": []},
    }
    show(page, service, result)
    assert page.text_content("#facts").endswith("1 person and 1 document quoted")
    people = page.locator("#people li").all_text_contents()
    assert people[0].startswith("Ana Ruiz — 1 quote") and people[1].startswith("Court papers (document) — 1 quote")


def test_docs_render_every_operation(page, service):
    spec = requests.get(f"{service.url}/openapi.json", timeout=10).json()
    count = sum(m in ("get", "post", "put", "patch", "delete") for item in spec["paths"].values() for m in item)
    page.goto(f"{service.url}/docs")
    page.wait_for_selector(".opblock", timeout=WAIT_MS)
    assert page.locator(".opblock").count() == count
    assert page.locator("text=Unable to render").count() == 0
    page.click(".opblock-post")
    page.wait_for_selector(".opblock-post .responses-table", timeout=WAIT_MS)
    codes = page.locator(".opblock-post .responses-table .response-col_status").all_text_contents()
    assert {"202", "413", "415", "422", "429", "503"} <= {c.strip()[:3] for c in codes}
    screenshot(page, "docs")
    assert json.loads(page.evaluate("JSON.stringify(window.ui.specSelectors.specJson())"))["openapi"] == spec["openapi"]


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_marked_text_and_stage_chips_have_readable_contrast(page, service):
    page.goto(service.url)
    page.evaluate("""() => {  // a chip in every state, beside the legend's marks
        const ol = document.createElement('ol'); ol.className = 'steps';
        for (const s of ['pending', 'running', 'succeeded', 'failed']) {
            const li = document.createElement('li'); li.className = s; li.textContent = s; ol.append(li);
        }
        document.getElementById('joblist').append(ol);
        document.getElementById('jobs').hidden = false; document.getElementById('result').hidden = false;
    }""")
    pairs = page.evaluate("""() => [...document.querySelectorAll('.legend span, .steps li, .hint, .problem')]
        .map((e) => {
            let bg = 'rgba(0, 0, 0, 0)', n = e;
            while (n && bg === 'rgba(0, 0, 0, 0)') { bg = getComputedStyle(n).backgroundColor; n = n.parentElement; }
            return [e.className || e.tagName, getComputedStyle(e).color, bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg];
        })""")
    assert len(pairs) >= 8
    for name, fg, bg in pairs:
        light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (name, fg, bg)  # WCAG AA for body text
