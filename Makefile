# `make run` and `make test` do all the set-up a fresh machine needs (README):
# scripts/system-packages installs, or names, the Debian packages Qt and the tests need.
PYTHON ?= python3
export PYTHON
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test reliability bench lint format icons screenshots clean bytecode

$(STAMP): pyproject.toml
	scripts/system-packages run
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(MAKE) --no-print-directory bytecode
	touch $(STAMP)

# Compiled at install and before each `make run` (only what changed): with
# PYTHONDONTWRITEBYTECODE set, as some environments do, every start would compile the whole
# project again, a third of a start (bench/scenarios/startup.py).
bytecode:
	$(PY) -m compileall -q desktop_app ui main.py > /dev/null

run: $(STAMP) bytecode
	scripts/system-packages run
	$(PY) main.py $(ARGS)

# `make test` runs the suite in parallel, one pytest-xdist worker a core, each module's tests
# on one worker (its module fixtures are built once); `make test JOBS=0` runs it in one
# process. One file runs as ever: .venv/bin/python -m pytest tests/test_cli.py
# A worker killed by the per-test timeout ends the run, failed, rather than being replaced:
# pytest-xdist 3.8 gives the replacement the test that killed its predecessor, again and
# again, so one hung test held a run for as long as nine timeouts (pytest-xdist #1371).
JOBS ?= auto
PARALLEL = -n $(JOBS) --dist loadscope --max-worker-restart=0

test: $(STAMP)
	scripts/system-packages test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PARALLEL)

# tests/reliability and the sharing and exchange property tests at full length; `make test`
# runs the same tests short. Whole runs take minutes each, so the per-test timeout is lifted.
reliability: $(STAMP)
	QT_QPA_PLATFORM=offscreen MINUTE_BOOK_KILLS=500 MINUTE_BOOK_FUZZ_EXAMPLES=2000 \
		MINUTE_BOOK_FLIPS=1000000 MINUTE_BOOK_REPLICA_EXAMPLES=200 MINUTE_BOOK_ROUND_TRIPS=500 \
		$(PY) -m pytest $(PARALLEL) --timeout=0 tests/reliability \
		tests/sync/test_replicas_converge.py tests/exchange/test_round_trip_property.py

# `make bench SCALE="0.25 1 4"` runs every scenario at each size of the §6 dataset and says
# which costs grow with the council rather than the meeting.
SCALE ?= 1
bench: $(STAMP) bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run $(foreach s,$(SCALE),--scale $(s)) $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app ui tests bench main.py
	$(VENV)/bin/ruff format --check desktop_app ui tests bench main.py

format: $(STAMP)
	$(VENV)/bin/ruff check --fix desktop_app ui tests bench main.py
	$(VENV)/bin/ruff format desktop_app ui tests bench main.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.icons

# The README's pictures, made afresh from the example body (ui/readme_pictures.py); look at
# each before committing them.
screenshots: $(STAMP)
	scripts/system-packages screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.readme_pictures docs
