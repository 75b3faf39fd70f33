# Dateline: `make demo` installs everything and ingests the seeds; `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= out/demo.db

.PHONY: install chromium demo test bench clean

install: $(VENV)/.installed chromium

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The browser tests (tests/test_serve_browser.py) drive Debian's chromium through Playwright;
# Playwright's own browser downloads are never used. Installed once, when it is missing.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    SUDO=$$( [ "$$(id -u)" -ne 0 ] && command -v sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

demo: install
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/dateline ingest $(SHARED)/seeds --db $(DEMO_DB)
	$(BIN)/dateline documents --db $(DEMO_DB) --format table

# pytest exits 5 when it collected no tests: that is a failure here, never a pass.
test: install
	$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: install
	$(BIN)/python bench/ingest_speed.py

clean:
	rm -rf $(VENV) out *.egg-info
