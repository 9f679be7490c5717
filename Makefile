# Every target sets up what it needs: a fresh machine with Python 3.11, git and make is enough.
# The output is what a person should read: no command echo, and the installer speaks only when it fails.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# What building and checking need, and what the test suite adds (browser driver, linters): `make site` on a
# committee's machine installs only the first.
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test
INSTALL = $(BIN)/python -m pip install --quiet --disable-pip-version-check
# Where a machine reads the exit status (CI sets CI=true), `make check` fails on errors; at a clerk's terminal
# it ends with the checker's own Vietnamese summary instead of make's English «Error 1».
STRICT ?= $(CI)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup test test-documents lint fuzz site site-internal preview serve check report export bench schema \
	screenshots clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): pyproject.toml | $(BIN)/python
	@echo "Cài đặt công cụ vào $(VENV)/ (lần đầu mất vài phút)…"
	@$(INSTALL) --upgrade pip > $(VENV)/cai-dat.log 2>&1 && $(INSTALL) -e . >> $(VENV)/cai-dat.log 2>&1 \
		|| { cat $(VENV)/cai-dat.log; echo "Cài đặt không thành công (chi tiết ở trên)."; exit 1; }
	@touch $@

$(TEST_STAMP): $(SITE_STAMP)
	@echo "Cài đặt công cụ kiểm thử…"
	@$(INSTALL) -e '.[test]' > $(VENV)/cai-dat.log 2>&1 \
		|| { cat $(VENV)/cai-dat.log; echo "Cài đặt không thành công (chi tiết ở trên)."; exit 1; }
	@touch $@

setup: $(TEST_STAMP)

# The code's own habits first (lint, format, types), then the whole suite.
test: $(TEST_STAMP) lint
	@$(BIN)/python -m pytest

# One test per document, failing with the checker's Vietnamese findings: the first step of a pull request.
test-documents: $(TEST_STAMP)
	@$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_documents.py

lint: $(TEST_STAMP)
	@$(BIN)/ruff check -q kehoach macros tests scripts
	@$(BIN)/ruff format -q --check kehoach macros tests scripts
	@$(BIN)/mypy

# Property-based fuzzing: loader and checker (tests/test_fuzz.py, 5 properties), and what a hostile repository
# can do (tests/test_fuzz_hostile.py, 3: Markdown injection, path-like keys, federated registries):
# 8 properties x 2,000 examples = 16,000 generated inputs.
FUZZ_EXAMPLES ?= 2000
fuzz: $(TEST_STAMP)
	@KEHOACH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py tests/test_fuzz_hostile.py -p no:cacheprovider --hypothesis-show-statistics -q

# The public site; it stops on any error and names each one.
site: $(SITE_STAMP)
	@$(BIN)/mkdocs build --strict

# The internal site: confidential and internal-only documents included, every page marked. Never publish it.
# Its own configuration file says so (mkdocs-internal.yml); nothing in the environment can switch `make site`.
site-internal: $(SITE_STAMP)
	@$(BIN)/mkdocs build --strict -f mkdocs-internal.yml

# The pull request's preview (site-xem-truoc/): built even with errors, each shown on its document's page,
# and made to open from disk (mkdocs-preview.yml).
preview: $(SITE_STAMP)
	@$(BIN)/mkdocs build -f mkdocs-preview.yml
	@echo "Bản xem trước: site-xem-truoc/index.html (mở thẳng từ ổ đĩa được)."

# While editing: the site at http://127.0.0.1:8000, documents with errors shown; after a save only the pages
# the edit changed are rendered again (kehoach/site/incremental.py), in seconds even at 5,000 documents.
serve: $(SITE_STAMP)
	@$(BIN)/mkdocs serve --dirty

# make check ARGS="--format github" (pull requests), ARGS="--as-of 2023-03-16", ...
check: $(SITE_STAMP)
	@$(BIN)/kehoach check $(ARGS) || { status=$$?; [ -z "$(STRICT)" ] || exit $$status; }

# The scheduled past-due report: Markdown into $(REPORT) (a job summary), failing when a task is late.
REPORT ?= /dev/stdout
report: $(SITE_STAMP)
	@$(BIN)/kehoach check --fail-on overdue --format markdown > $(REPORT)

export: $(SITE_STAMP)
	@$(BIN)/kehoach export all --out build/du-lieu

bench: $(TEST_STAMP)
	@$(BIN)/python scripts/bench.py
	@$(BIN)/python scripts/bench_site.py

screenshots: $(TEST_STAMP)
	@$(BIN)/python scripts/screenshots.py

schema: $(SITE_STAMP)
	@$(BIN)/kehoach schema

clean:
	rm -rf site site-internal site-xem-truoc .pytest_cache build *.egg-info
