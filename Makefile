# Wegwijzer mensenhandel — the only commands a newcomer needs.
#   make run    set up everything and serve on http://127.0.0.1:$(PORT) (SQLite)
#   make test   set up everything and run every test, on SQLite and on PostgreSQL, browser tests included
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# PostgreSQL for the second test run (trust auth on these machines). Override with TEST_POSTGRES_URL.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/wegwijzer
export PYTHONPATH := src

.PHONY: help setup run demo test test-sqlite test-postgres system-test-deps content lint bench messages clean

help:
	@echo "make run     set up and serve on http://127.0.0.1:$(PORT) (SQLite in var/)"
	@echo "make test    set up and run every test (SQLite and PostgreSQL, browser tests in Chromium)"
	@echo "make demo    like run, with a demo organisation and users for the meldcode dossier (prints logins)"
	@echo "make content load content/ into the database (validates first)"
	@echo "make bench   run the benchmarks in bench/"
	@echo "make lint    ruff"

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

src/wegwijzer/public/static/vendor/.built: node_modules/.installed scripts/build_assets.sh
	bash scripts/build_assets.sh
	touch $@

setup: $(VENV)/.installed src/wegwijzer/public/static/vendor/.built
	mkdir -p var

content: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content

run: content
	@echo "Wegwijzer mensenhandel: http://127.0.0.1:$(PORT)/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# demo: like run, plus a demo organisation with a user per role; prints passwords and TOTP secrets.
demo: content
	DEBUG=true PORT=$(PORT) $(PY) manage.py demo
	DEBUG=true $(PY) manage.py demo_editors
	@echo "Wegwijzer mensenhandel (demo): http://127.0.0.1:$(PORT)/dossier/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

system-test-deps:
	@bash scripts/ensure_test_deps.sh

test: setup system-test-deps
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== tests on SQLite"
	$(PY) -m pytest

test-postgres:
	@echo "== tests on PostgreSQL ($(TEST_POSTGRES_URL))"
	@bash scripts/check_postgres.sh "$(TEST_POSTGRES_URL)"
	DATABASE_URL="$(TEST_POSTGRES_URL)" $(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src bench conftest.py

bench: content
	$(PY) bench/public_pages.py
	$(PY) bench/pdf.py

messages: setup
	cd src/wegwijzer && ../../$(PY) ../../manage.py makemessages -l en --no-obsolete && ../../$(PY) ../../manage.py compilemessages

clean:
	rm -rf $(VENV) node_modules src/wegwijzer/public/static/vendor staticfiles var
