# The verbs people type. `make demo` and `make test` install what is missing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HEADED ?=

.PHONY: setup dev chromium run demo test test-quick bench lint screenshots clean

# The runtime install: the package, then the model-stack packages that must not pull torch.
$(VENV)/.installed: pyproject.toml requirements-nodeps.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Common Ground needs Python 3.11 or newer (found $$($(PYTHON) --version))." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $@

# The development install puts the project's root on the path (editable_mode=compat), so that
# the benchmarks and the tests import the shared harness/ as `python bench/x.py` too.
$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $@

setup: $(VENV)/.installed

dev: $(VENV)/.dev-installed

chromium:
	@scripts/ensure-chromium.sh

run: setup
	$(BIN)/commonground serve

demo: setup chromium
	$(BIN)/commonground demo $(if $(HEADED),--headed)

test: dev chromium
	$(BIN)/pytest

# The inner loop: no browser, no model, none of the slow families (load and crash tests, long
# property hunts, bombs); two workers. `make test` runs everything, one process.
test-quick: dev
	$(BIN)/pytest -m "not browser and not model and not slow" -n 2

bench: dev chromium
	$(BIN)/python -m bench.end_to_end

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

screenshots: dev chromium
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) demo-output *.egg-info
