"""The speed suite's results as a Markdown table (with the issue's targets) and PNG plots."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend is chosen first)

from inprocess import fitted_exponent  # noqa: E402

SIDES = {"docpipe": "docpipe", "ceiling": "framework ceiling", "loop": "in-process loop"}


def write(results: dict, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join([_header(results), _small(results), _sizes(results), _intake(results),
                      _stages(results), _targets(results)])
    (out / "results.md").write_text(text, encoding="utf-8")
    _plot_small(results, out / "small.png")
    _plot_sizes(results, out / "sizes.png")
    _plot_intake(results, out / "intake.png")
    _plot_stages(results, out / "stages.png")
    return out / "results.md"


def _f(value, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _header(r: dict) -> str:
    m = r["machine"]
    return (f"# docpipe speed ({r['profile']} run)\n\n{m['date']} · commit {m['commit']} · "
            f"{m['cpus']} CPUs · load average {m['load_before']:.1f} before, {m['load_after']:.1f} "
            "after (other processes share the machine: compare ratios within this run)\n")


def _small(r: dict) -> str:
    s, idle = r["small"], r["idle"]
    rows = ["## 1. Small documents (CNN/DailyMail articles)\n",
            f"{s['docpipe']['jobs']} jobs per side from {r['clients']} client threads, one worker node of "
            f"{r['small_workers']} processes; latency from POST to finished (service clock). Idle: "
            f"{idle['docpipe']['jobs']} jobs one at a time, POST then `?wait=30` (client clock). Redis "
            "commands and round trips per job counted with MONITOR, and each process group's CPU time "
            f"per job, over {r.get('roundtrip_jobs', 20)} jobs run one at a time (bench/roundtrips.py).\n",
            "| side | jobs/s | × ceiling | p50 ms | p99 ms | idle p50 ms | idle p90 ms | idle p99 ms "
            "| Redis commands/job | round trips/job | CPU ms/job: API | worker | Redis |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for side, label in SIDES.items():
        x, i = s[side], idle.get(side, {})
        rows.append(f"| {label} | {_f(x['jobs_s'])} | {x['jobs_s'] / s['ceiling']['jobs_s']:.2f} | "
                    f"{_f(x['p50_ms'])} | {_f(x['p99_ms'])} | {_f(i.get('p50_ms'))} | "
                    f"{_f(i.get('p90_ms'))} | {_f(i.get('p99_ms'))} | {_f(i.get('commands'))} | "
                    f"{_f(i.get('round_trips'))} | {_f(i.get('cpu_ms_api'))} | "
                    f"{_f(i.get('cpu_ms_worker'))} | {_f(i.get('cpu_ms_redis'))} |")
    return "\n".join(rows) + "\n"


def _sizes(r: dict) -> str:
    ws = r["workers"]
    rounds = r.get("size_rounds", 1)
    rows = ["## 2. Documents by size: docs/s with W worker processes (× the in-process loop)\n",
            "Each W's ratio is to a loop over the same documents run just before or after it"
            + (f" ({rounds} times, the order flipping, docs/s over all)" if rounds > 1 else "")
            + "; the loop column is their mean. *2 loops at once*: the same documents shared out among two "
            "forked loops running at the same time, no service — what this machine's two cores give "
            "at best (× the loop); W=2's figure in brackets is its share of that.\n",
            "| size | docs | loop docs/s | 2 loops at once | " + " | ".join(f"W={w}" for w in ws) + " |",
            "|---|---:|---:|---:|" + "---:|" * len(ws)]
    for size, row in r["sizes"].items():
        loop = row["loop"]["jobs_s"]
        loops = row.get("parallel")
        cells = [f"{_f(row[f'W{w}']['jobs_s'], 2)} ({row[f'W{w}']['ratio']:.2f}×"
                 + (f"; {row[f'W{w}']['jobs_s'] / loops['jobs_s']:.2f} of 2 loops"
                    if loops and w == loops["workers"] else "")
                 + ")" for w in ws]
        both = f"{_f(loops['jobs_s'], 2)} ({loops['ratio']:.2f}×)" if loops else "—"
        rows.append(f"| {_size(int(size))} | {row['loop']['jobs'] // rounds} | {_f(loop, 2)} | {both} | "
                    + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n" + _cpu(r)


def _cpu(r: dict) -> str:
    """Where a document's CPU time goes with W=2: the stages (the loop's time) beside each
    process group of the service and the load generator, which share the machine's cores."""
    rows = [(size, row["cpu_ms"]) for size, row in r["sizes"].items() if "cpu_ms" in row]
    if not rows:
        return ""
    lines = ["\nCPU ms per document with W=2 (user + system): the loop's is the stages' own work; "
             "the service's process groups and the load generator share the same cores.\n",
             "| size | loop (stages) | worker | API | Redis | load generator | service ÷ stages |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for size, cpu in rows:
        service = cpu["worker"] + cpu["api"] + cpu["redis"] + cpu["client"]
        lines.append(f"| {_size(int(size))} | {_f(cpu['loop'], 1)} | {_f(cpu['worker'], 1)} | "
                     f"{_f(cpu['api'], 1)} | {_f(cpu['redis'], 1)} | {_f(cpu['client'], 1)} | "
                     f"{service / cpu['loop']:.2f} |")
    return "\n".join(lines) + "\n"


def _intake(r: dict) -> str:
    rows = ["## 3. Intake alone (no worker running)\n",
            "Peak: wrk, 2 threads × 16 connections, bounded in requests and seconds, the sides in turns "
            "(accepted/s over all turns, percentiles their mean). Paced: open-loop "
            "POSTs at 70% of that side's own peak (bench/pace.py), latency from when each was due.\n",
            "| side | peak accepted/s | × bare | p50 ms | p99 ms | paced rate/s | paced p50 ms | paced p99 ms | errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    bare = r["intake"]["ceiling"]["peak"]["accepted_s"]
    for side in ("docpipe", "ceiling"):
        p, q = r["intake"][side]["peak"], r["intake"][side]["paced"]
        label = "bare enqueue-and-202" if side == "ceiling" else side
        rows.append(f"| {label} | {_f(p['accepted_s'])} | {p['accepted_s'] / bare:.2f} | {_f(p['p50_ms'])} | "
                    f"{_f(p['p99_ms'])} | {_f(q['rate'], 0)} | {_f(q['p50_ms'])} | {_f(q['p99_ms'])} | "
                    f"{p['errors'] + q['errors']} |")
    return "\n".join(rows) + "\n"


def _stages(r: dict) -> str:
    sizes = r["stage_sizes"]  # nominal: each document is cut at a sentence end just before
    rows = ["## 4. Each stage's MB/s by document size (time ∝ size^k)\n",
            "| stage | " + " | ".join(_size(s) for s in sizes) + " | k |",
            "|---|" + "---:|" * (len(sizes) + 1)]
    for stage, points in r["stages"].items():
        rows.append(f"| {stage} | " + " | ".join(_f(rate, 2) for _, rate in points)
                    + f" | {fitted_exponent(points):.2f} |")
    return "\n".join(rows) + "\n"


def _targets(r: dict) -> str:
    s, idle, sizes = r["small"], r["idle"]["docpipe"], r["sizes"]
    intake = r["intake"]
    checks = [("small docs ≥ 0.8× ceiling", s["docpipe"]["jobs_s"] / s["ceiling"]["jobs_s"], 0.8, True),
              ("idle p50 ≤ 10 ms", idle["p50_ms"], 10, False),
              ("idle p99 ≤ 50 ms", idle["p99_ms"], 50, False),
              ("intake ≥ 0.9× bare", intake["docpipe"]["peak"]["accepted_s"]
               / intake["ceiling"]["peak"]["accepted_s"], 0.9, True),
              ("intake p99 < 50 ms at 70% of peak", intake["docpipe"]["paced"]["p99_ms"], 50, False)]
    for size, floor in (("100000", 1.6), ("1000000", 1.7)):
        if size in sizes and "W2" in sizes[size]:
            checks.append((f"{_size(int(size))} W=2 ≥ {floor}× loop",
                           sizes[size]["W2"]["ratio"], floor, True))
    for stage, points in r["stages"].items():
        checks.append((f"{stage} exponent ≤ 1.1", fitted_exponent(points), 1.1, False))
    rows = ["## Targets (issue 14)\n", "| target | measured | met |", "|---|---:|:---:|"]
    for name, value, bound, at_least in checks:
        met = value >= bound if at_least else value <= bound
        rows.append(f"| {name} | {value:.2f} | {'yes' if met else 'no'} |")
    return "\n".join(rows) + "\n"


def _size(n: int) -> str:
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} B"


def _plot_small(r: dict, path: Path) -> None:
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    labels = list(SIDES.values())
    ax1.bar(labels, [r["small"][s]["jobs_s"] for s in SIDES], color=["C0", "C1", "C2"])
    ax1.set_ylabel("jobs/s")
    ax1.set_title("Small documents: throughput")
    x = range(len(SIDES))
    for offset, key in ((-0.2, "p50_ms"), (0.2, "p99_ms")):
        ax2.bar([i + offset for i in x], [r["small"][s][key] for s in SIDES], width=0.4, label=key)
    ax2.set_xticks(list(x), labels)
    ax2.set_yscale("log")
    ax2.set_ylabel("ms, POST to finished")
    ax2.legend()
    ax2.set_title("Small documents: latency under load")
    _save(fig, path)


def _plot_sizes(r: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    sizes = [int(s) for s in r["sizes"]]
    for w in r["workers"]:
        ratios = [row[f"W{w}"]["ratio"] for row in r["sizes"].values()]
        ax.plot(sizes, ratios, marker="o", label=f"W={w}")
    parallel = [(int(s), row["parallel"]["ratio"]) for s, row in r["sizes"].items() if "parallel" in row]
    if parallel:
        ax.plot(*zip(*parallel), color="black", linestyle=":", marker="x", label="2 plain loops at once")
    ax.axhline(1, color="grey", linestyle="--", label="in-process loop")
    ax.set_xscale("log")
    ax.set_xlabel("document bytes")
    ax.set_ylabel("docs/s ÷ loop docs/s")
    ax.set_title("docpipe with W worker processes vs one loop")
    ax.legend()
    _save(fig, path)


def _plot_intake(r: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    sides = {"docpipe": "docpipe", "ceiling": "bare enqueue-and-202"}
    ax.bar(list(sides.values()), [r["intake"][s]["peak"]["accepted_s"] for s in sides], color=["C0", "C1"])
    ax.set_ylabel("accepted POSTs/s (wrk)")
    ax.set_title("Intake alone")
    _save(fig, path)


def _plot_stages(r: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    for stage, points in r["stages"].items():
        ax.plot([s for s, _ in points], [rate for _, rate in points], marker="o",
                label=f"{stage} (k = {fitted_exponent(points):.2f})")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("document bytes")
    ax.set_ylabel("MB/s")
    ax.set_title("Stage throughput by size (time ∝ size^k)")
    ax.legend()
    _save(fig, path)


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
