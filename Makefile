# Two commands on a fresh machine with Python 3.11 and make:
#   make crawl   - crawl the bundled sample portal (or PORTAL=http://...) into data/feeds/
#   make test    - lint and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORTAL ?=
CRAWL_ARGS ?=

.PHONY: install crawl test lint serve bench clean

$(BIN)/scrapy: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench,deploy]'
	touch $(BIN)/scrapy

install: $(BIN)/scrapy

crawl: install
	$(BIN)/scrapy crawl portal $(if $(PORTAL),-a start_url=$(PORTAL),-a demo=1) $(CRAWL_ARGS)

test: install
	$(BIN)/ruff check newscrawler tests bench
	$(BIN)/python -m pytest -q -n auto

serve: install
	$(BIN)/python -m newscrawler.portal serve --port 8000

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/crawl.py

clean:
	rm -rf $(VENV) data .newscrawler
