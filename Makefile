# The two commands: `make run` starts milobot, `make test` runs the tests. Both set up what they need.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test bench lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/milobot serve

test: $(STAMP)
	./scripts/system-test-deps
	$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(VENV)/bin/python bench/ack_latency.py
	$(VENV)/bin/python bench/ingest.py
	$(VENV)/bin/python bench/ingest.py --corpus onepage
	$(VENV)/bin/python bench/report_pdf.py
	$(VENV)/bin/python bench/report_page.py
	$(VENV)/bin/python bench/report_package.py

lint: $(STAMP)
	$(VENV)/bin/ruff check milobot tests bench scripts
	$(VENV)/bin/ruff format --check milobot tests bench scripts
	$(VENV)/bin/mypy
