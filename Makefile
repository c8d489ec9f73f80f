# The two commands of the README: `make demo` and `make test`. Both build .venv from the
# hash-pinned requirements.lock (registries only; nothing is downloaded at run time).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO   := demo-output

.PHONY: demo test lint lock clean

$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p $(DEMO)
	$(VENV)/bin/eventcoder run examples --db $(DEMO)/events.sqlite
	$(VENV)/bin/eventcoder timeline --db $(DEMO)/events.sqlite
	$(VENV)/bin/eventcoder export --db $(DEMO)/events.sqlite --format csv --out $(DEMO)/events.csv
	$(VENV)/bin/eventcoder export --db $(DEMO)/events.sqlite --format jsonl --out $(DEMO)/events.jsonl
	$(VENV)/bin/eventcoder export --db $(DEMO)/events.sqlite --format geojson --out $(DEMO)/events.geojson
	$(VENV)/bin/eventcoder export --db $(DEMO)/events.sqlite --format parquet --out $(DEMO)/events.parquet
	@echo "exports written to $(DEMO)/"

test: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks tools
	$(VENV)/bin/pytest -q -p no:cacheprovider

lock:
	$(PY) tools/make_lock.py

clean:
	rm -rf $(VENV) $(DEMO)
