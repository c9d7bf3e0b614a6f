"""Text of an uploaded image (PNG, JPEG, TIFF; every frame of a multi-page TIFF) by OCR."""
from __future__ import annotations

import io
import warnings as python_warnings

from PIL import Image, ImageSequence, UnidentifiedImageError

from workers.stages.cleaning.errors import DocumentTooLarge, NoTextFound, UnreadableDocument
from workers.stages.cleaning.layout import page_lines
from workers.stages.cleaning.lines import Line
from workers.stages.cleaning.ocr import Ocr

# A page scanned at 600 dpi is about 35 megapixels; beyond this an image is no document scan
# and decoding it would take memory the worker needs (Pillow's own bomb check starts at 89).
MAX_IMAGE_PIXELS = 60_000_000


def image_lines(data: bytes, ocr: Ocr, warnings: list[str]) -> list[Line]:
    """Lines of every frame of an image, read with OCR, marked where a paragraph starts."""
    pages = []
    with _open(data) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            width, height = frame.size
            if width * height > MAX_IMAGE_PIXELS:
                raise DocumentTooLarge(f"The image is {width}x{height} pixels; the limit is "
                                       f"{MAX_IMAGE_PIXELS:,} pixels per page.")
            try:
                grey = frame.convert("L")  # decodes the pixels: a truncated file fails here
            except (OSError, ValueError) as exc:
                raise UnreadableDocument(f"The image is damaged and could not be read ({exc}).") from exc
            pages.append(ocr.image(grey, index))
    ocr.report(warnings)
    if not any(pages):
        raise NoTextFound(f"No text was read: {ocr.limit_reached()}." if ocr.skipped
                          else "OCR found no text in the image.")
    return page_lines(pages, warnings)


def _open(data: bytes) -> Image.Image:
    try:
        with python_warnings.catch_warnings():
            python_warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise DocumentTooLarge(f"The image is too large to read ({exc}).") from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise UnreadableDocument(f"The image is damaged and could not be read ({exc}).") from exc
