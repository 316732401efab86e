# plan explorer. What each target installs on a fresh machine:
#   every target      .venv (python3 -m venv) with the pinned requirements.txt (pip, PyPI)
#   test, bench       + the Debian packages of `system-deps` (as root: apt-get; otherwise it names them)
#   everything else   nothing more (serve, devserver and publish use Python only)
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PORT ?= 8000
# The plan to build: a folder with data/ and content/ (default: this project's own plan).
PLAN ?= .
# The outcomes workbook staff fill in (make workbook writes it, make import reads it).
FILE ?= outcomes.xlsx
CLI := $(PY) -m plugins.plan_explorer
# What the tests need from Debian: Chromium (Playwright drives it), CJK fonts (charts, screenshots), a Java runtime
# (the Nu HTML checker), nginx (the deployment test serves the published site with docs/DEPLOY.md's config).
# axe-core is vendored in tests/vendor: no Node.js or npm is needed.
APT_PACKAGES := chromium fonts-noto-cjk default-jre-headless nginx

.PHONY: setup system-deps html serve devserver publish check schema workbook import draft translations import-translations test golden bench lint format clean

setup: $(STAMP) system-deps

$(STAMP): requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

system-deps:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Noto Sans CJK" && command -v java >/dev/null 2>&1 && { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	else echo "warning: install $(APT_PACKAGES) (sudo apt-get install --no-install-recommends $(APT_PACKAGES))"; fi

html: $(STAMP)
	$(CLI) build --plan $(PLAN)

# Absolute URLs under SITEURL (refused when missing, without https:// or an example address), .gz and .br copies
# of every text file; see docs/DEPLOY.md.
publish: $(STAMP)
	$(CLI) publish --plan $(PLAN)

# Builds, then serves output/ with the site's own 404 pages (our server: python -m plugins.plan_explorer serve).
serve: $(STAMP)
	$(CLI) serve --build --plan $(PLAN) --port $(PORT)

devserver: $(STAMP)
	$(CLI) devserver --plan $(PLAN) --port $(PORT)

check: $(STAMP)
	$(CLI) check --plan $(PLAN)

schema: $(STAMP)
	$(CLI) schema

# The spreadsheet staff record outcomes in (actual values, statuses, project progress), and its way back.
workbook: $(STAMP)
	$(CLI) workbook --plan $(PLAN) --output $(FILE)

import: $(STAMP)
	$(CLI) import --plan $(PLAN) $(FILE)

# A new plan folder drafted from the plan's Word file: make draft FILE=plan.docx PLAN=../next-plan [FORCE=1]
# (docs/NEW_PLAN.md). PLAN must be a new folder; FORCE=1 drafts over an earlier draft, keeping edited files.
draft: $(STAMP)
	$(CLI) draft $(FILE) --plan $(PLAN) $(if $(FORCE),--force)

# The texts that lack English (or whose Chinese changed since) as XLIFF for translators, and its way back
# (FILE=plan.xlf; see docs/EDITING.md, "Translating").
translations: $(STAMP)
	$(CLI) translations --plan $(PLAN) --output $(if $(filter outcomes.xlsx,$(FILE)),plan.xlf,$(FILE))

import-translations: $(STAMP)
	$(CLI) import-translations --plan $(PLAN) $(if $(filter outcomes.xlsx,$(FILE)),plan.xlf,$(FILE))

test: setup
	$(PY) -m ruff check plugins tests tools
	$(PY) -m ruff format --check plugins tests
	$(PY) -m mypy
	$(PY) -m pytest -q

golden: $(STAMP)
	$(PY) -m pytest -q tests/test_golden.py --update-golden

bench: setup
	$(PY) tools/bench.py

lint: $(STAMP)
	$(PY) -m ruff check plugins tests tools
	$(PY) -m ruff format --check plugins tests
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff format plugins tests

clean:
	rm -rf output .output.* cache
