"""Pure text-processing stages: plain functions, no Celery, Flask or Redis.

One package per stage — ``cleaning``, ``quotes``, ``summary`` — each exporting its entry function
from its ``__init__``; ``text`` holds the sentence segmentation they share.
"""
