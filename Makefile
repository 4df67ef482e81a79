# Two commands on a fresh machine:
#   make demo   create .venv, install graphmodel, run the main job on the seed data
#   make test   create .venv with the test extras, provision what the tests need, run them all
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/graphmodel demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

benchmark: $(VENV)/.installed-test
	$(BIN)/python benchmarks/read_validate.py --bodies 20000 --people 200000 --seed 1

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
