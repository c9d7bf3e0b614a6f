"""How the CLI reads a result: quotes by their parts, people quoted, where a job stands."""
from services.cli import render
from services.cli.progress import step

TEXT = ("“The first half,” the mayor, Ana Ruiz, said, “and the second half.” "
        "She called the plan “a disaster for the region.” Critics said that it would cost more.")


def span(sub: str, after: int = 0) -> dict:
    start = TEXT.index(sub, after)
    return {"start": start, "end": start + len(sub), "text": sub}


def split_quote() -> dict:
    parts = [span("The first half,"), span("and the second half.")]
    return {"kind": "direct", "parts": parts, "text": " ".join(p["text"] for p in parts),
            "start": parts[0]["start"], "end": parts[1]["end"], "content": None, "cue": "said",
            "speaker": {"name": "Ana Ruiz", **span("Ana Ruiz"), "via": "name"}}


def mixed_quote() -> dict:
    content = span("the plan “a disaster for the region.”")
    part = span("a disaster for the region.")
    return {"kind": "mixed", "parts": [part], "text": part["text"], "start": part["start"],
            "end": part["end"], "content": content, "cue": "called",
            "speaker": {"name": "Ana Ruiz", **span("She"), "via": "pronoun"}}


def test_a_quote_split_by_its_attribution_reads_as_its_two_parts():
    assert render.quoted_words(split_quote()) == "“The first half,” … “and the second half.”"
    assert render.quoted_words(split_quote(), "**").startswith("“**The first half,**” … ")


def test_a_mixed_quote_reads_as_its_reported_clause_with_the_quoted_words_emphasised():
    assert render.quoted_words(mixed_quote()) == "the plan “a disaster for the region.”"
    assert render.quoted_words(mixed_quote(), "**") == "the plan “**a disaster for the region.**”"


def test_today_s_quote_without_parts_reads_from_its_text():
    quote = {"kind": "indirect", **span("it would cost more"), "speaker": None, "cue": "said"}
    assert render.quoted_words(quote) == "it would cost more"
    direct = {"kind": "direct", "text": "Line one.\n\nLine two.", "start": 0, "end": 20}
    assert render.quoted_words(direct) == "“Line one. Line two.”"


def test_people_come_from_speakers_when_given_else_from_the_quotes():
    quotes = [split_quote(), mixed_quote(), {"kind": "indirect", **span("it would cost more"),
                                            "speaker": None, "cue": "said"}]
    assert render.people({"quotes": quotes}) == [{"name": "Ana Ruiz", "kind": None, "quotes": [0, 1]}]
    speakers = [{"name": "Ana Ruiz", "kind": "person", "mentions": [], "quotes": [1]}]
    assert render.people({"quotes": quotes, "speakers": speakers}) == [{"name": "Ana Ruiz", "kind": "person", "quotes": [1]}]


def test_a_source_that_is_no_person_shows_its_kind():
    quotes = [split_quote(), mixed_quote()]
    speakers = [{"name": "Ana Ruiz", "kind": "person", "mentions": [], "quotes": [0]},
                {"name": "the court papers", "kind": "document", "mentions": [], "quotes": [1]}]
    job = {"status": "succeeded", "input": {"filename": "a.txt"}, "result": {
        "document": {"title": "Plan", "text": TEXT, "stats": {"words": 30}}, "quotes": quotes,
        "speakers": speakers, "summary": {"sentences": []}}}
    text = render.text(job)
    assert "  Ana Ruiz — 1 quote (#1)" in text and "  the court papers (document) — 1 quote (#2)" in text
    assert "- **the court papers** (document): quote 2" in render.markdown(job)


def test_text_and_markdown_reports_name_speakers_and_failures():
    job = {"id": "j1", "status": "succeeded", "input": {"filename": "a.txt"}, "result": {
        "document": {"title": "Plan", "text": TEXT, "stats": {"words": 30}},
        "quotes": [split_quote()], "summary": {"sentences": [span("Critics said that it would cost more.")]}}}
    text = render.text(job)
    assert text.startswith("Plan\na.txt · 30 words · 1 quotes · job j1")
    assert "  Ana Ruiz — 1 quote (#1)" in text and "1. Ana Ruiz (said, direct)" in text
    assert "- **Ana Ruiz**: quote 1" in render.markdown(job)
    failed = {"id": "j2", "status": "failed", "input": {"filename": "b.pdf"},
              "error": {"stage": "cleaning", "detail": "not a PDF"}}
    assert render.text(failed) == "b.pdf: failed at cleaning: not a PDF"


def test_step_names_where_a_job_stands():
    stages = lambda *states: [{"name": n, "status": s}  # noqa: E731
                              for n, s in zip(("cleaning", "quotes", "summary"), states)]
    assert step({"status": "queued", "stages": stages("pending", "pending", "pending")}) == "queued"
    assert step({"status": "running", "stages": stages("succeeded", "running", "pending")}) == "quotes"
    assert step({"status": "running", "stages": stages("succeeded", "succeeded", "pending")}) == "summary"
    assert step({"status": "succeeded", "stages": stages("succeeded", "succeeded", "succeeded")}) == "done"
    assert step({"status": "failed", "stages": stages("failed", "skipped", "skipped")}) == "failed"
