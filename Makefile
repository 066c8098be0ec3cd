# The README's two commands are `make demo` and `make test`; CI runs `make test` through .ci/run.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SITREP := $(VENV)/bin/sitrep
DB ?= demo.duckdb

.PHONY: setup demo test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(SITREP) ingest samples --db $(DB)
	$(SITREP) events --db $(DB)

test: setup
	$(PY) -m ruff check src tests
	$(PY) -m pytest -q -p no:cacheprovider

lint: setup
	$(PY) -m ruff check src tests

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
