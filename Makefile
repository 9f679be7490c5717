# Every target sets up what it needs: a fresh machine with Python 3.11, git and make is enough.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup test lint fuzz site site-internal serve check report export bench schema screenshots clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

# The code's own habits first (lint, format, types), then the whole suite.
test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kehoach macros tests scripts
	$(BIN)/ruff format --check kehoach macros tests scripts
	$(BIN)/mypy

# Property-based fuzzing: loader and checker (tests/test_fuzz.py, 5 properties), and what a hostile repository
# can do (tests/test_fuzz_hostile.py, 3: Markdown injection, path-like keys, federated registries):
# 8 properties x 2,000 examples = 16,000 generated inputs.
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	KEHOACH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py tests/test_fuzz_hostile.py -p no:cacheprovider --hypothesis-show-statistics -q

site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The internal site: confidential and internal-only documents included, every page marked. Never publish it.
# Its own configuration file says so (mkdocs-internal.yml); nothing in the environment can switch `make site`.
site-internal: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -f mkdocs-internal.yml

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

# make check ARGS="--format github" (pull requests), ARGS="--as-of 2023-03-16", ...
check: $(STAMP)
	$(BIN)/kehoach check $(ARGS)

# The scheduled past-due report: Markdown into $(REPORT) (a job summary), failing when a task is late.
REPORT ?= /dev/stdout
report: $(STAMP)
	$(BIN)/kehoach check --fail-on overdue --format markdown > $(REPORT)

export: $(STAMP)
	$(BIN)/kehoach export all --out build/du-lieu

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_site.py

screenshots: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python scripts/screenshots.py

schema: $(STAMP)
	$(BIN)/kehoach schema

clean:
	rm -rf site site-internal .pytest_cache build *.egg-info
