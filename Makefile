# Diplomatic contacts from news articles. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

INPUT     ?= data/seeds
OUT       ?= reports
SOURCES   ?=
LANGUAGES ?= en,fr,bg,ro,ru,es,de,pt,ar,sw
OVERRIDES ?= data/annotations/overrides.csv
# Report parameters (same names as notebooks/03_report.ipynb; see README):
FOCUS       ?=
FROM        ?=
TO          ?=
TITLE       ?= Diplomatic contacts
PLANNED     ?= no
MIN_ORIGINS ?= 1
FORMATS     ?= html
NETWORK_NODES ?= 16

BATCH       ?=
WORKERS     ?= 0
ENGINE      ?= local
SCHEDULER   ?=
SIZES       ?= 1k,10k,100k
KNOWN_VARS := PYTHON INPUT OUT SOURCES LANGUAGES OVERRIDES FOCUS FROM TO TITLE PLANNED MIN_ORIGINS FORMATS NETWORK_NODES BATCH LAB_PORT WORKERS ENGINE SCHEDULER SIZES
# The names given on the command line (by origin, so a value with spaces, TITLE="Sahel watch", stays one)
CLI_VARS := $(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $(v))),$(v)))
UNKNOWN_VARS := $(filter-out $(KNOWN_VARS) MAKEFLAGS MAKEOVERRIDES -*-command-variables-*-,$(CLI_VARS))
ifneq ($(strip $(UNKNOWN_VARS)),)
$(error unknown parameter(s): $(UNKNOWN_VARS). Known: $(KNOWN_VARS))
endif

.PHONY: help install lock tables report chromium test lint lab clean dev-eval bench

help: ## list the targets and their variables
	@grep -hE '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-8s %s\n", $$1, $$2}'
	@echo "  data: INPUT=$(INPUT) OUT=$(OUT) SOURCES=<csv, default INPUT/sources.csv> LANGUAGES=$(LANGUAGES) OVERRIDES=$(OVERRIDES)"
	@echo "  scale: WORKERS=$(WORKERS) (0 = every core) ENGINE=$(ENGINE) (local or dask) SCHEDULER=<tcp://host:8786> SIZES=$(SIZES) (make bench)"
	@echo "  report: FOCUS=<ISO3,...> FROM=<YYYY-MM-DD> TO=<YYYY-MM-DD> TITLE='$(TITLE)' PLANNED=$(PLANNED) MIN_ORIGINS=$(MIN_ORIGINS) FORMATS=$(FORMATS) NETWORK_NODES=$(NETWORK_NODES)"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found %d.%d): set PYTHON=/path/to/python3.11" % sys.version_info[:2])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies (requirements.lock)

lock: ## re-resolve pyproject.toml into requirements.lock and environment.yml
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade pip && .venv-lock/bin/pip install --quiet -e '.[test]'
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock
	.venv-lock/bin/python scripts/sync_environment.py
	rm -rf .venv-lock

tables: $(STAMP) ## data stages only: INPUT folder -> OUT/tables and OUT/clean
	$(PY) -m helpers tables --input "$(INPUT)" --out "$(OUT)" --languages "$(LANGUAGES)" --overrides "$(OVERRIDES)" \
	  --workers "$(WORKERS)" --engine "$(ENGINE)" --scheduler "$(SCHEDULER)" $(if $(SOURCES),--sources "$(SOURCES)")

report: $(STAMP) ## the whole pipeline: INPUT -> OUT/tables, notebooks (OUT/_executed), OUT/report.html (+ .pdf with FORMATS=html,pdf)
	@if echo "$(FORMATS)" | grep -q pdf; then $(MAKE) --no-print-directory chromium; fi
	$(PY) -m helpers report --input "$(INPUT)" --out "$(OUT)" --languages "$(LANGUAGES)" --overrides "$(OVERRIDES)" \
	  --title "$(TITLE)" --from "$(FROM)" --to "$(TO)" --focus "$(FOCUS)" --planned "$(PLANNED)" \
	  --min-origins "$(MIN_ORIGINS)" --formats "$(FORMATS)" --network-nodes "$(NETWORK_NODES)" \
	  --workers "$(WORKERS)" --engine "$(ENGINE)" --scheduler "$(SCHEDULER)" $(if $(SOURCES),--sources "$(SOURCES)")

chromium: ## make sure Debian's Chromium (for PDF and browser tests) and poppler-utils are installed
	@if [ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium and poppler-utils (needed for PDF)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	else echo "PDF needs Chromium and poppler-utils: run 'sudo apt-get install -y chromium poppler-utils' (HTML alone does not)"; exit 1; fi

dev-eval: $(STAMP) ## score extraction on the cached real articles (data/gold/real; BATCH=1,2 for some batches)
	$(PY) scripts/devset.py status || true
	$(PY) scripts/devset.py eval $(if $(BATCH),--batch "$(BATCH)")

bench: $(STAMP) ## benchmark every stage on the synthetic corpus (SIZES=1k,10k,100k): benchmarks/results.md
	$(PY) scripts/benchmark.py --sizes "$(SIZES)" $(if $(filter-out 0,$(WORKERS)),--workers "$(WORKERS)")

lint: $(STAMP) ## ruff on the code, tests and scripts
	$(PY) -m ruff check src tests scripts benchmarks

test: $(STAMP) lint ## lint, then the whole test suite (unit, pipeline, notebook runs)
	$(PY) -m pytest -q

LAB_PORT ?= 8888
lab: $(STAMP) ## JupyterLab on notebooks/ (kernel "python3" = the project's .venv); prints the URL to open
	$(VENV)/bin/jupyter lab --no-browser --ip=127.0.0.1 --port=$(LAB_PORT) $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --ServerApp.root_dir=notebooks

clean: ## remove generated outputs (keeps .venv)
	rm -rf $(OUT)/tables $(OUT)/clean $(OUT)/_executed $(OUT)/report.html $(OUT)/report.pdf $(OUT)/report_manifest.json \
	  $(OUT)/tables_manifest.json $(OUT)/cache
