# Tokenizer checks and tools (see Scripts/tokenizer/README.md); included by the top Makefile.
#
#   make test-tokenizer    differential test vs tiktoken (4,000 seeded random/adversarial
#                          strings x both encodings, must be 0 mismatches) and, where
#                          data/tiktoken exists, a check that the committed blobs are reproducible
#   make tokenizer-golden  regenerate Tests/LLMRouteCoreTests/Tokens/Fixtures/golden_*.jsonl
#   make tokenizer-blobs   regenerate Sources/CLLMRouteData/blobs/{o200k,cl100k}_base.bin
#   make bench-tokens      Benchmarks/tokens.sh (release build vs tiktoken)
#
# Python comes from PyPI only, into .venv (created once, then reused). Pinned: tiktoken 0.14.0
# is the reference, and its regex classifies code points by Unicode 16.0, hence unicodedata2.
# SWIFT_TEST_FLAGS passes extra flags to the differential run's `swift test`
# (e.g. SWIFT_TEST_FLAGS="--scratch-path .build-tok").

TOKENIZER_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
PYTHON3 ?= python3
TOKENIZER_VENV ?= $(TOKENIZER_ROOT)/.venv
TOKENIZER_PYTHON := $(TOKENIZER_VENV)/bin/python
TOKENIZER_PIP_PACKAGES := tiktoken==0.14.0 unicodedata2==16.0.0
TOKENIZER_DEPS_STAMP := $(TOKENIZER_VENV)/.llmroute-tokenizer-deps
TOKENIZER_DIFF_COUNT ?= 4000
SWIFT_TEST_FLAGS ?=

TEST_CHECKS += test-tokenizer

$(TOKENIZER_DEPS_STAMP):
	test -x $(TOKENIZER_PYTHON) || $(PYTHON3) -m venv $(TOKENIZER_VENV)
	$(TOKENIZER_PYTHON) -m pip install -q --disable-pip-version-check $(TOKENIZER_PIP_PACKAGES)
	touch $@

.PHONY: test-tokenizer tokenizer-golden tokenizer-blobs bench-tokens

test-tokenizer: $(TOKENIZER_DEPS_STAMP)
	$(TOKENIZER_PYTHON) $(TOKENIZER_ROOT)/Scripts/tokenizer/make_vocab_blob.py --check
	$(TOKENIZER_PYTHON) $(TOKENIZER_ROOT)/Scripts/tokenizer/differential.py --count $(TOKENIZER_DIFF_COUNT) -- $(SWIFT_TEST_FLAGS)

tokenizer-golden: $(TOKENIZER_DEPS_STAMP)
	$(TOKENIZER_PYTHON) $(TOKENIZER_ROOT)/Scripts/tokenizer/make_golden.py

tokenizer-blobs: $(TOKENIZER_DEPS_STAMP)
	$(TOKENIZER_PYTHON) $(TOKENIZER_ROOT)/Scripts/tokenizer/make_vocab_blob.py

bench-tokens: $(TOKENIZER_DEPS_STAMP)
	bash $(TOKENIZER_ROOT)/Benchmarks/tokens.sh
