"""Compiles the quote extractor, the summariser and their sentence splitter with mypyc
(the quote stage runs about 1.4x faster, the summariser about 1.2x).

Everything else about the package lives in pyproject.toml. Compiling is optional: with
DOCPIPE_COMPILE=0, or where no C compiler is found, the same modules run as plain Python.
"""
import glob
import os

from setuptools import setup

# The Makefile rebuilds when these change (its COMPILED_SOURCES names the same files).
# summary.py stays Python: mypyc would turn its argument checks' ValueError into a TypeError.
COMPILED = sorted(glob.glob("workers/stages/quotes*.py") + glob.glob("workers/stages/summary_*.py")) + [
    "workers/stages/text.py"
]


def compiled_extensions() -> list:
    if os.environ.get("DOCPIPE_COMPILE", "1") == "0":
        return []
    from mypyc.build import mypycify

    # One shared library for all of them, inside the package rather than a hash-named top-level module.
    extensions = mypycify(COMPILED, opt_level="3", group_name="workers.stages._compiled")
    for extension in extensions:
        extension.optional = True  # a failed build installs the pure-Python modules instead
    return extensions


setup(ext_modules=compiled_extensions())
