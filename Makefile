# The two commands of the README: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run check-examples test lint typecheck unit fuzz bench clean translations screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The web application and API with demo data on an embedded SQLite database (Ctrl-C stops it).
run: $(STAMP)
	$(BIN)/clearway demo --port $(PORT)

# The offline pre-check on the example files, clean then with defects.
check-examples: $(STAMP)
	-$(BIN)/clearway check --request examples/request-clean.toml --manifest examples/manifest-clean.csv \
		--agreement examples/agreement-usa-mex.toml --at 2025-01-15T18:15:00Z
	-$(BIN)/clearway check --request examples/request-defects.toml --manifest examples/manifest-defects.csv \
		--agreement examples/agreement-defects.toml --holds examples/holds-sample.csv \
		--at 2025-03-17T03:15:00Z

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n auto -q

# Hostile input for minutes (the test suite runs the same strategies with a few examples each).
# A failing case is kept under tests/fuzz/regressions/, which the test suite replays from then on.
FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP)
	CLEARWAY_FUZZ_KEEP=1 CLEARWAY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/fuzz/test_fuzz.py -n auto -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/precheck.py
	$(BIN)/python bench/holds.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/paperwork.py
	$(BIN)/python bench/web.py
	CLEARWAY_TEST_POSTGRES_URL=$${CLEARWAY_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/python bench/outbox.py

# Every message: extract what templates and pages mark for translation and the keyed messages of
# src/clearway/i18n/catalog (_p/_np, the key as msgctxt), merge it into every language's
# catalogue (new messages untranslated, changed ones fuzzy), compile the .mo files.
LOCALE := src/clearway/locale
translations: $(STAMP)
	$(BIN)/pybabel extract -F $(LOCALE)/babel.cfg -k _ -k ngettext:1,2 -k _p:1c,2 -k _np:1c,2,3 \
		--no-location --sort-output \
		--project Clearway -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) -D messages --no-wrap
	$(BIN)/pybabel compile -d $(LOCALE) -D messages --statistics

# The screenshots of the README (docs/screenshots/), taken in Chromium on demo data.
screenshots: $(STAMP)
	$(BIN)/python -m tests.web.screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
