"""OCR of scanned pages and images with Tesseract, within a page cap and a time budget.

Tesseract (Debian's tesseract-ocr and tesseract-ocr-eng) runs as a process through pytesseract;
words come back with their boxes, grouped into lines so that the same layout rules as for a
PDF's text layer find the paragraphs (layout.py).
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pytesseract
from PIL import Image

from workers.stages.cleaning.errors import OcrUnavailable
from workers.stages.cleaning.layout import Box

LOGGER = logging.getLogger(__name__)

# Scanned PDF pages are rendered at this resolution for Tesseract. 200 dpi keeps body text
# (9-12 pt) at an x-height of 12-17 px, above the ~10 px below which Tesseract misreads, with
# 44% of the pixels of 300 dpi; on the seed scanned at 200 dpi: 99.9% of words at 200, 99.7% at
# 300, and 200 took 0.78x the time.
RENDER_DPI = 200
LANGUAGES = "eng"  # the language data the worker installs (tesseract-ocr-eng)
_POINTS_PER_INCH = 72
# Tesseract's OpenMP threads fight each other when a worker runs several documents at once
# (its documentation advises one thread per process then); measured here with two busy cores:
# 17.8 s for two pages with one thread, 39.7 s with its default. A deployment may still set it.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True, slots=True)
class OcrLimits:
    """How much OCR one document may use; deployments set them (OCR_MAX_PAGES, OCR_TIME_BUDGET_SECONDS)."""

    max_pages: int = 20
    time_budget_seconds: float = 60.0


@dataclass(slots=True)
class Ocr:
    """OCR for one document: counts the pages it read and those the limits left unread."""

    limits: OcrLimits = field(default_factory=OcrLimits)
    pages: int = 0
    skipped: int = 0
    seconds: float = 0.0
    out_of_time: bool = False

    def pdf_page(self, page: pdfium.PdfPage, index: int) -> list[Box]:
        """Lines of a scanned PDF page, in PDF points (y upwards) like its text layer's."""
        if not self._may_read():
            return []
        scale = RENDER_DPI / _POINTS_PER_INCH
        image = page.render(scale=scale).to_pil()
        height = page.get_height()
        return [Box(b.text, b.left / scale, b.right / scale, height - b.top / scale,
                    height - b.bottom / scale, index) for b in self._read(image, index)]

    def image(self, image: Image.Image, index: int) -> list[Box]:
        """Lines of an image, in pixels with y flipped to grow upwards."""
        if not self._may_read():
            return []
        return [Box(b.text, b.left, b.right, -b.top, -b.bottom, index) for b in self._read(image, index)]

    def report(self, warnings: list[str]) -> None:
        """Say in the warnings what was read by OCR and what the limits left out."""
        if self.pages:
            warnings.append(f"Read {self.pages} scanned page(s) with OCR; check the text for misread words.")
        if self.skipped:
            warnings.append(f"{self.skipped} scanned page(s) were not read: {self.limit_reached()}.")

    def limit_reached(self) -> str:
        """Which limit left pages unread, in words."""
        if self.out_of_time:
            return f"OCR stopped after its {self.limits.time_budget_seconds:g} s budget"
        return f"OCR reads at most {self.limits.max_pages} page(s) per document"

    def _may_read(self) -> bool:
        if self.pages >= self.limits.max_pages or self._remaining() <= 0:
            self.out_of_time = self.out_of_time or self._remaining() <= 0
            self.skipped += 1
            return False
        return True

    def _remaining(self) -> float:
        return self.limits.time_budget_seconds - self.seconds

    def _read(self, image: Image.Image, index: int) -> list[Box]:
        """Word boxes from Tesseract joined into lines, in the image's pixels (y downwards)."""
        started = time.monotonic()
        try:
            words = pytesseract.image_to_data(image, lang=LANGUAGES, output_type=pytesseract.Output.DICT,
                                              timeout=max(1, int(self._remaining())))
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrUnavailable("The document has scanned pages that need OCR, but Tesseract is not "
                                 "installed where the cleaning stage runs.") from exc
        except RuntimeError as exc:  # pytesseract's timeout
            LOGGER.info("OCR of page %d stopped: %s", index + 1, exc)
            self.seconds = self.limits.time_budget_seconds
            self.out_of_time, self.skipped = True, self.skipped + 1
            return []
        finally:
            self.seconds += time.monotonic() - started
        self.pages += 1
        return _lines(words, index)


def _lines(words: dict[str, list], index: int) -> list[Box]:
    lines: dict[tuple[int, int, int], Box] = {}
    for i, text in enumerate(words["text"]):
        if not text or not text.strip():
            continue
        key = (words["block_num"][i], words["par_num"][i], words["line_num"][i])
        left, top = float(words["left"][i]), float(words["top"][i])
        right, bottom = left + words["width"][i], top + words["height"][i]
        line = lines.get(key)
        if line is None:
            lines[key] = Box(text.strip(), left, right, top, bottom, index)
        else:
            line.text = f"{line.text} {text.strip()}"
            line.left, line.right = min(line.left, left), max(line.right, right)
            line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
    return list(lines.values())
