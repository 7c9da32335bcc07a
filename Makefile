# Entry points. `make demo` and `make test` do all the set-up on a fresh Debian
# machine (scripts/install-deps.sh installs what is missing, via sudo when not root).
#   make demo   build (Release, build/) and run quotegraph on the seed article
#   make test   build and run the whole suite twice: build/ and build-asan/
#               (AddressSanitizer + UndefinedBehaviorSanitizer), then a short
#               libFuzzer run of each target in fuzz/ (scripts/fuzz, build-fuzz/)
#   make eval   score on ../shared/eval when it is beside the checkout
JOBS ?= 2
BUILD ?= build
ASAN_BUILD ?= build-asan
# Seconds per libFuzzer target in `make test` (scripts/fuzz, build-fuzz/).
FUZZ_SECONDS ?= 20
SEED := fixtures/biden-putin-call.txt
QG := $(BUILD)/cli/quotegraph

.PHONY: demo test build build-asan eval bench clean

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

demo:
	scripts/install-deps.sh build
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS) --target quotegraph
	@echo
	@echo "== quotegraph extract $(SEED)"
	$(QG) extract --format table $(SEED)
	@echo
	@echo "== quotegraph audit $(SEED)"
	$(QG) audit --format table $(SEED)
	$(QG) graph $(SEED) -o $(BUILD)/biden-putin-call.svg
	$(QG) report $(SEED) -o $(BUILD)/biden-putin-call.html
	@echo "== wrote $(BUILD)/biden-putin-call.svg (who said what) and $(BUILD)/biden-putin-call.html (report)"

# Both suites always run; the target fails if either failed, and ends with
# each suite's ctest summary line.
test:
	scripts/install-deps.sh test
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DQG_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	@rc=0; \
	(cd $(BUILD) && ctest --output-on-failure -j $(JOBS)) > $(BUILD)/ctest.log 2>&1 || rc=1; \
	cat $(BUILD)/ctest.log; \
	(cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)) > $(ASAN_BUILD)/ctest.log 2>&1 || rc=1; \
	cat $(ASAN_BUILD)/ctest.log; \
	scripts/fuzz $(FUZZ_SECONDS) > $(ASAN_BUILD)/fuzz.log 2>&1 || rc=1; \
	cat $(ASAN_BUILD)/fuzz.log; \
	echo; \
	echo "== $(BUILD):      $$(grep -E 'tests passed|No tests were found' $(BUILD)/ctest.log)"; \
	echo "== $(ASAN_BUILD): $$(grep -E 'tests passed|No tests were found' $(ASAN_BUILD)/ctest.log)"; \
	echo "== fuzz ($(FUZZ_SECONDS)s/target): $$(grep -c ' ok: ' $(ASAN_BUILD)/fuzz.log) of 4 targets clean"; \
	exit $$rc

eval:
	scripts/eval

# Corpus-scale benchmark (issue 6): extract on 1 and 2 threads beside a plain
# RE2 scan, medians of 5 rounds. Not part of `make test`.
bench:
	scripts/install-deps.sh build
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS) --target quotegraph re2_scan
	bench/run_bench.py --quotegraph $(QG) --re2-scan $(BUILD)/bench/re2_scan

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
