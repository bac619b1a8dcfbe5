# Hardening: fuzzing and sanitizers (Fuzz/README.md); included by the top Makefile.
#
#   make fuzz               build the fuzz targets, run each for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_RUNS=1000000   run each to that many executions instead, with no time limit
#                           (the long local run of Fuzz/README.md)
#   make fuzz-smoke         FUZZ_SECONDS=30 each, never FUZZ_RUNS
#   make fuzz-smoke-ci      30 s per target on a build that instruments our modules only (CI)
#   make fuzz-build         only build them (libFuzzer + AddressSanitizer, in FUZZ_SCRATCH)
#   make fuzz-corpus        rewrite the committed seeds in Fuzz/corpus/ from the tests' inputs
#   make check-sanitizers   the full test suite under AddressSanitizer, then ThreadSanitizer,
#                           every module instrumented (dependencies too)
#   make check-asan / check-tsan   one of them
#   make check-sanitizers-ci       what CI runs after make test: both sanitizers on OUR modules
#                           only, over the unit tests and the concurrency-heavy end-to-end suites
#
#   FUZZ_TARGETS="sse config"   run only these (names without the fuzz- prefix)
#   SANITIZER_TEST_FILTER=re    limit the full sanitizer runs to matching tests (default: all)
#   SANITIZER_TEST_SKIP=re      tests left out (default: the 10,000 random argument vectors, which
#                               would spawn the instrumented binary 10,000 times to test a parser
#                               that fuzz-arguments already runs under ASan)
#
# The full runs have their own scratch paths, as `--sanitize` applies to every module (NIO, GRDB,
# TOMLKit included): sharing .build would rebuild everything back and forth. Measured on the
# 2-core machine (shared, so upper bounds), 329 tests each:
#   ASan  from nothing: build 1,000 s; incremental (our modules): 132 s; test run 171-247 s
#   TSan  incremental (our modules): 90 s; test run 394-418 s (most of it `fiftyMegabytesOnStdin`)
# (check-sanitizers-ci: address 113 s build + 31 s tests, thread 104 s + 78 s: 5.5 min in all.)
#
# check-sanitizers-ci instead sets LLMROUTE_SANITIZE (Package.swift), which adds -sanitize= to
# our targets only, and builds in the normal scratch path: the dependencies `make test` compiled
# are reused and only our modules recompile (~2-2.5 min per sanitizer on 2 cores). Races and
# overflows inside NIO, GRDB or TOMLKit go unseen there (the full runs cover them); uninstrumented
# dependencies gave no false reports (full suite under both: 0 reports). Afterwards .build holds
# TSan-instrumented copies of our modules: the next plain build recompiles them.
# SANITIZER_CI_TESTS is the selection: unit tests, batch, circuit breaker, ledger writers, REPL.

HARDENING_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
SWIFT ?= swift
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_TARGETS ?= sse openai anthropic config arguments jsonl tokenizer outcomes request
FUZZ_SCRATCH ?= $(HARDENING_ROOT)/.build-fuzz
FUZZ_WORK ?= $(FUZZ_SCRATCH)/fuzz-work
ASAN_SCRATCH ?= $(HARDENING_ROOT)/.build-asan
TSAN_SCRATCH ?= $(HARDENING_ROOT)/.build-tsan
SANITIZER_TEST_FILTER ?=
SANITIZER_TEST_SKIP ?= RandomArgumentsTests
SANITIZER_CI_SCRATCH ?= $(HARDENING_ROOT)/.build
SANITIZER_CI_TESTS ?= LLMRouteCoreTests\.|LLMRouteCLITests\.|EndToEndTests\.(AskCommandTests|AskFaultTests|LedgerEndToEndTests|ClassifyBatchTests|BatchProgressTests|LoadBalancingTests|REPLLedgerTests|REPLScriptedTests)
SANITIZER_TEST_SELECTION = $(if $(SANITIZER_TEST_FILTER),--filter '$(SANITIZER_TEST_FILTER)') $(if $(SANITIZER_TEST_SKIP),--skip '$(SANITIZER_TEST_SKIP)')

# The fuzz targets exist in Package.swift only with LLMROUTE_FUZZ=1. C and C++ code (TOMLKit's
# toml++) gets coverage and ASan too, so the config fuzzer sees inside the TOML parser.
FUZZ_BUILD_FLAGS = --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address

.PHONY: fuzz fuzz-smoke fuzz-smoke-ci fuzz-build fuzz-corpus check-sanitizers check-asan check-tsan check-sanitizers-ci

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

# CI's fuzz smoke (30 s a target), built like check-sanitizers-ci: libFuzzer coverage and ASan on
# our modules only (LLMROUTE_SANITIZE=fuzzer,address, debug), in the normal scratch path, so the
# dependencies `make test` compiled are reused. `make fuzz`'s own build instruments everything
# (toml++ included) from nothing, ~9 min before the first input; this one ~3 min. Our parsers
# get the same 30 s; toml++ is run but not instrumented here (the long runs cover it).
fuzz-smoke-ci:
	@cd $(HARDENING_ROOT) && started=$$(date +%s) && for t in $(FUZZ_TARGETS); do \
	  LLMROUTE_FUZZ=1 LLMROUTE_SANITIZE=fuzzer,address $(SWIFT) build --scratch-path $(SANITIZER_CI_SCRATCH) --product fuzz-$$t || exit 1; \
	done && echo "fuzz-smoke-ci: build $$(( $$(date +%s) - started )) s" && \
	FUZZ_RUNS= bash Scripts/fuzz/run.sh "$(SANITIZER_CI_SCRATCH)/debug" 30 "$(SANITIZER_CI_SCRATCH)/fuzz-work" $(FUZZ_TARGETS)

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

# One build and one test run per sanitizer, timed. halt_on_error: the first report fails the run
# (in the end-to-end tests, through the binary's exit status 66 and its stderr).
check-sanitizers-ci:
	@cd $(HARDENING_ROOT) && for sanitizer in address thread; do \
	  started=$$(date +%s); \
	  LLMROUTE_SANITIZE=$$sanitizer $(SWIFT) build --build-tests --scratch-path $(SANITIZER_CI_SCRATCH) || exit 1; \
	  built=$$(date +%s); \
	  LLMROUTE_SANITIZE=$$sanitizer LLMROUTE_BIN="$(SANITIZER_CI_SCRATCH)/debug/llmroute" \
	    ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 TSAN_OPTIONS=halt_on_error=1 \
	    $(SWIFT) test --skip-build --scratch-path $(SANITIZER_CI_SCRATCH) --filter '$(SANITIZER_CI_TESTS)' || exit 1; \
	  echo "check-sanitizers-ci: $$sanitizer: build $$(( built - started )) s, tests $$(( $$(date +%s) - built )) s"; \
	done
