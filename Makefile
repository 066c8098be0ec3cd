# The README's two commands are `make demo` and `make test`; CI runs `make test` through .ci/run.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SITREP := $(VENV)/bin/sitrep
DB ?= demo.duckdb

.PHONY: setup browser demo test install-check lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# The web page's browser tests drive Debian's Chromium (no browser download); they skip without it.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji \
		>/dev/null; } || echo "chromium is not installed: the browser tests will be skipped"

demo: setup
	$(SITREP) ingest samples --db $(DB)
	$(SITREP) events --db $(DB)

test: setup browser install-check
	$(PY) -m ruff check src tests tools
	$(PY) -m pytest -q -p no:cacheprovider

# `pip install .` without extras into a fresh venv must give a working `sitrep extract` (wheels kept in the cache).
install-check:
	PYTHON=$(PYTHON) tools/check_clean_install.sh

lint: setup
	$(PY) -m ruff check src tests tools

bench: setup
	$(SITREP) bench --docs 200

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
