// The page's form: pasted text and chosen files become one job each; each job's stages are
// followed live with long-polls; the first job to succeed is shown (any other on request).
import { el, hideResult, showResult } from "./result.js";

const $ = (id) => document.getElementById(id);
const STEPS = ["queued", "cleaning", "quotes", "summary", "done"];
const FINISHED = ["succeeded", "failed", "cancelled"];
// `?wait=N&since=<updated_at>` answers as soon as the job changes, so each stage shows as it
// starts; an unchanged job is asked about again after WAIT_SECONDS.
const WAIT_SECONDS = 30;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let files = [];
let run = 0;          // each submission's number; the loops of an older one stop
let problems = [];
let shown = null;

function headers(extra = {}) {
  const key = $("apikey").value.trim();
  return key ? { ...extra, "X-API-Key": key } : extra;
}

function showProblems(lines) {
  problems = lines;
  $("problem").replaceChildren(...lines.map((line) => el("p", {}, line)));
  $("problem").hidden = lines.length === 0;
}

function listFiles() {
  $("chosen").replaceChildren(...files.map((file, i) => el("li", {}, file.name,
    Object.assign(el("button", { type: "button", class: "link", "aria-label": `Remove ${file.name}` }, "remove"),
                  { onclick: () => { files.splice(i, 1); listFiles(); } }))));
}

async function call(url, init = {}) {
  const res = await fetch(url, { ...init, headers: headers(init.headers) });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail || `${res.status} ${res.statusText}`);
  return body;
}

const failure = (job) => job.error
  ? `${job.status}${job.error.stage ? ` at ${job.error.stage}` : ""}: ${job.error.detail}` : job.status;

function stepStates(job) {
  const stage = (name) => (job.stages.find((s) => s.name === name) || {}).status || "pending";
  const end = job.status === "succeeded" ? "succeeded" : FINISHED.includes(job.status) ? "failed" : "pending";
  return {
    queued: job.status === "queued" ? "running" : "succeeded",
    cleaning: stage("cleaning"), quotes: stage("quotes"), summary: stage("summary"), done: end,
  };
}

function jobRow(label) {
  const steps = el("ol", { class: "steps", "aria-label": `${label}: progress` },
    ...STEPS.map((name) => el("li", { "data-step": name }, name)));
  const row = el("li", {}, el("span", { class: "job-name" }, label), steps);
  $("joblist").append(row);
  return {
    update(job) {
      const states = stepStates(job);
      for (const li of steps.children) {
        const state = states[li.dataset.step];
        li.className = state;
        li.textContent = li.dataset.step === "done" && state === "failed" ? job.status : li.dataset.step;
        if (state === "running") li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
      }
      if (job.status === "succeeded" && !row.querySelector("button")) {
        row.append(Object.assign(el("button", { type: "button", class: "secondary" }, "Show result"),
          { onclick: () => { shown = job.id; showResult(job); $("result-title").focus(); } }));
      }
    },
    fail(message) {
      steps.lastChild.className = "failed";
      steps.lastChild.textContent = "failed";
      row.append(el("p", { class: "job-error" }, message));
    },
  };
}

async function follow(id, row, mine) {
  let seen = "";
  while (mine === run) {
    const asked = performance.now();
    const since = seen ? `&since=${encodeURIComponent(seen)}` : "";
    const job = await call(`/v1/jobs/${encodeURIComponent(id)}?wait=${WAIT_SECONDS}${since}`);
    if (mine !== run) return null;
    row.update(job);
    if (FINISHED.includes(job.status)) return job;
    // Unchanged and answered at once: the server had no long-poll slot free.
    if (job.updated_at === seen && performance.now() - asked < 1000) await sleep(1000);
    seen = job.updated_at;
  }
  return null;
}

async function start(label, send, mine) {
  const row = jobRow(label);
  try {
    const accepted = await send();
    row.update(accepted);
    const job = await follow(accepted.id, row, mine);
    if (!job) return;
    if (job.status !== "succeeded") {
      row.fail(failure(job));
      showProblems([...problems, `${label}: ${failure(job)}`]);
    } else if (shown === null) {
      shown = job.id;
      showResult(job);
    }
  } catch (err) {
    if (mine !== run) return;
    row.fail(err.message);
    showProblems([...problems, `${label}: ${err.message}`]);
  }
}

function clearOutput() {
  run += 1;
  shown = null;
  showProblems([]);
  hideResult();
  $("joblist").replaceChildren();
  $("jobs").hidden = true;
}

function submit(event) {
  event.preventDefault();
  const text = $("text").value;
  if (!text.trim() && files.length === 0) {
    clearOutput();
    showProblems(["Paste some text or choose a file first."]);
    return;
  }
  clearOutput();
  $("jobs").hidden = false;
  const mine = run;
  if (text.trim()) {
    const type = /^\s*</.test(text) && /<\/\w+>/.test(text) ? "text/html" : "text/plain";
    start("Pasted text", () => call("/v1/jobs", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, content_type: type }) }), mine);
  }
  for (const file of files) {
    const form = new FormData();
    form.append("file", file);
    start(file.name, () => call("/v1/jobs", { method: "POST", body: form }), mine);
  }
  files = [];
  listFiles();
}

function wireDrop() {
  const drop = $("drop");
  $("files").addEventListener("change", (e) => { files.push(...e.target.files); e.target.value = ""; listFiles(); });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    files.push(...e.dataTransfer.files);
    listFiles();
  });
}

$("form").addEventListener("submit", submit);
$("reset").addEventListener("click", () => { $("text").value = ""; files = []; listFiles(); clearOutput(); });
$("result-title").tabIndex = -1;
wireDrop();
