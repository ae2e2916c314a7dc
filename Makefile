# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
SEED ?= ../shared/seed/osmani-stoltenberg.txt

.PHONY: setup demo test fast lint bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(VENV)/bin/dyads ingest $(SEED) --db dyads.duckdb
	$(VENV)/bin/dyads events --db dyads.duckdb

test: setup
	bash .ci/services
	$(VENV)/bin/pytest

fast: setup
	$(VENV)/bin/pytest -m "not slow and not browser"

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
