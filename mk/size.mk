# Binary size (README, "Binary size"): what the static release binary is made of.
#   make size-report   relink the release build with a link map (the objects are reused: ~1 min
#                      once `make release` has run), then print the sizes before and after
#                      stripping and the breakdown per component (Scripts/size/breakdown.py)
# The next `make release` relinks once more, as its linker flags differ by the map.

SIZE_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
SWIFT ?= swift
PYTHON3 ?= python3
SIZE_MAP ?= $(SIZE_ROOT)/.build/llmroute-release.map

.PHONY: size-report
size-report:
	cd $(SIZE_ROOT) && $(SWIFT) build $(RELEASE_FLAGS) --product llmroute -Xlinker -Map=$(SIZE_MAP)
	@bin="$$(cd $(SIZE_ROOT) && $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/llmroute" && \
	  stripped=$$(mktemp) && trap 'rm -f "$$stripped"' EXIT && strip -o "$$stripped" "$$bin" && \
	  echo "llmroute: $$(stat -c %s "$$bin") bytes as built, $$(stat -c %s "$$stripped") stripped (make install)"
	$(PYTHON3) $(SIZE_ROOT)/Scripts/size/breakdown.py $(SIZE_MAP)
