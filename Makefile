# docpipe: `make run` serves everything locally, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
REDIS_URL ?= redis://127.0.0.1:6379/0
API_URL ?= http://127.0.0.1:8000
export REDIS_URL

.PHONY: help install redis-server docker-compose test-fonts chromium run api worker seed test bench compose-check up scale down clean

help:
	@echo "make run      serve API + worker (+ Redis if none answers), submit seeds/, Ctrl-C stops all"
	@echo "make test     install what the tests need and run the whole suite"
	@echo "make api | make worker | make seed | make bench | make compose-check"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[stages,test,bench]'
	touch $@

install: $(STAMP)

# System tools from Debian: redis-server (tests start private ones; `make run` starts one if
# none answers) and docker-compose (the tests validate docker-compose.yml with it).
APT_INSTALL = apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

redis-server:
	@command -v redis-server >/dev/null || { echo "installing redis-server"; $(APT_INSTALL) redis-server >/dev/null; }

# The tests write the seed into a PDF with this font, so the curly quote marks survive.
test-fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { echo "installing fonts-dejavu-core"; $(APT_INSTALL) fonts-dejavu-core >/dev/null; }

# The browser tests drive Debian's chromium through Playwright (no browser download).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing chromium (browser tests)"; $(APT_INSTALL) chromium >/dev/null; \
	  else echo "no chromium on PATH: the browser tests will be skipped (install it, or run make test as root)"; fi; }

# Docker Compose v2 (`docker compose`) when its plugin answers, else v1 (`docker-compose`).
COMPOSE = $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo docker-compose)
N ?= 2

docker-compose:
	@docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing docker-compose"; $(APT_INSTALL) docker-compose >/dev/null; \
	  else echo "no Docker Compose here: the compose checks are skipped (install docker compose or docker-compose)"; fi; }

run: install redis-server
	$(PY) -m services.devrun --api-url $(API_URL) seeds

api: install
	$(VENV)/bin/gunicorn --bind 127.0.0.1:8000 --worker-class gthread --workers 2 --threads 16 \
	  --access-logfile - services.api.wsgi:app

worker: install
	$(VENV)/bin/celery -A workers.celery_app worker --loglevel=INFO

seed: install
	$(VENV)/bin/docpipe submit --wait --api-url $(API_URL) seeds

test: install redis-server docker-compose test-fonts chromium
	$(PY) -m pytest

bench: install
	$(PY) bench/cleaning.py
	$(PY) bench/quotes.py
	$(PY) bench/summaries.py
	$(PY) bench/load.py

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
