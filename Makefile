# Two commands for a fresh machine with Python 3.11+:
#   make run    start the dashboard on http://localhost:8501
#   make test   run the whole test suite (unit, app, browser)
#   make bench  measure speed and memory against a minimal Streamlit app (bench/README.md)
#   make data-report  print the data-quality report and refresh it in data/README.md
#   make messages     refresh the Spanish catalogue locales/es/LC_MESSAGES/messages.po
# Each creates the local virtual environment .venv from requirements.lock if needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
PORT ?= 8501

.PHONY: run test bench data-report messages lock clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --server.port $(PORT)

# axe-core for the accessibility check, pinned by tests/e2e/package-lock.json (npm registry).
AXE := tests/e2e/node_modules/axe-core/axe.min.js

$(AXE): tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund
	touch $(AXE)

test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Not part of the tests: prints a table of figures with ratios to bench/baseline_app.py
# and writes bench/results/latest.json. Needs Chromium; nginx for the proxy figures.
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# How strongly data/ is sourced and dated (components/data_quality.py); also rewrites the
# report between its markers in data/README.md.
data-report: $(STAMP)
	$(BIN)/python tools/data_report.py

# The UI strings: extract every _()/ngettext()/N_() English text (babel.cfg) into
# locales/messages.pot, then merge it into the Spanish catalogue (new strings arrive with an
# empty msgstr; tests/unit/test_i18n.py fails until each has its Spanish text). No fuzzy
# guesses: a near match must be translated by a person, not assumed.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-wrap --sort-by-file --project=ot-pt-compare -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages -l es --no-wrap --no-fuzzy-matching --ignore-obsolete

# Re-pin every dependency after changing pyproject.toml (needs the network to PyPI).
lock:
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet ".[test]"
	$(VENV)-lock/bin/python -m pip freeze --exclude-editable | grep -v '^ot-pt-compare' > requirements.lock
	rm -rf $(VENV)-lock

clean:
	rm -rf $(VENV) .pytest_cache tests/e2e/node_modules
