# Three images from one file: `api` (no stage libraries), `worker` (the stages' libraries) and
# `flower` (monitoring). Each runs as the unprivileged user `docpipe`.
# Both install one wheel built in a stage of its own, so the images hold no source tree.
FROM python:3.11-slim AS wheel
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY services ./services
COPY workers ./workers
RUN pip wheel --no-deps --wheel-dir /wheels .

FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN useradd --create-home --uid 10001 docpipe
COPY --from=wheel /wheels /wheels

FROM base AS api
RUN pip install /wheels/docpipe-*.whl
USER docpipe
EXPOSE 8000
# gevent workers (services/gunicorn_conf.py): slow clients cost a greenlet, not a thread.
CMD ["gunicorn", "-c", "python:services.gunicorn_conf", "--bind", "0.0.0.0:8000", \
     "--access-logfile", "-", "services.api.wsgi:app"]

FROM base AS worker
# OCR (Tesseract and its English data) and legacy .doc (antiword) run as programs.
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng antiword \
    && rm -rf /var/lib/apt/lists/*
RUN WHEEL=$(ls /wheels/docpipe-*.whl) && pip install "${WHEEL}[stages]"
USER docpipe
CMD ["celery", "-A", "workers.celery_app", "worker", "--loglevel=INFO"]

FROM base AS flower
RUN WHEEL=$(ls /wheels/docpipe-*.whl) && pip install "${WHEEL}[monitoring]"
USER docpipe
EXPOSE 5555
CMD ["celery", "flower"]
