"""Pure text-processing stages: plain functions, no Celery, Flask or Redis.

setup.py compiles the quote and summary modules and ``text`` with mypyc where it can. Python imports a
compiled module in place of its source, so in a source checkout a module compiled from older
source is refused here instead of silently running yesterday's code.
"""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def stale_builds(directory: Path) -> list[Path]:
    """Sources in ``directory`` changed after their compiled module was built."""
    stale = []
    for built in directory.glob("*.so"):
        source = directory / (built.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > built.stat().st_mtime:
            stale.append(source)
    return sorted(stale)


# Only a source checkout (setup.py beside the package) is built in place; an installed wheel's
# files all get their install time, which says nothing about which was built from which.
if (_HERE.parents[1] / "setup.py").exists() and (stale := stale_builds(_HERE)):
    raise ImportError(
        f"{', '.join(p.name for p in stale)} changed after being compiled: run `make install` "
        "to rebuild (or DOCPIPE_COMPILE=0 make clean install for plain Python)"
    )
