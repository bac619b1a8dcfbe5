# The data folder (data/SOURCES.md): every file listed with its origin, licence and SHA-256.
#   make check-data            the listed hashes match and no file is unlisted (part of make test)
#   make check-self-contained  no build, test, script or CI file refers to the shared folder beside
#                              the checkout (part of make test)

DATA_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
TEST_CHECKS += check-data check-self-contained

# Where code and build rules live (docs and data/SOURCES.md may name the folder as an origin).
# The pattern is written escaped so that this file does not match it.
SELF_CONTAINED_PATHS := Sources Tests Scripts mk Makefile .ci Package.swift Benchmarks Fuzz

.PHONY: check-data check-self-contained
check-data:
	bash $(DATA_ROOT)/Scripts/data/check_sources.sh

# .ci/run also runs make test in a clone with nothing beside it; this names the line at once,
# before a build, and catches a path that only a test CI skips would read.
check-self-contained:
	@cd $(DATA_ROOT) && if grep -rnI '\.\./shared' $(SELF_CONTAINED_PATHS); then \
	  echo "check-self-contained: the lines above read outside the checkout; add the file to data/ (data/SOURCES.md)"; \
	  exit 1; fi; echo "check-self-contained: nothing refers to a folder beside the checkout"
