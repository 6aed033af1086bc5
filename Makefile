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

.PHONY: help install lock tables report test lint lab clean

help: ## list the targets and their variables
	@grep -hE '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-8s %s\n", $$1, $$2}'
	@echo "  variables: INPUT=$(INPUT) OUT=$(OUT) SOURCES=<csv, default INPUT/sources.csv> LANGUAGES=$(LANGUAGES)"

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
	$(PY) -m helpers tables --input "$(INPUT)" --out "$(OUT)" --languages "$(LANGUAGES)" --overrides "$(OVERRIDES)" $(if $(SOURCES),--sources "$(SOURCES)")

report: $(STAMP) ## the whole pipeline on INPUT into OUT (tables, then the notebooks, executed into OUT/_executed)
	$(PY) -m helpers tables --input "$(INPUT)" --out "$(OUT)" --languages "$(LANGUAGES)" --overrides "$(OVERRIDES)" $(if $(SOURCES),--sources "$(SOURCES)")
	$(PY) scripts/run_notebooks.py --input "$(INPUT)" --out "$(OUT)" --languages "$(LANGUAGES)" $(if $(SOURCES),--sources "$(SOURCES)")

lint: $(STAMP) ## ruff on the code, tests and scripts
	$(PY) -m ruff check src tests scripts

test: $(STAMP) lint ## lint, then the whole test suite (unit, pipeline, notebook runs)
	$(PY) -m pytest -q

lab: $(STAMP) ## JupyterLab with the project's environment registered as a kernel
	$(PY) -m ipykernel install --user --name diplomacy-contacts --display-name "Python (diplomacy-contacts)"
	$(VENV)/bin/jupyter lab notebooks/

clean: ## remove generated outputs (keeps .venv)
	rm -rf $(OUT)/tables $(OUT)/clean $(OUT)/_executed
