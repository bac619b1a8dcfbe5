# Hardening: fuzzing and sanitizers (Fuzz/README.md); included by the top Makefile.
#
#   make fuzz               build the fuzz targets, run each for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_RUNS=1000000   run each to that many executions instead, with no time limit
#                           (the long local run of Fuzz/README.md)
#   make fuzz-smoke         FUZZ_SECONDS=30 each, never FUZZ_RUNS (what CI runs)
#   make fuzz-build         only build them (libFuzzer + AddressSanitizer, in FUZZ_SCRATCH)
#   make fuzz-corpus        rewrite the committed seeds in Fuzz/corpus/ from the tests' inputs
#   make check-sanitizers   the test suite under AddressSanitizer, then ThreadSanitizer
#   make check-asan / check-tsan   one of them
#
#   FUZZ_TARGETS="sse config"   run only these (names without the fuzz- prefix)
#   SANITIZER_TEST_FILTER=re    limit the sanitizer runs to matching tests (default: all)
#   SANITIZER_TEST_SKIP=re      tests left out (default: the 10,000 random argument vectors, which
#                               would spawn the instrumented binary 10,000 times to test a parser
#                               that fuzz-arguments already runs under ASan)
#
# Each build has its own scratch path, as sanitizer and fuzzer flags apply to every module:
# sharing .build would rebuild everything back and forth.
#
# Not part of `make test`: measured on the 2-core build machine (shared, so upper bounds), the
# ASan build from nothing took 1,000 s and its test run 590 s; ThreadSanitizer rebuilds every
# module again (its run is not measured yet), and the fuzz targets' first build took ~9 min: with
# make test itself, far past CI's ~25 min. .ci/run adds only `make fuzz-smoke`, when there is time.

HARDENING_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
SWIFT ?= swift
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_TARGETS ?= sse openai anthropic config arguments jsonl tokenizer
FUZZ_SCRATCH ?= $(HARDENING_ROOT)/.build-fuzz
FUZZ_WORK ?= $(FUZZ_SCRATCH)/fuzz-work
ASAN_SCRATCH ?= $(HARDENING_ROOT)/.build-asan
TSAN_SCRATCH ?= $(HARDENING_ROOT)/.build-tsan
SANITIZER_TEST_FILTER ?=
SANITIZER_TEST_SKIP ?= RandomArgumentsTests
SANITIZER_TEST_SELECTION = $(if $(SANITIZER_TEST_FILTER),--filter '$(SANITIZER_TEST_FILTER)') $(if $(SANITIZER_TEST_SKIP),--skip '$(SANITIZER_TEST_SKIP)')

# The fuzz targets exist in Package.swift only with LLMROUTE_FUZZ=1. C and C++ code (TOMLKit's
# toml++) gets coverage and ASan too, so the config fuzzer sees inside the TOML parser.
FUZZ_BUILD_FLAGS = --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-corpus check-sanitizers check-asan check-tsan

fuzz-build:
	cd $(HARDENING_ROOT) && for t in $(FUZZ_TARGETS); do \
	  LLMROUTE_FUZZ=1 $(SWIFT) build $(FUZZ_BUILD_FLAGS) --product fuzz-$$t || exit 1; done

# With FUZZ_RUNS the time limit is 0 (none): a target stops after exactly FUZZ_RUNS inputs, so a
# slow or shared machine only makes the run longer, never shorter.
fuzz: fuzz-build
	FUZZ_RUNS=$(FUZZ_RUNS) bash $(HARDENING_ROOT)/Scripts/fuzz/run.sh "$$(cd $(HARDENING_ROOT) && LLMROUTE_FUZZ=1 $(SWIFT) build $(FUZZ_BUILD_FLAGS) --show-bin-path)" \
	  $(if $(FUZZ_RUNS),0,$(FUZZ_SECONDS)) $(FUZZ_WORK) $(FUZZ_TARGETS)

fuzz-smoke:
	$(MAKE) -C $(HARDENING_ROOT) fuzz FUZZ_SECONDS=30 FUZZ_RUNS=

fuzz-corpus:
	$(PYTHON3) $(HARDENING_ROOT)/Scripts/fuzz/make_corpus.py

# The end-to-end tests run the binary built with the same sanitizer (LLMROUTE_BIN), so batch
# concurrency and the circuit breaker's file state are checked inside the real program too.
check-asan:
	cd $(HARDENING_ROOT) && $(SWIFT) build --build-tests --sanitize=address --scratch-path $(ASAN_SCRATCH)
	cd $(HARDENING_ROOT) && LLMROUTE_BIN="$(ASAN_SCRATCH)/debug/llmroute" ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path $(ASAN_SCRATCH) $(SANITIZER_TEST_SELECTION)

check-tsan:
	cd $(HARDENING_ROOT) && $(SWIFT) build --build-tests --sanitize=thread --scratch-path $(TSAN_SCRATCH)
	cd $(HARDENING_ROOT) && LLMROUTE_BIN="$(TSAN_SCRATCH)/debug/llmroute" TSAN_OPTIONS=halt_on_error=1 \
	  $(SWIFT) test --skip-build --sanitize=thread --scratch-path $(TSAN_SCRATCH) $(SANITIZER_TEST_SELECTION)

check-sanitizers: check-asan check-tsan
