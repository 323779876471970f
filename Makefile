# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint format install fuzz client clean

# The virtual environment is rebuilt when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	scripts/system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

# Development server on the embedded SQLite database, with the demo data set, and the
# worker that publishes reports in the background (stopped with the server).
demo: export DEBUG ?= 1
demo: export SITE_URL ?= http://$(HOST):$(PORT)
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	env -u DATABASE_URL DEBUG=0 SECRET_KEY=mypy $(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Lint, migrations up to date, then the whole suite (DATABASE_URL picks the database) on
# two workers, one a core, each given the tests in the suite's order: the tests that
# commit, after which the database is emptied, come last on each. (Given whole files, a
# worker would run a file's committing tests before the next file's others.)
# `make test PYTEST_ARGS=tests/...` runs what it names, in one process.
PYTEST_ARGS ?= --numprocesses 2
test: lint
	env -u DATABASE_URL DEBUG=0 SECRET_KEY=makemigrations-check \
		$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Schemathesis over the whole API schema with many more examples than the CI run.
FUZZ_EXAMPLES ?= 200
fuzz: install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/cases/api/test_schema_fuzz.py

# The partners' Python client, generated from the API's schema (clients/python/README.md);
# a test fails while the committed one differs from what this makes.
client: install
	env -u DATABASE_URL DEBUG=0 SECRET_KEY=client-schema ALLOWED_HOSTS=localhost \
		$(BIN)/python manage.py spectacular --format openapi-json --validate \
		--file clients/python/openapi.json
	$(BIN)/openapi-python-client generate --path clients/python/openapi.json \
		--config clients/python/generator.yaml --meta setup \
		--output-path clients/python/client --overwrite

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
