# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CLI    := $(VENV)/bin/ofsted-qa

.PHONY: run test index lint eval fit bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# torch first, pinned to the CPU build: an unpinned torch would pull a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev,llm]'
	touch $@

# The browser test drives Debian's Chromium; Playwright's own browser download cannot run here.
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# axe-core for the browser test's accessibility audit, pinned by package-lock.json.
AXE := tests/browser_assets/node_modules/axe-core/axe.min.js
$(AXE): tests/browser_assets/package-lock.json
	cd tests/browser_assets && npm ci --no-audit --no-fund

index: $(VENV)/.installed
	$(CLI) ingest data/reports --if-missing

run: index
	$(CLI) app

test: $(VENV)/.dev /usr/bin/chromium $(AXE)
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(VENV)/bin/ruff format --check . && $(VENV)/bin/ruff check .

# The scale suites (dev, test, fresh) read ../shared/corpus/scale; their indexes are cached.
eval: index
	$(CLI) eval --suite shipped --suite cross --suite dev --suite test --suite fresh --suite fresh2 --suite fresh3 \
		--baselines \
		--markdown evals/reports/latest.md --json evals/reports/latest.json

# Refit the answer scorer's weights on the dev split (writes app/weights.json).
fit: index
	$(PY) -m evals.fit_weights --with-shipped

bench: index
	$(PY) -m evals.bench

clean:
	rm -rf var .pytest_cache
