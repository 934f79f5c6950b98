# The two commands of the README, and a few for developers.  Nothing clever.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/geo gazetteer build
	$(BIN)/geo map examples/idlib-floods.ar.txt -o outputs --formats html,png,svg,pdf,geojson
	$(BIN)/geo map examples/nineveh-convoy.en.txt -o outputs --formats html,png,svg,pdf,geojson
	@echo "maps written to outputs/"

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) outputs/*.html outputs/*.png outputs/*.svg outputs/*.pdf outputs/*.geojson
