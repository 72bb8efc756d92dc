# newsarchive — everything a fresh machine with the Rust toolchain needs.

CARGO   ?= cargo
BIN     := target/release/newsarchive
DEMO_DB ?= demo.db

.PHONY: build demo test bench fuzz lint clean

## build: the release binary (target/release/newsarchive)
build:
	$(CARGO) build --release --locked

## demo: a fresh archive from seed/, then the quote-overlap report
demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) --db $(DEMO_DB) seed
	@echo
	@echo "== newsarchive --db $(DEMO_DB) report quote-overlap"
	@$(BIN) --db $(DEMO_DB) report quote-overlap
	@echo
	@echo "== newsarchive --db $(DEMO_DB) report quote-overlap --matrix"
	@$(BIN) --db $(DEMO_DB) report quote-overlap --matrix

## test: formatting, then every unit and integration test
test:
	$(CARGO) fmt --all -- --check
	$(CARGO) test --locked -- --show-output

## bench: speed figures (printed, never pass/fail); see BENCHMARKS.md
bench: build
	$(CARGO) bench --locked --bench extract
	$(CARGO) bench --locked --bench html
	$(CARGO) bench --locked --bench link
	$(CARGO) bench --locked --bench scale

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
