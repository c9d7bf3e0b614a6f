"""Text of a legacy Word (.doc, Word 97-2003) file, through Debian's antiword.

No maintained Python library reads the binary .doc format; antiword (GPL, run as a separate
program) does, paragraph by paragraph. Where it is not installed the stage says so plainly.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from workers.stages.cleaning.errors import UnreadableDocument, UnsupportedFormat

ANTIWORD_TIMEOUT_SECONDS = 60


def doc_paragraphs(data: bytes) -> list[str]:
    """Paragraphs of a .doc file, one per line of antiword's unwrapped output."""
    antiword = shutil.which("antiword")
    if antiword is None:
        raise UnsupportedFormat("Legacy Word (.doc) files need antiword, which is not installed where "
                                "the cleaning stage runs; send the document as DOCX or PDF.")
    with tempfile.NamedTemporaryFile(suffix=".doc") as source:
        path = source.name
        source.write(data)
        source.flush()
        try:
            # -w 0: no wrapping, one line per paragraph; -m UTF-8.txt: UTF-8 output.
            result = subprocess.run([antiword, "-w", "0", "-m", "UTF-8.txt", source.name],
                                    capture_output=True, timeout=ANTIWORD_TIMEOUT_SECONDS,
                                    env={**os.environ, "LC_ALL": "C.UTF-8"}, check=False)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableDocument(f"Reading the .doc file took over {ANTIWORD_TIMEOUT_SECONDS} s.") from exc
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        # A malformed file can crash antiword; being a separate process, it takes nothing with it.
        reason = said[0].replace(path, "the file") if said else f"antiword stopped with status {result.returncode}"
        raise UnreadableDocument(f"The Word (.doc) file could not be read: {reason}")
    return result.stdout.decode("utf-8", "replace").split("\n")
