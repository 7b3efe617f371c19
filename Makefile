# The two commands of the README:
#   make report   set up, make sure the UN corpus is there, run every notebook, write figures + HTML
#   make test     set up with the test extras and run the whole test suite
# Everything runs inside a local virtual environment (.venv), created when missing.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The UN corpus: $DISCOURSE_UNGDC if set, else the copy beside the project (../shared), else a
# download from Harvard Dataverse into the data directory ($DISCOURSE_DATA).
SHARED_UNGDC := $(wildcard ../shared/data/ungdc/UNGDC_*.tgz)
ifeq ($(strip $(DISCOURSE_UNGDC)),)
ifneq ($(strip $(SHARED_UNGDC)),)
export DISCOURSE_UNGDC := $(abspath $(dir $(firstword $(SHARED_UNGDC))))
endif
endif
export MPLBACKEND := Agg
# Report parameters: SAMPLE= (empty = every document), SEED, and JOBS= notebooks run side by
# side (empty = 2 on a machine with 2 cores or more).
SAMPLE ?=
SEED   ?= 1
JOBS   ?=
FIGURES ?= figures
BUILD  ?= build
PYTEST_ARGS ?=

.PHONY: report test install install-test data figures strip clean help browser

help:
	@echo "make report   run every notebook, write figures/ and build/report/index.html"
	@echo "make test     run the whole test suite"
	@echo "make figures  regenerate the paper figures without Jupyter"
	@echo "make strip    remove outputs from notebooks before committing"

# pip -qq: errors only. A machine's pip configuration can name package indexes or folders
# that lack most packages, and pip then warns "Location ... is ignored" for every package.
PIP := $(BIN)/python -m pip install -qq

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "installing discourse and its dependencies into $(VENV) (once)"
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

data: install
	@$(BIN)/discourse data

# The report prints what it will do, then each notebook's cells as they run.
report: data
	@$(BIN)/python -m discourse.paper.report --notebooks notebooks --figures $(FIGURES) --build $(BUILD) \
		$(if $(SAMPLE),--sample $(SAMPLE)) --seed $(SEED) $(if $(JOBS),--jobs $(JOBS))

figures: data
	$(BIN)/discourse figures --out $(FIGURES)

# `discourse data --no-download` first builds the UN corpus cache once, so that the two test
# processes do not both build it.
# The browser test of the HTML report needs Debian's chromium and chromium-driver: installed
# here when missing (as root, or through sudo).
test: install-test browser
	$(BIN)/discourse data --no-download
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; }

strip: install
	$(BIN)/python -m discourse.paper.notebooks strip notebooks/*.ipynb

clean:
	rm -rf $(BUILD) .pytest_cache
