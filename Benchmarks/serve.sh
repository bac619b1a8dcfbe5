#!/usr/bin/env bash
# Gateway benchmark: `llmroute serve` and the LiteLLM proxy side by side, in front of the same
# local fake upstream (Tests/EndToEndTests/Servers/fault_server.py), against the upstream itself.
#   Benchmarks/serve.sh [BINARY] [REQUESTS]   default: the release build, 1000 requests per
#   throughput run. LiteLLM comes from .venv-litellm (`make litellm-venv`); without it, only ours.
# Reports time to first content byte p50/p99 at 1, 50 and 200 concurrent streams (streams at a
# hosted model's pace, and again with instant answers back to back: saturation), requests/s at
# 50 (saturation), the gateway's peak RSS (VmHWM), and each process's CPU time per streamed
# request. Goals (issue 19): ≤ 1 ms added to p50 time to first byte at 50 streams, ≥ 10×
# LiteLLM's requests/s, ≤ 100 MB RSS at 200 streams.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${1:-}" ]; then make release >/dev/null; fi   # the shipped build (static stdlib, non-PIE)
exec python3 Benchmarks/serve_bench.py "${1:-.build/release/llmroute}" "${2:-1000}"
