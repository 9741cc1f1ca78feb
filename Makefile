# Two commands for a fresh machine with Python 3.11+:
#   make run    start the dashboard on http://localhost:8501
#   make test   lint, then run the whole test suite (unit, app, browser)
#   make bench  measure speed and memory against a minimal Streamlit app (bench/README.md)
#   make data-report  print the data-quality report and refresh it in data/README.md
#   make messages     refresh the Spanish catalogue locales/es/LC_MESSAGES/messages.po
# Each first brings the local virtual environment .venv to exactly what uv.lock pins (with
# hashes) for what it needs: `make run` the runtime dependencies only, `make test` also the
# test group of pyproject.toml. uv itself is installed from PyPI, pinned by hash, into
# .venv-tools (tools/uv-requirements.txt).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TOOLS := .venv-tools
UV := $(TOOLS)/bin/uv
PORT ?= 8501

# uv builds .venv with this interpreter and never downloads a Python of its own.
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
# The uv cache is often on another file system than the project: copy, quietly.
export UV_LINK_MODE ?= copy

# `uv sync --locked` refuses a uv.lock that no longer matches pyproject.toml (then: make lock).
SYNC_RUNTIME := $(UV) sync --locked --no-default-groups
SYNC_TEST := $(UV) sync --locked --no-default-groups --group test

.PHONY: run test lint bench data-report messages lock clean

$(UV): tools/uv-requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	rm -rf $(TOOLS) && $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r tools/uv-requirements.txt
	touch $(UV)

# --inexact: test tools that an earlier `make test` put into .venv stay (no reinstall when
# switching between the two commands); a fresh clone gets the runtime set only.
run: $(UV)
	$(SYNC_RUNTIME) --inexact
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --server.port $(PORT)

# axe-core for the accessibility check, pinned by tests/e2e/package-lock.json (npm registry).
AXE := tests/e2e/node_modules/axe-core/axe.min.js

$(AXE): tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund
	touch $(AXE)

lint: $(UV)
	$(SYNC_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Not part of the tests: prints a table of figures with ratios to bench/baseline_app.py
# and writes bench/results/latest.json. Needs Chromium; nginx for the proxy figures.
bench: $(UV)
	$(SYNC_TEST)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# How strongly data/ is sourced and dated (components/data_quality.py); also rewrites the
# report between its markers in data/README.md.
data-report: $(UV)
	$(SYNC_RUNTIME) --inexact
	$(BIN)/python tools/data_report.py

# The UI strings: extract every _()/ngettext()/N_() English text (babel.cfg) into
# locales/messages.pot, then merge it into the Spanish catalogue (new strings arrive with an
# empty msgstr; tests/unit/test_i18n.py fails until each has its Spanish text). No fuzzy
# guesses: a near match must be translated by a person, not assumed.
messages: $(UV)
	$(SYNC_RUNTIME) --inexact
	$(BIN)/pybabel extract -F babel.cfg --no-wrap --sort-by-file --project=ot-pt-compare -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages -l es --no-wrap --no-fuzzy-matching --ignore-obsolete

# Re-resolve uv.lock after changing the dependencies in pyproject.toml (needs PyPI).
# Versions already locked stay unless pyproject.toml excludes them; to move them on too:
# make lock LOCK_ARGS=--upgrade (or --upgrade-package NAME).
lock: $(UV)
	$(UV) lock $(LOCK_ARGS)

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache .hypothesis build *.egg-info tests/e2e/node_modules
