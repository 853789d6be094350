# jigyo — make build / make test set everything up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
JIGYO  := $(VENV)/bin/jigyo
STAMP  := $(VENV)/.installed

.PHONY: build check test lint schema bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
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

test: $(STAMP) lint
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/bench.py

clean:
	rm -rf build
