# plan explorer — every target sets itself up on a fresh machine (venv, pinned deps, apt packages).
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

.PHONY: setup system-deps html serve devserver publish check schema workbook import test golden bench lint format clean

AXE := tests/js/node_modules/axe-core/axe.min.js

setup: $(STAMP) system-deps $(AXE)

# axe-core for the accessibility tests, from the npm registry, pinned by tests/js/package-lock.json
$(AXE): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --silent --no-audit --no-fund
	touch $@

$(STAMP): requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian packages the tests and charts need: Chromium (Playwright drives it), CJK fonts, Java (Nu checker).
system-deps:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Noto Sans CJK" && command -v java >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk default-jre-headless >/dev/null; \
	else echo "warning: install chromium, fonts-noto-cjk and a Java runtime (sudo apt-get install chromium fonts-noto-cjk default-jre-headless)"; fi

html: $(STAMP)
	$(CLI) build --plan $(PLAN)

publish: $(STAMP)
	$(CLI) build --plan $(PLAN) --settings publishconf.py

serve: html
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory output

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
