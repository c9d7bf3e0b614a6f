"""The mypyc-compiled quote and summary stages (setup.py) behave exactly as their Python source."""
from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import workers.stages
from workers.stages import stale_builds
from workers.stages.quotes import extract_quotes
from workers.stages.summary import summarise

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "us-casualties-mount-in-iraq.txt"
COMPILED = not workers.stages.quotes.__file__.endswith(".py")
SOURCES = sorted(
    str(p.relative_to(ROOT)) for pattern in ("quotes*.py", "summary_*.py", "text.py")
    for p in (ROOT / "workers" / "stages").glob(pattern)
)

# Runs in a copy of the sources that holds no compiled module, so the source is what runs.
_FROM_SOURCE = """
import dataclasses, json, sys
import workers.stages.quotes as quotes, workers.stages.summary as summary, workers.stages.summary_rank as rank
assert quotes.__file__.endswith(".py") and rank.__file__.endswith(".py")
texts = json.load(open(sys.argv[1], encoding="utf-8"))
results = [
    ([dataclasses.asdict(q) for q in quotes.extract_quotes(t)], dataclasses.asdict(summary.summarise(t)))
    for t in texts
]
json.dump(results, open(sys.argv[2], "w", encoding="utf-8"))
"""


def _news_like_texts(n: int) -> list[str]:
    rng = random.Random(3)
    pieces = [
        "“We will win,” ", "‘Never,’ ", '"It is over," ', "«Non», ", "„Ja“, ", "said ", "says ",
        "told reporters ", "according to ", "added that ", "He ", "She ", "They ", "Ann Lee ",
        "Lee ", "the ministry ", "Dr. Omar Haddad, a surgeon, ", "warned: “", "” ", "’ ", '" ',
        "the plan ", "was a disaster. ", "Iraq’s ", "’90s ", "rock ’n’ roll ", "Scholars’ ",
        ", ", ". ", ": ", "\n\n", "\n\n“", "PENCE: ", "— ", "on Tuesday ", "in a statement ",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(n)]


def _as_rows(texts: list[str]) -> list[list]:
    return [[[dataclasses.asdict(q) for q in extract_quotes(t)], dataclasses.asdict(summarise(t))] for t in texts]


def test_stages_are_compiled_unless_asked_not_to():
    if os.environ.get("DOCPIPE_COMPILE") == "0":
        pytest.skip("DOCPIPE_COMPILE=0: plain Python by request")
    # A silent build failure would leave the stages slower than their published figures.
    assert not workers.stages.summary_rank.__file__.endswith(".py")
    assert COMPILED, (
        f"{workers.stages.quotes.__file__}: the mypyc build failed (no C compiler?); "
        "fix it or reinstall with DOCPIPE_COMPILE=0"
    )


@pytest.mark.skipif(not COMPILED, reason="the quote stage runs from source here")
def test_compiled_and_source_find_the_same_quotes_and_summaries(tmp_path):
    texts = [SEED.read_text(encoding="utf-8")] + _news_like_texts(400)
    shutil.copytree(ROOT / "workers", tmp_path / "workers", ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-c", _FROM_SOURCE, "texts.json", "out.json"], cwd=tmp_path, check=True, timeout=120
    )
    from_source = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    compiled = _as_rows(texts)
    assert sum(len(quotes) for quotes, _ in compiled) > 400  # the texts hold quotes to compare
    assert compiled == from_source


def test_stale_builds_are_sources_changed_after_their_build(tmp_path):
    for name in ("marks.py", "marks.cpython-311-x86_64-linux-gnu.so", "names.py",
                 "names.cpython-311-x86_64-linux-gnu.so", "plain.py", "_compiled__mypyc.abi3.so"):
        (tmp_path / name).write_text("")
    os.utime(tmp_path / "marks.cpython-311-x86_64-linux-gnu.so", (1_000, 1_000))
    os.utime(tmp_path / "marks.py", (2_000, 2_000))
    os.utime(tmp_path / "names.py", (1_000, 1_000))
    os.utime(tmp_path / "names.cpython-311-x86_64-linux-gnu.so", (2_000, 2_000))
    assert stale_builds(tmp_path) == [tmp_path / "marks.py"]


def test_a_stale_build_refuses_to_import(tmp_path):
    package = tmp_path / "workers" / "stages"
    shutil.copytree(ROOT / "workers", tmp_path / "workers", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "setup.py").write_text("")  # a source checkout
    (package / "text.cpython-311-x86_64-linux-gnu.so").write_text("")
    os.utime(package / "text.cpython-311-x86_64-linux-gnu.so", (1_000, 1_000))
    result = subprocess.run(
        [sys.executable, "-c", "import workers.stages.summary"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "text.py changed after being compiled: run `make install`" in result.stderr


def test_compiled_modules_type_check(tmp_path):
    # mypyc turns a wrong annotation into a TypeError at run time, on whatever path reaches it,
    # and mypy checks no body of a function without annotations: every function must have them.
    strict = ["--disallow-untyped-defs", "--disallow-incomplete-defs", "--cache-dir", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *strict, *SOURCES],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stdout
