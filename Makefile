# llmroute — build, test, install.
#   make build      debug build
#   make release    static release build (.build/release/llmroute)
#   make test       everything CI runs: generated-file checks, unit and end-to-end tests
#   make bench      benchmarks (release build; see Benchmarks/)

SWIFT ?= swift
PYTHON3 ?= python3
PREFIX ?= /usr/local
DESTDIR ?=

# Fragments owned by each area (catalog, tokenizer, classifier, shell integration).
include $(sort $(wildcard mk/*.mk))

# Checks the fragments contribute to `make test` (each fragment appends to TEST_CHECKS).
TEST_CHECKS ?=

.PHONY: build release test test-swift bench clean

build:
	$(SWIFT) build

# Static stdlib and a non-PIE executable: start-up is most of a `route` call, and skipping the
# ~76k load-time relocations of a position-independent binary saves ~20% of it (measured with
# hyperfine: 3.5 -> 2.8 ms). Go's command-line tools link the same way by default.
#
# --no-export-dynamic: SwiftPM exports every symbol of an executable (33k here); at start-up the
# Swift runtime's backtracer calls dladdr() on the executable, which walks that whole table, and
# symbol lookups search it too. Nothing resolves symbols in the executable by name, so the
# table is left out (hyperfine, route: 4.90 -> 4.16 ms median, side by side).
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie -Xlinker --no-export-dynamic

release:
	$(SWIFT) build $(RELEASE_FLAGS)

# Swift tests: unit tests of each target, and end-to-end tests that run the built binary.
test-swift:
	$(SWIFT) build --build-tests
	LLMROUTE_BIN="$$($(SWIFT) build --show-bin-path)/llmroute" $(SWIFT) test --skip-build

# The Swift test run goes last so its summary closes the output.
test: check-catalog $(TEST_CHECKS) test-swift

bench: release
	Benchmarks/route.sh

clean:
	rm -rf .build
