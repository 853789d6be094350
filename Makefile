# jigyo — make build / make test set everything up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
JIGYO  := $(VENV)/bin/jigyo
STAMP  := $(VENV)/.installed

.PHONY: build check test lint schema bench clean

# compileall: an editable install leaves the sources uncompiled, and with PYTHONDONTWRITEBYTECODE
# every command would compile them again each time it starts
$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(PY) -m compileall -q src
	touch $(STAMP)

build: $(STAMP)
	$(JIGYO) build

check: $(STAMP)
	$(JIGYO) check

schema: $(STAMP)
	$(JIGYO) schema

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

# axe-core (the accessibility audit of the browser tests), from the npm registry
AXE := node_modules/axe-core/axe.min.js
$(AXE):
	-npm install --no-save --no-package-lock --no-audit --no-fund axe-core@4

test: $(STAMP) lint $(AXE)
	$(VENV)/bin/pytest

# BENCH=core,site,diff,pdf,serve chooses the parts (all by default); the table ends with a
# line naming every goal missed, and the status is 1 then
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	@$(PY) -m compileall -q src
	@$(PY) bench/bench.py $(BENCH) || { echo "make bench: goals missed (listed above)"; exit 1; }

clean:
	rm -rf build
