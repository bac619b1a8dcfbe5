# Built-in model catalog: Sources/LLMRouteCore/Catalog/BuiltinCatalog.swift is generated from
# LiteLLM's price list and the curated Scripts/catalog/models.tsv (see Scripts/catalog/README.md).
#
#   make catalog                          regenerate the Swift file
#   make check-catalog                    fail if the committed Swift file is out of date (for `make test`)
#   make catalog CATALOG_JSON=path.json   use another copy of model_prices_and_context_window.json
#
# CATALOG_JSON empty = the script's default, data/prices/model_prices_and_context_window.json
# relative to the repository root.

CATALOG_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
PYTHON3 ?= python3
CATALOG_JSON ?=

.PHONY: catalog check-catalog

catalog:
	$(PYTHON3) $(CATALOG_ROOT)/Scripts/catalog/gen_catalog.py $(CATALOG_JSON)

check-catalog:
	$(PYTHON3) $(CATALOG_ROOT)/Scripts/catalog/gen_catalog.py --check $(CATALOG_JSON)
