# Two commands on a fresh machine:  `make demo` (the main job on data/) and `make test` (everything).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test lint format bench system-deps clean

$(BIN)/policykg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/policykg
	$(BIN)/policykg build data/000_2459ef0d93ff34f6.txt --out $(OUT)
	@echo "open $(OUT)/map.html in a browser; the Turtle file is $(OUT)/graph.ttl"

# Chromium and a CJK font for the browser tests, from Debian (only what is missing).
system-deps:
	@command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

# Everything: lint, then the whole suite with a real Neo4j 5 server started (and stopped) around it.
test: $(BIN)/policykg system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	tests/neo4j_server/with_neo4j.sh $(BIN)/pytest -ra $(PYTEST_ARGS)

lint: $(BIN)/policykg
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/policykg
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(BIN)/policykg
	tests/neo4j_server/with_neo4j.sh $(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) tests/out bench/out .pytest_cache
