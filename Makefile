# Two commands on a fresh machine:
#   make demo   create .venv, install graphmodel, run the main job on the seed data
#   make test   create .venv with the test extras, provision what the tests need, check the
#               import contracts, type-check, run them all (building the manual with --strict)
# and the manual: make docs builds it into site/, readable offline from site/index.html
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test docs provision benchmark maps screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-docs

# the benchmarks' anchors (pandas) beside the test extras
$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed $(VENV)/.installed-docs

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/graphmodel demo

# The manual (docs/, mkdocs.yml) as a website in site/ that opens from disk with no
# network; --strict fails on a broken link. tests/test_docs.py builds it the same way.
docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site
	@echo "the manual: site/index.html"

# The seed datasets' maps, decks and review packs in visualisations/ (committed: a test
# checks they are what this writes)
maps: $(VENV)/.installed
	$(BIN)/graphmodel demo --out visualisations

# The README's and the manual's screenshots in docs/: the browser tests that take them at 1366x768 (the
# legibility test of every seed map, the deck's slides at both screen sizes, and a council's
# representation map, the who-sits-where matrix, and the council's deck's who-sits-where slide)
screenshots: $(VENV)/.installed-test provision
	$(BIN)/python -m pytest -q tests/test_browser.py -k "legible_on_a_projector or fits_the_screen"
	$(BIN)/python -m pytest -q tests/test_matrix_browser.py -k "names_everyone_legibly"
	cp test-artifacts/legible-leeds-network.png docs/leeds-network-map.png
	cp test-artifacts/legible-leeds-accountability.png docs/leeds-accountability-map.png
	cp test-artifacts/slide-harborough-1366x768-9.png docs/harborough-deck-slide.png
	$(BIN)/python -m pytest -q tests/test_browser_council.py -k "every_category_and_warning"
	cp test-artifacts/council-representation.png docs/council-representation-map.png
	cp test-artifacts/matrix-leeds.png docs/leeds-matrix.png
	$(BIN)/python -m pytest -q tests/test_council_deck.py -k "every_slide"
	cp test-artifacts/council-deck-matrix.png docs/council-deck-slide.png

# The Neo4j integration tests start a real Neo4j 5.26, assembled from Maven Central by
# graphmodel itself: they need Java 17+ and Maven; the browser tests need Debian's chromium.
# Install them where they are missing and this machine lets us (Debian, as root); otherwise
# the tests say what is missing.
provision:
	@if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null; \
	  else echo "note: Java 17+ and Maven are needed for the Neo4j tests" >&2; fi; \
	fi
	@# The browser tests drive Debian's chromium (never a browser download of its own).
	@if ! command -v chromium >/dev/null; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium is needed for the browser tests" >&2; fi; \
	fi

# lint-imports checks the contracts in pyproject.toml ([tool.importlinter]): no import
# cycles, each layer importing only those below it
test: $(VENV)/.installed-test provision
	$(BIN)/lint-imports
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# Every benchmark runs, whatever the one before it judged: each prints its figures beside
# their targets and anchors, "met" or "NOT met" (a benchmark exits 1 on a target not met)
benchmark: $(VENV)/.installed-bench provision
	-$(BIN)/python benchmarks/generate.py --bodies 20000 --people 200000 --seed 1 --runs 3
	-$(BIN)/python benchmarks/read_validate.py --bodies 20000 --people 200000 --seed 1
	-$(BIN)/python benchmarks/neo4j_load.py --bodies 20000 --people 200000 --seed 1 --runs 3
	-$(BIN)/python benchmarks/analysis.py --bodies 20000 --people 200000 --seed 1
	-$(BIN)/python benchmarks/tables.py --rows 100000 --width 100
	-$(BIN)/python benchmarks/startup.py --runs 7
	-$(BIN)/python benchmarks/maps.py
	-$(BIN)/python benchmarks/importers.py --committees 300 --outside-bodies 400 --rows 20000

clean:
	rm -rf $(VENV) .pytest_cache .import_linter_cache .grimp_cache build *.egg-info site
