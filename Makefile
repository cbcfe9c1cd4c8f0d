# Soleus: `make run` starts the app, `make test` runs every test. Both set up what they need.
SHELL := /bin/bash
CARGO ?= cargo
NPM ?= npm
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test package package-test package-smoke bench setup setup-test ui ui-deps app core-test ui-test e2e tauri-driver fuzz

run: setup ui
	$(CARGO) run -p soleus-desktop --features custom-protocol

test: setup-test core-test ui-test e2e

# A test run builds everything once: incremental caches would only add gigabytes to target/.
test: export CARGO_INCREMENTAL = 0

# The installers: a .deb and an .rpm (Tauri's bundler writes the .rpm itself; no rpm tools needed).
package: setup ui
	cd ui && TAURI_APP_PATH=../src-tauri npx tauri build --bundles deb,rpm
	@ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

# The release installers, tested: the .deb unpacked with dpkg -x into a scratch root and its
# binary started under Xvfb to its first screen; the .rpm checked to be one. CI runs it after
# `make test` (.ci/run): a release build costs minutes that `make test` should not.
package-test: setup-test package
	scripts/package-test.sh

# In `make test`'s e2e stage: the debug app the end-to-end tests drive, bundled as a .deb by the
# same bundler and configuration (seconds: no release build), then installed and started the same way.
package-smoke: app
	cd ui && TAURI_APP_PATH=../src-tauri npx tauri bundle --debug --bundles deb
	scripts/package-test.sh "$$(ls -t target/debug/bundle/deb/*.deb | head -1)" ""

# The figures of issue 14 beside their floors, in one run on this machine (bench/run.py says
# how). Builds the release app and its installers, the CLI, the store's floor program and the
# bare Tauri window (bench/bare-window: its own workspace, built into target/bare-window). The
# measuring takes about 10 minutes; the first time, the two LTO release builds of Tauri add 10 to
# 40 (on 2 cores, depending on the load). Not part of `make test`.
# BENCH_ARGS="--runs 5 --sessions 3" for a shorter run.
bench: setup-test package
	$(CARGO) build --release --bin soleus --example store_floor
	$(CARGO) build --release --features custom-protocol --manifest-path bench/bare-window/Cargo.toml --target-dir target/bare-window
	python3 bench/run.py $(BENCH_ARGS)

setup:
	scripts/setup-system.sh

setup-test:
	scripts/setup-system.sh --test
	@$(MAKE) --no-print-directory tauri-driver

tauri-driver:
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --locked

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && $(NPM) ci --no-audit --no-fund

ui-deps: ui/node_modules/.package-lock.json

ui: ui-deps
	cd ui && $(NPM) run build

# The app's features in every build, so that tests and the app share one build of Tauri.
APP_FEATURES := --features soleus-desktop/custom-protocol

# Every crate's unit and integration tests except the end-to-end ones, which need the built app.
core-test: ui
	$(CARGO) test --workspace --exclude soleus-e2e $(APP_FEATURES)

# Type-check every Svelte and TS file (vite build only strips types), then the unit tests.
ui-test: ui-deps
	cd ui && $(NPM) run check && $(NPM) test

# Built with every target, as core-test builds it: dev-dependencies then unify the features of
# shared crates the same way, and the app reuses the tests' build of its dependencies instead of
# compiling GTK and Tauri a second time (about 0.5 GB and a minute less).
app: ui
	$(CARGO) build --workspace --exclude soleus-e2e --all-targets $(APP_FEATURES)

# One file at a time, each under a time limit and retried once (scripts/e2e.sh says why).
e2e: app
	CARGO=$(CARGO) scripts/e2e.sh
	@$(MAKE) --no-print-directory package-smoke
	@echo "screenshots: target/screenshots/"

# Fuzzing (issue 14): every parser fed outside data, each for FUZZ_SECONDS, with libFuzzer through
# cargo-fuzz on the nightly toolchain. fuzz/ is a crate outside the workspace: `make test` never
# builds it. The corpus grows in fuzz/corpus/ (kept between runs, not committed), starting from
# fuzz/seeds/; a crash is saved in fuzz/artifacts/<target>/ and stops the run. Copy such a file
# into tests/data/reproducers/ and name what it must end as in tests/hostile_inputs.rs.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fit gpx tcx strava_csv pain_csv backup case_json gzipped
fuzz:
	@rustup toolchain list | grep -q '^nightly' || { echo "make fuzz needs the nightly toolchain (rustup toolchain install nightly)"; exit 1; }
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	@set -e; cd fuzz; for t in $(FUZZ_TARGETS); do \
	    mkdir -p corpus/$$t; \
	    echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	    $(CARGO) +nightly fuzz run $$t corpus/$$t seeds/$$t -- \
	        -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 2>&1 \
	        | grep -E '^(== |INFO: seed|#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY|.*Test unit written)' ; \
	    test $${PIPESTATUS[0]} -eq 0; \
	done; echo "fuzz: every target ran $(FUZZ_SECONDS) s without a crash, a hang over 10 s or 2 GB"
