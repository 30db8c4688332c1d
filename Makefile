# Build and test plumbing for the kyphoplasty explainer.
#
#   make bootstrap  install the tools (scripts/bootstrap; quick when they are there)
#   make build      release build into dist/ (scripts/release-build: trunk build --release, the
#                   patients' build, with panics carrying no source locations; its post-build hook
#                   scripts/write-loader.mjs builds the consult build)
#   make serve      bootstrap, build, then serve dist/ at http://127.0.0.1:8080
#   make check      cargo fmt --check and clippy (native, wasm32, and wasm32 without consult mode:
#                   the patients' build); no bootstrap
#   make test       bootstrap, fmt, clippy, native tests, browser component tests, build, e2e tests
#   make bench      bootstrap, release build into bench/out/dist, then scripts/bench.mjs: bytes,
#                   start-up, frame cost, memory, idle; a table, PASS/OVER per budget (never fails
#                   on a budget) and bench/out/bench.json
#   make clean      remove target/, dist/ and bench/out/
#
# The npm binaryen's wasm-opt (node_modules/.bin) and the cargo-installed trunk / wasm-bindgen /
# wasm-bindgen-test-runner (~/.cargo/bin) come first on PATH: Debian's /usr/bin/wasm-opt is too old
# for wasm-bindgen's output and must never be found first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
CHROMEDRIVER ?= /usr/bin/chromedriver

HOST := 127.0.0.1
PORT := 8080
WASM := --target wasm32-unknown-unknown

.PHONY: bootstrap build serve check test bench clean

bootstrap:
	bash scripts/bootstrap

# Each target below bootstraps first (in its recipe, not as a prerequisite, so that `make -j`
# keeps the order).
build:
	bash scripts/bootstrap
	bash scripts/release-build
	@test -f dist/embed.js && test -f dist/index.html

serve:
	bash scripts/bootstrap
	bash scripts/release-build
	@echo
	@echo "  Serving dist/ at  http://$(HOST):$(PORT)/   (Ctrl-C to stop)"
	@echo
	python3 -m http.server $(PORT) --bind $(HOST) --directory dist

check:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --all-targets -- -D warnings
	cargo clippy $(WASM) --no-default-features -- -D warnings

# Stops at the first failing step; the output ends in node's test runner summary.
test:
	bash scripts/bootstrap
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --all-targets -- -D warnings
	cargo clippy $(WASM) --no-default-features -- -D warnings
	cargo test
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test $(WASM)
	bash scripts/release-build
	node --test --test-concurrency=1 tests/e2e/

# A benchmark, not a test: it builds into bench/out/dist (never dist/) and measures that build.
# Run it on a quiet machine; it takes a few minutes on 2 cores.
bench:
	bash scripts/bootstrap
	node scripts/bench.mjs

clean:
	cargo clean
	rm -rf dist bench/out
