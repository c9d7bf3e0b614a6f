// One finished job shown: summary, people quoted, the marked-up text, copy and download.
import { highlight, spansOf } from "./highlight.js";

const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

// Who is quoted: the service's `speakers` when given, else gathered from the quotes. Each
// person's mentions include the speaker span of each of their quotes.
export function peopleOf(result) {
  const people = new Map();
  const person = (name, kind = "person") => {
    if (!people.has(name)) people.set(name, { n: people.size, name, kind, quotes: [], mentions: [] });
    return people.get(name);
  };
  for (const s of result.speakers || []) {
    const p = person(s.name, s.kind);
    p.quotes.push(...(s.quotes || []));
    p.mentions.push(...(s.mentions || []).map((m) => ({ start: m.start, end: m.end })));
  }
  const given = (result.speakers || []).length > 0;
  (result.quotes || []).forEach((q, i) => {
    if (!q.speaker) return;
    const p = person(q.speaker.name);
    if (!given) p.quotes.push(i);
    if (!p.mentions.some((m) => m.start === q.speaker.start)) {
      p.mentions.push({ start: q.speaker.start, end: q.speaker.end });
    }
  });
  return [...people.values()].filter((p) => p.quotes.length);
}

function speakerLinks(result) {
  const byStart = new Map();
  (result.quotes || []).forEach((q, i) => { if (q.speaker) byStart.set(q.speaker.start, i); });
  return byStart;
}

function makeMark(result, people) {
  const quoteOf = speakerLinks(result);
  const anchored = new Set();  // the text is built in order: a quote's first mark is its anchor
  return (layer, span) => {
    if (layer === "summary") return el("span", { class: "hl-summary", title: `summary sentence ${span.n + 1}` });
    if (layer === "content") return el("span", { class: "hl-content", "data-quote": span.quote + 1 });
    if (layer === "quote") {
      const q = result.quotes[span.quote];
      const who = q.speaker ? q.speaker.name : "unattributed";
      const mark = el("mark", { class: "hl-quote", "data-quote": span.quote + 1, title: `quote ${span.quote + 1}: ${who}` });
      if (!anchored.has(span.quote)) { anchored.add(span.quote); mark.id = `quote-${span.quote + 1}`; }
      return mark;
    }
    const quote = quoteOf.get(span.start);
    const name = people[span.person].name;
    const target = quote !== undefined ? `#quote-${quote + 1}` : `#person-${span.person}`;
    return el("a", { class: "hl-speaker", href: target,
                     title: quote !== undefined ? `${name}: go to quote ${quote + 1}` : name });
  };
}

// Quotes with no parts and no content (indirect, today's shape) get their anchor on the clause.
function anchorClauses(box, result) {
  result.quotes.forEach((q, i) => {
    if (document.getElementById(`quote-${i + 1}`)) return;
    const clause = box.querySelector(`.hl-content[data-quote="${i + 1}"]`);
    if (clause) clause.id = `quote-${i + 1}`;
  });
}

// "3 people, 1 organisation and 2 documents quoted": who is quoted, counted by kind.
function quotedCount(people) {
  const counts = { person: 0, organisation: 0, document: 0 };
  for (const p of people) counts[p.kind] = (counts[p.kind] || 0) + 1;
  const parts = [plural(counts.person, "person", "people")];
  for (const kind of ["organisation", "document"]) if (counts[kind]) parts.push(plural(counts[kind], kind));
  const last = parts.pop();
  return `${parts.length ? `${parts.join(", ")} and ${last}` : last} quoted`;
}

function showPeople(people) {
  $("people").replaceChildren(...(people.length ? people.map((p) => el("li", { id: `person-${p.n}` },
    el("strong", {}, p.name), p.kind === "person" ? "" : el("span", { class: "kind" }, ` (${p.kind})`),
    ` — ${plural(p.quotes.length, "quote")}: `,
    ...p.quotes.flatMap((i, k) => [k ? ", " : "", el("a", { href: `#quote-${i + 1}` }, `#${i + 1}`)]))) :
    [el("li", {}, "Nobody is quoted.")]));
}

function offerJson(job) {
  const json = JSON.stringify(job, null, 2);
  const link = $("download");
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  link.download = `docpipe-${job.id}.json`;
  $("copy").onclick = async () => {
    try { await navigator.clipboard.writeText(json); $("copy").textContent = "Copied"; }
    catch { $("copy").textContent = "Copy failed"; }
    setTimeout(() => { $("copy").textContent = "Copy JSON"; }, 1500);
  };
}

export function showResult(job) {
  const { document: doc, quotes, summary } = job.result;
  const people = peopleOf(job.result);
  $("result-title").textContent = doc.title || job.input?.filename || "Pasted text";
  $("facts").textContent = [job.input?.filename, doc.stats && plural(doc.stats.words, "word"),
    plural(quotes.length, "quote"), quotedCount(people)].filter(Boolean).join(" · ");
  $("summary").replaceChildren(...summary.sentences.map((s) => el("li", {}, s.text)));
  showPeople(people);
  highlight($("doc"), doc.text, spansOf(job.result, people), makeMark(job.result, people));
  anchorClauses($("doc"), job.result);
  offerJson(job);
  $("result").hidden = false;
}

export function hideResult() {
  $("result").hidden = true;
  $("doc").replaceChildren();
}
