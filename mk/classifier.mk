# Local prompt classifier (docs/classifier.md); included by the top Makefile.
#
#   make train-classifier   retrain from data/classifier/labeled.jsonl (task head) and
#                           data/outcomes (strong-model score): prints both cross-validated
#                           reports (docs/classifier.md) and rewrites
#                           Sources/CLLMRouteData/blobs/classifier.bin
#   make check-classifier   retrain (no cross-validation) into a temp file and cmp it with the
#                           committed blob: proves the blob is what the code and data give.
#                           Part of `make test`; it uses the debug build the tests build anyway
#                           (~50 s of training there, ~4 s in release: the bytes are the same,
#                           Swift does not reorder floating-point arithmetic when optimising)
#   make bench-classify     Benchmarks/classify.sh (latency and JSONL throughput)
#
# The trainer is built with the same flags as `make release`, so it reuses that build.
# `.incbin` dependencies are invisible to SwiftPM: after the blob changes, classifier.S is
# touched so the next build re-assembles it.

CLASSIFIER_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
CLASSIFIER_DATA ?= $(CLASSIFIER_ROOT)/data/classifier/labeled.jsonl
CLASSIFIER_OUTCOMES ?= $(CLASSIFIER_ROOT)/data/outcomes
CLASSIFIER_BLOB := $(CLASSIFIER_ROOT)/Sources/CLLMRouteData/blobs/classifier.bin
CLASSIFIER_BUILD_FLAGS ?= $(RELEASE_FLAGS)
CLASSIFIER_TRAIN = $$($(SWIFT) build $(CLASSIFIER_BUILD_FLAGS) --show-bin-path)/llmroute-train
# check-classifier reuses the test build (debug) instead of compiling every dependency in release.
CLASSIFIER_CHECK_FLAGS ?=
CLASSIFIER_CHECK_TRAIN = $$($(SWIFT) build $(CLASSIFIER_CHECK_FLAGS) --show-bin-path)/llmroute-train

TEST_CHECKS += check-classifier

.PHONY: train-classifier check-classifier bench-classify classifier-trainer

classifier-trainer:
	cd $(CLASSIFIER_ROOT) && $(SWIFT) build $(CLASSIFIER_BUILD_FLAGS) --product llmroute-train

train-classifier: classifier-trainer
	cd $(CLASSIFIER_ROOT) && $(CLASSIFIER_TRAIN) --data $(CLASSIFIER_DATA) --outcomes $(CLASSIFIER_OUTCOMES) --out $(CLASSIFIER_BLOB)
	touch $(CLASSIFIER_ROOT)/Sources/CLLMRouteData/classifier.S

check-classifier:
	cd $(CLASSIFIER_ROOT) && $(SWIFT) build $(CLASSIFIER_CHECK_FLAGS) --product llmroute-train
	@test -f $(CLASSIFIER_DATA) || { echo "check-classifier: no $(CLASSIFIER_DATA)"; exit 1; }
	@tmp=$$(mktemp /tmp/classifier-XXXXXX.bin); \
	cd $(CLASSIFIER_ROOT) && $(CLASSIFIER_CHECK_TRAIN) --data $(CLASSIFIER_DATA) --outcomes $(CLASSIFIER_OUTCOMES) --no-cv --out $$tmp >/dev/null && \
	if cmp -s $$tmp $(CLASSIFIER_BLOB); then echo "check-classifier: blob reproduced byte for byte"; rm -f $$tmp; \
	else echo "check-classifier: retrained weights differ from $(CLASSIFIER_BLOB) (run make train-classifier)"; rm -f $$tmp; exit 1; fi

bench-classify:
	bash $(CLASSIFIER_ROOT)/Benchmarks/classify.sh
