"""The house rules of DESIGN.md: one package per stage, no compiled code, small modules,
task names spelled once, imports that only point down."""
from __future__ import annotations

import ast
import sys
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = [p for top in ("services", "workers") for p in sorted((ROOT / top).rglob("*.py"))]
MAX_MODULE_LINES = 300
STAGE_ENTRIES = {"cleaning": "clean", "quotes": "extract_quotes", "summary": "summarise"}
FRAMEWORKS = {"celery", "kombu", "flask", "flask_smorest", "redis", "marshmallow", "gunicorn"}


def imports_of(path: Path) -> set[str]:
    """Top-level and project modules a file imports (absolute names)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("stage", sorted(STAGE_ENTRIES))
def test_each_stage_is_a_package_exporting_its_entry_and_numbering_its_steps(stage):
    package = importlib.import_module(f"workers.stages.{stage}")
    assert Path(package.__file__).name == "__init__.py"
    assert callable(getattr(package, STAGE_ENTRIES[stage]))
    steps = re.findall(r"^\s*(\d+)\.\s", package.__doc__ or "", re.M)
    assert len(steps) >= 3 and steps == [str(i) for i in range(1, len(steps) + 1)], package.__doc__


def test_the_stages_folder_holds_only_the_stage_packages_and_what_they_share():
    stages = ROOT / "workers" / "stages"
    modules = sorted(p.name for p in stages.glob("*.py"))
    # Shared: segmentation (text.py) and running with the cyclic collector paused (acyclic.py).
    assert modules == ["__init__.py", "acyclic.py", "text.py"], modules
    packages = sorted(p.name for p in stages.iterdir() if (p / "__init__.py").exists())
    assert packages == sorted(STAGE_ENTRIES)


def test_no_compiled_module_in_the_source_tree():
    built = [rel(p) for top in ("services", "workers") for ext in ("*.so", "*.pyd", "*.c")
             for p in (ROOT / top).rglob(ext)]
    assert built == []


def test_no_module_is_over_the_size_limit():
    long = {rel(p): n for p in CODE if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_task_names_are_spelled_only_in_the_pipeline_contract():
    from services.common.pipeline import TASK_NAMES

    names = list(TASK_NAMES.values())
    spelled = {rel(p) for p in CODE for name in names if f'"{name}"' in p.read_text(encoding="utf-8")}
    assert spelled == {"services/common/pipeline.py"}


@pytest.mark.parametrize("path", CODE, ids=rel)
def test_imports_only_point_down(path):
    """DESIGN.md: api and workers use common; the API never imports worker code; stages import
    nothing of the project but each other, and no framework. Tools beside the API (the CLI) may
    run the stages in process (``workers.outputs``), but no other worker code."""
    where, imported = rel(path), imports_of(path)
    project = {name for name in imported if name.split(".")[0] in ("services", "workers")}
    if where.startswith("workers/stages/"):
        assert not {n for n in project if not n.startswith("workers.stages")}, where
        assert not {n.split(".")[0] for n in imported} & FRAMEWORKS, where
    elif where.startswith("services/common/"):
        assert not {n for n in project if not n.startswith("services.common")}, where
    elif where.startswith("services/api/"):
        assert not {n for n in project if n.startswith("workers")}, where
    elif where.startswith("services/"):
        allowed = ("workers.stages", "workers.outputs")
        assert not {n for n in project if n.startswith("workers") and not n.startswith(allowed)}, where


def test_no_bench_script_shadows_a_standard_module():
    # The bench's service processes run with bench/ on PYTHONPATH: a bench/profile.py made
    # `import cProfile` fail in every one of them.
    scripts = {path.stem for path in (ROOT / "bench").glob("*.py")}
    assert not scripts & set(sys.stdlib_module_names)
