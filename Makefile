# `make run` and `make test` do all the set-up a fresh machine needs (README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint format icons clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app ui tests bench main.py
	$(VENV)/bin/ruff format --check desktop_app ui tests bench main.py

format: $(STAMP)
	$(VENV)/bin/ruff check --fix desktop_app ui tests bench main.py
	$(VENV)/bin/ruff format desktop_app ui tests bench main.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis bench/out

icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.icons
