# ask: providers, resilience, LiteLLM integration tests.
#   make litellm-venv   create/reuse .venv-litellm with litellm[proxy] (PyPI, ~2 min the first time)
# The LiteLLM end-to-end tests (Tests/EndToEndTests/LiteLLMTests.swift) run when the venv exists;
# `make test` creates it first. LLMROUTE_LITELLM=/path/to/litellm points them at another install.

LITELLM_VENV ?= .venv-litellm

.PHONY: litellm-venv

litellm-venv:
	@if [ ! -x $(LITELLM_VENV)/bin/litellm ]; then \
	  $(PYTHON3) -m venv $(LITELLM_VENV) && \
	  $(LITELLM_VENV)/bin/pip install -q 'litellm[proxy]'; \
	fi

TEST_CHECKS += litellm-venv

# serve: the official openai SDK (PyPI) for the gateway's end-to-end tests
# (Tests/EndToEndTests/ServeOpenAISDKTests.swift), in .venv-openai; `make test` creates it first.
OPENAI_VENV ?= .venv-openai

.PHONY: openai-venv

openai-venv:
	@if [ ! -x $(OPENAI_VENV)/bin/python ] || ! $(OPENAI_VENV)/bin/python -c 'import openai' 2>/dev/null; then \
	  $(PYTHON3) -m venv $(OPENAI_VENV) && \
	  $(OPENAI_VENV)/bin/pip install -q openai; \
	fi

TEST_CHECKS += openai-venv
