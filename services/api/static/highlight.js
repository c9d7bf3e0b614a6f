// The cleaned text with its spans marked, nested: summary sentences hold reported speech, which
// holds quoted words, which hold speaker mentions. Offsets count Unicode code points (as Python
// does), so the text is indexed as Array.from(text), never as UTF-16 units.

const LAYERS = ["summary", "content", "quote", "speaker"];

// A quote's quoted words: its parts, or (before the API gave parts) its start..end.
export function partsOf(quote) {
  return quote.parts && quote.parts.length ? quote.parts : [{ start: quote.start, end: quote.end }];
}

// Where each kind of span goes: a direct quote's parts are quoted words; an indirect quote's
// clause, and the clause around a mixed quote's words, are reported speech.
export function spansOf(result, people) {
  const layers = Object.fromEntries(LAYERS.map((name) => [name, []]));
  (result.summary?.sentences || []).forEach((s, i) => layers.summary.push({ ...s, n: i }));
  (result.quotes || []).forEach((q, i) => {
    if (q.kind === "indirect") {
      const c = q.content || q;
      layers.content.push({ start: c.start, end: c.end, quote: i });
    } else {
      if (q.content) layers.content.push({ start: q.content.start, end: q.content.end, quote: i });
      partsOf(q).forEach((p) => layers.quote.push({ start: p.start, end: p.end, quote: i }));
    }
  });
  for (const person of people) {
    for (const m of person.mentions) layers.speaker.push({ ...m, person: person.n });
  }
  return LAYERS.map((name) => ({ name, spans: tidy(layers[name]) }));
}

// Sorted and without overlaps within a layer (a later span loses what an earlier one covers).
function tidy(spans) {
  const out = [];
  let end = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const start = Math.max(s.start, end);
    if (start < s.end) { out.push({ ...s, start }); end = s.end; }
  }
  return out;
}

// The first span of a sorted, non-overlapping list that ends after `at`.
function firstEndingAfter(spans, at) {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].end <= at) lo = mid + 1; else hi = mid; }
  return lo;
}

export function highlight(box, text, layers, make) {
  const chars = Array.from(text);
  const nest = (from, to, depth) => {
    const frag = document.createDocumentFragment();
    if (depth === layers.length) { frag.append(chars.slice(from, to).join("")); return frag; }
    const { name, spans } = layers[depth];
    let at = from;
    for (let i = firstEndingAfter(spans, from); i < spans.length && spans[i].start < to; i++) {
      const s = spans[i], a = Math.max(s.start, at), b = Math.min(s.end, to);
      if (a >= b) continue;
      if (a > at) frag.append(nest(at, a, depth + 1));
      const el = make(name, s);  // a span cut by an outer one's end comes in pieces
      el.append(nest(a, b, depth + 1));
      frag.append(el);
      at = b;
    }
    if (at < to) frag.append(nest(at, to, depth + 1));
    return frag;
  };
  box.replaceChildren(nest(0, chars.length, 0));
}
