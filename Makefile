# Two commands matter: `make serve` (build and serve the site) and `make test` (every check).
# Everything else here is a step of those two, or a maintainer's tool.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
BASE ?= origin/main
# Material prints a banner about MkDocs 2 on every build; it is news, not a problem here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test lint format check freshness impact bench clean

# --- set-up steps (each runs once, then only when its inputs change) ---

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# npm ci checks every package against the integrity hash recorded in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

# --- the two commands ---

serve: setup
	$(PY) -m wizard check
	$(VENV)/bin/mkdocs serve --strict --dev-addr $(HOST)

test: setup
	bash .ci/ensure-chromium
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(PY) -m wizard check
	$(PY) -m wizard freshness --fail
	$(PY) -m pytest

# --- maintainer tools ---

build: setup
	$(PY) -m wizard check
	$(VENV)/bin/mkdocs build --strict

lint: setup
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: setup
	$(PY) -m wizard check

freshness: setup
	$(PY) -m wizard freshness

impact: setup
	$(PY) -m wizard impact --base $(BASE)

bench: setup
	bash .ci/ensure-chromium
	$(PY) -m tests.bench

clean:
	rm -rf site build dist *.egg-info .cache
