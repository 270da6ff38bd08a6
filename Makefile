# One task file: setup, run, test, lint, bench. Every target creates the venv if needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint format schema bench bench-large eval record clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/povsum run seeds/ --out out/

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

schema: $(STAMP)
	$(BIN)/povsum schema --out schemas/

record: $(STAMP)
	$(BIN)/python scripts/record_cassettes.py

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# Peak memory of `povsum run` on 100 to 100,000 generated articles; prints its section of results.md.
bench-large: $(STAMP)
	$(BIN)/python bench/memory.py --large

eval: $(STAMP)
	$(BIN)/povsum run seeds/ --out out/ --quiet
	$(BIN)/povsum eval out/ tests/gold/

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
