# The two commands of the README's quick start, and a few helpers.
PYTHON ?= python3
VENV ?= .venv

.PHONY: demo test install install-test lint messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

install: $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e .

install-test: $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e '.[test]'

## Install Amity and start it on SQLite with demo data at http://127.0.0.1:8000/
demo: install
	$(VENV)/bin/amity demo

## Install what the tests need and run them (SQLite, then PostgreSQL), with lint and checks
test: install-test
	VENV=$(VENV) ./scripts/test.sh

lint: install-test
	$(VENV)/bin/ruff check src tests bench scripts

## Compile the translation catalogs (src/amity/**/locale/*/LC_MESSAGES/django.po) to .mo
messages:
	$(VENV)/bin/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) var build *.egg-info
