# The way to run things. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BUILT := $(VENV)/.compiled-stamp
SOURCE ?= seeds
TABLES ?= out/tables
PARAMS ?=
# pip's index on these machines prints one harmless line per missing mirror folder: keep the log readable.
PIP_QUIET := grep -v "is ignored: it is neither a file nor a directory" || true

.PHONY: help env extract report test lab devscore bench clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the project and its dependencies into $(VENV) ..."
	@$(BIN)/python -m pip install -q --upgrade pip 2>&1 | $(PIP_QUIET)
	@# plain Python here: pip would compile in a throw-away build directory; the in-place build below compiles once
	@ANALYSIS_PURE_PYTHON=1 $(BIN)/python -m pip install -q 'Cython>=3.0' -e '.[test]' 2>&1 | $(PIP_QUIET)
	@touch $(STAMP)

# setup.py compiles the extraction modules in place; after an edit or a checkout, Cython recompiles only the
# modules whose .py changed (analysis/compiled.py refuses to import a compiled module older than its source)
$(BUILT): $(STAMP) $(wildcard analysis/*.py)
	@echo "compiling the extraction modules whose source changed (Cython) ..."
	@$(BIN)/python -W ignore setup.py -q build_ext --inplace
	@$(BIN)/python -c "import analysis, pandas, underthesea, papermill" # fail here, not later, if the install is broken
	@touch $(BUILT)

env: $(BUILT) ## build .venv with the system Python if it is missing, and (re)compile changed extraction modules

extract: $(BUILT) ## extract the tables of SOURCE (default seeds/) into TABLES (default out/tables)
	$(BIN)/python -m analysis extract $(SOURCE) --out $(TABLES)

report: $(BUILT) ## build the environment if needed, extract seeds/ and render every report into reports/
	$(BIN)/python -m analysis report --source $(SOURCE) $(if $(PARAMS),--params $(PARAMS),) $(REPORT_ARGS)

test: $(BUILT) ## build the environment if needed and run the whole test suite
	$(BIN)/python -m pytest -n 2 --dist loadfile

lab: $(BUILT) ## open JupyterLab on the project
	$(BIN)/jupyter lab --notebook-dir=.

devscore: $(BUILT) ## score the extraction of tests/data/dev against its hand annotation (needs ../shared)
	$(BIN)/python -m analysis extract tests/data/dev/articles --out out/dev
	$(BIN)/python ../shared/eval/score.py --pred out/dev --gold tests/data/dev/gold.json --misses

bench: $(BUILT) ## run the load and extraction benchmarks (quoted in the issue notes)
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_extract.py

clean: ## remove generated tables and reports (keeps .venv)
	rm -rf out reports/*.html reports/runs
