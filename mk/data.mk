# The data folder (data/SOURCES.md): every file listed with its origin, licence and SHA-256.
#   make check-data   the listed hashes match and no file is unlisted (part of make test)

DATA_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
TEST_CHECKS += check-data

.PHONY: check-data
check-data:
	bash $(DATA_ROOT)/Scripts/data/check_sources.sh
