"""A finished job as the CLI prints it: readable text for a terminal, Markdown, or JSON."""
from __future__ import annotations

import json
import re
import textwrap

WIDTH = 88
FORMATS = ("text", "json", "md")


def people(result: dict) -> list[dict]:
    """Who is quoted, each with its kind (person, organisation or document) and the (0-based)
    indexes of its quotes: the service's ``speakers`` when it gives them, else gathered from the
    quotes' speakers (their kind unknown: None)."""
    if result.get("speakers"):
        return [{"name": s["name"], "kind": s.get("kind"), "quotes": list(s.get("quotes", []))}
                for s in result["speakers"]]
    quoted: dict[str, list[int]] = {}
    for index, quote in enumerate(result.get("quotes", [])):
        if quote.get("speaker"):
            quoted.setdefault(quote["speaker"]["name"], []).append(index)
    return [{"name": name, "kind": None, "quotes": indexes} for name, indexes in quoted.items()]


def _kind(source: dict) -> str:
    """" (organisation)" or " (document)" after a name; nothing for a person."""
    return f" ({source['kind']})" if source.get("kind") not in (None, "person") else ""


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quoted_words(quote: dict, emphasis: str = "") -> str:
    """The quote as a reader takes it: quoted words in marks with the attribution between parts
    as …, a mixed quote's reported clause with its quoted words wrapped in ``emphasis``, an
    indirect quote as reported."""
    parts = quote.get("parts") or [{"start": quote["start"], "end": quote["end"], "text": quote["text"]}]
    content = quote.get("content")
    if quote.get("kind") == "indirect":
        return flat(content["text"] if content else quote["text"])
    if quote.get("kind") == "mixed" and content:
        return flat(_wrap_parts(content, parts, emphasis))  # the clause keeps its own marks
    return " … ".join(f"“{emphasis}{flat(p['text'])}{emphasis}”" for p in parts)


def _wrap_parts(content: dict, parts: list[dict], emphasis: str) -> str:
    text, at, out = content["text"], 0, []
    for part in sorted(parts, key=lambda p: p["start"]):
        start, end = part["start"] - content["start"], part["end"] - content["start"]
        if at <= start and end <= len(text):
            out += [text[at:start], emphasis, text[start:end], emphasis]
            at = end
    return "".join(out) + text[at:]


def _speaker(quote: dict) -> str:
    return quote["speaker"]["name"] if quote.get("speaker") else "unattributed"


def _about(quote: dict) -> str:
    return ", ".join(x for x in (quote.get("cue"), quote.get("kind")) if x)


def _failure(job: dict) -> str:
    error = job.get("error") or {}
    where = f" at {error['stage']}" if error.get("stage") else ""
    return f"{job['status']}{where}: {error.get('detail', 'no reason given')}"


def _heading(job: dict) -> tuple[str, str]:
    result, source = job.get("result") or {}, (job.get("input") or {}).get("filename") or "text"
    doc = result.get("document") or {}
    stats = doc.get("stats") or {}
    facts = [source, f"{stats.get('words', '?')} words", f"{len(result.get('quotes', []))} quotes"]
    if job.get("id"):
        facts.append(f"job {job['id']}")
    return doc.get("title") or source, " · ".join(facts)


def text(job: dict, width: int = WIDTH) -> str:
    """A report for a terminal: summary, people quoted, quotes with their speakers."""
    if job["status"] != "succeeded":
        return f"{(job.get('input') or {}).get('filename') or job.get('id')}: {_failure(job)}"
    result = job["result"]
    title, facts = _heading(job)
    lines = [title, facts, "", "Summary"]
    for sentence in result["summary"]["sentences"]:
        lines.append(textwrap.fill(flat(sentence["text"]), width, initial_indent="  • ",
                                   subsequent_indent="    "))
    quoted = [f"  {p['name']}{_kind(p)} — {len(p['quotes'])} quote{'s' * (len(p['quotes']) != 1)}"
              f" ({', '.join(f'#{i + 1}' for i in p['quotes'])})" for p in people(result)]
    lines += ["", "People quoted", *(quoted or ["  (none)"])]
    lines += ["", "Quotes"]
    for number, quote in enumerate(result["quotes"], 1):
        lines.append(f"  {number}. {_speaker(quote)} ({_about(quote)})")
        lines.append(textwrap.fill(quoted_words(quote), width, initial_indent="     ",
                                   subsequent_indent="     "))
    return "\n".join(lines)


def markdown(job: dict) -> str:
    """The same report as Markdown."""
    if job["status"] != "succeeded":
        return f"**{(job.get('input') or {}).get('filename') or job.get('id')}**: {_failure(job)}"
    result = job["result"]
    title, facts = _heading(job)
    lines = [f"# {title}", "", f"*{facts}*", "", "## Summary", ""]
    lines += [f"- {flat(s['text'])}" for s in result["summary"]["sentences"]]
    quoted = [f"- **{p['name']}**{_kind(p)}: {', '.join(f'quote {i + 1}' for i in p['quotes'])}"
              for p in people(result)]
    lines += ["", "## People quoted", "", *(quoted or ["*(none)*"])]
    lines += ["", "## Quotes", ""]
    lines += [f"{n}. **{_speaker(q)}** ({_about(q)}): {quoted_words(q, '**')}"
              for n, q in enumerate(result["quotes"], 1)]
    return "\n".join(lines)


def as_json(job: dict) -> str:
    return json.dumps(job, ensure_ascii=False, indent=2)


def render(job: dict, fmt: str) -> str:
    return {"text": text, "md": markdown, "json": as_json}[fmt](job)
