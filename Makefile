# dateline: two set-up commands, `make demo` and `make test`; both create the virtualenv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db

.PHONY: demo test bench lint clean throughput

$(BIN)/dateline: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("dateline needs Python 3.11+") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/dateline
	$(BIN)/dateline ingest samples --db $(DB)
	@echo; echo "== articles"; $(BIN)/dateline articles --db $(DB)
	@echo; echo "== quotes (first 25)"; $(BIN)/dateline quotes --db $(DB) --limit 25
	@echo; echo "== events (first 25)"; $(BIN)/dateline events --db $(DB) --limit 25
	@echo; $(BIN)/dateline stats --db $(DB)

test: $(BIN)/dateline
	$(BIN)/python -m pytest -q

# Accuracy on the development sets (kept outside the repository: ../shared/data or
# DATELINE_DEV_DATA), beside the extractors dateline is compared with.
bench: $(BIN)/dateline
	$(BIN)/python -m pip install --quiet -e '.[bench,test]'
	$(BIN)/python -m benchmarks.run

lint: $(BIN)/dateline
	$(BIN)/ruff check dateline tests benchmarks
	$(BIN)/mypy dateline

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm

# Articles/s and memory per worker on real pages; writes its section of docs/benchmarks.md.
throughput: $(BIN)/dateline
	$(BIN)/python -m pip install --quiet -e '.[bench,test]'
	$(BIN)/python -m benchmarks.throughput
