# docpipe: `make run` serves everything locally, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
REDIS_URL ?= redis://127.0.0.1:6379/0
API_URL ?= http://127.0.0.1:8000
export REDIS_URL

.PHONY: help install redis-server wrk docker-compose test-fonts run api worker seed test bench bench-quick compose-check clean

help:
	@echo "make run      serve API + worker (+ Redis if none answers), submit seeds/, Ctrl-C stops all"
	@echo "make test     install what the tests need and run the whole suite"
	@echo "make bench   speed beside the framework ceiling (bench/results/), then quality figures"
	@echo "make bench-quick   the speed comparisons in under a minute"
	@echo "make api | make worker | make seed | make compose-check"

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

# The intake benchmark's load generator.
wrk:
	@command -v wrk >/dev/null || { echo "installing wrk"; $(APT_INSTALL) wrk >/dev/null; }

docker-compose:
	@command -v docker-compose >/dev/null || { echo "installing docker-compose"; $(APT_INSTALL) docker-compose >/dev/null; }

run: install redis-server
	$(PY) -m services.devrun --api-url $(API_URL) seeds

api: install
	$(VENV)/bin/gunicorn --bind 127.0.0.1:8000 --worker-class gthread --workers 2 --threads 16 \
	  --access-logfile - services.api.wsgi:app

worker: install
	$(VENV)/bin/celery -A workers.celery_app worker --loglevel=INFO

seed: install
	$(PY) -m services.client --api-url $(API_URL) seeds/*

test: install redis-server docker-compose test-fonts
	$(PY) -m pytest

# Speed: writes bench/results/results.md and PNG plots; the quality benchmarks print their tables.
bench: install redis-server wrk
	$(PY) bench/speed.py
	$(PY) bench/cleaning.py
	$(PY) bench/quotes.py
	$(PY) bench/summaries.py

bench-quick: install redis-server wrk
	$(PY) bench/speed.py --quick

compose-check: docker-compose
	docker-compose -f docker-compose.yml config --quiet && echo "docker-compose.yml is valid"

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info build dist
