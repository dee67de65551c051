# Living Together — the two commands: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
HOST ?= 127.0.0.1
PORT ?= 8000
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
SCSS := $(shell find frontend/scss -name '*.scss')
# check --deploy reads production settings; these throwaway values only let them load.
DEPLOY_CHECK_ENV := DJANGO_SETTINGS_MODULE=config.settings.production DEBUG=false \
	SECRET_KEY=deploy-check-$$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9') \
	FIELD_ENCRYPTION_KEYS=deploy-check-$$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')

.PHONY: help run test setup data demo lint format bench worker lock messages translations clean

help:
	@echo "make run    set everything up and serve Walsall's data and the demo at http://$(HOST):$(PORT)"
	@echo "make test   set everything up and run every check and test"
	@echo "make bench  measure pages under load (gunicorn + PostgreSQL)"
	@echo "make worker run the background worker on its own"

## Set-up ---------------------------------------------------------------------------------------

# gettext for translations; Noto fonts for every script the Welcome Pack PDF is published in
# (Liberation Sans stands in for Arial); Pango for WeasyPrint; poppler's pdftotext for PDF tests.
$(STAMPS)/system:
	@mkdir -p $(STAMPS)
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -q "Noto Sans Gurmukhi" || missing="$$missing fontconfig fonts-noto-core fonts-noto-extra fonts-noto-ui-core"; \
	fc-list 2>/dev/null | grep -q "Liberation Sans" || missing="$$missing fonts-liberation2"; \
	dpkg -s libharfbuzz-subset0 libpangoft2-1.0-0 >/dev/null 2>&1 || missing="$$missing libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	@touch $@

$(STAMPS)/browser:
	@mkdir -p $(STAMPS)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
	@touch $@

$(STAMPS)/venv: requirements/dev.txt
	@mkdir -p $(STAMPS)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	@touch $@

$(STAMPS)/npm: package-lock.json
	@mkdir -p $(STAMPS)
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static_build/css/application.css: $(STAMPS)/npm $(SCSS) frontend/js/application.mjs frontend/images/favicon.svg
	@mkdir -p static_build/css static_build/js static_build/govuk static_build/images
	@npx sass --pkg-importer=node --no-source-map --style=compressed --quiet-deps \
		frontend/scss/application.scss static_build/css/application.css
	@cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static_build/govuk/
	@cp frontend/js/application.mjs static_build/js/
	@cp frontend/images/favicon.svg static_build/images/
	@echo "Built front-end assets (GOV.UK Frontend $$(node -p 'require("govuk-frontend/package.json").version'))"

%.mo: %.po
	@msgfmt --check-format -o $@ $<

messages: $(STAMPS)/system $(MO_FILES)

# After changing interface text: collect new strings into every language's .po file for translators.
translations: setup
	@$(PY) manage.py makemessages --no-obsolete --no-location --ignore '.venv/*' --ignore 'node_modules/*' \
		-l pl -l ro -l pa -l ur -l bn -l ar

setup: $(STAMPS)/venv static_build/css/application.css messages

## The platform ---------------------------------------------------------------------------------

data: setup
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py createcachetable -v 0
	@$(PY) manage.py import_open_data
	@$(PY) manage.py recompute_indices --now
	@$(PY) manage.py load_welcome_content

demo: data
	@$(PY) manage.py load_demo

run: demo
	@bin/serve $(HOST) $(PORT)

worker: setup
	@$(PY) manage.py db_worker

## Checks ---------------------------------------------------------------------------------------

lint: setup
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

format: setup
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

test: setup $(STAMPS)/browser lint
	@env $(DEPLOY_CHECK_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	@mkdir -p var
	@DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	@$(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	@bin/bench

## Maintenance ----------------------------------------------------------------------------------

lock:
	@$(PY) -m pip install --quiet uv
	@cd requirements && ../$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 main.in -o main.txt
	@cd requirements && ../$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 dev.in -o dev.txt

clean:
	rm -rf $(VENV) node_modules static_build staticfiles $(STAMPS) var
