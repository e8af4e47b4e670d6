# Two commands on a fresh machine: `make run` and `make test`.
SHELL := bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test soak lint venv clean-data bench load

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (set PYTHON=...)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip 2>&1 | { grep -v 'is ignored: it is neither' || true; }
	$(PY) -m pip install --quiet -e '.[test]' 2>&1 | { grep -v 'is ignored: it is neither' || true; }
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m backend.devstack

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest

# The tests marked slow (left out of `make test`): the 10-minute soak; SOAK_SECONDS=120 shortens it.
soak: $(STAMP)
	$(PY) -m pytest -m slow

# Benchmarks (not part of `make test`): tables on stdout, JSON under bench/results/.
bench: $(STAMP)
	$(PY) bench/sync.py $(BENCH_ARGS)
	$(PY) bench/kpi_scale.py
	$(PY) bench/api.py
	$(PY) -m visualization.benchmark

# Locust against the API on :8000, or a stack of its own; e.g. LOAD_ARGS='-u 100 -t 30s'.
load: $(STAMP)
	$(PY) bench/load.py $(LOAD_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean-data:
	rm -rf .data
