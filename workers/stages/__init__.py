"""Pure text-processing stages: plain functions, no Celery, Flask or Redis."""
