#!/usr/bin/env bash
# Streaming benchmark: llmroute ask vs curl -N, same request, same local server (see stream_bench.py).
#   Benchmarks/stream.sh [BINARY] [RUNS] [--paced]     default: the release build, 20 runs,
#   tokens as fast as the server can send them (--paced: one per millisecond)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${1:-}" ]; then make release >/dev/null; fi   # the shipped build (static stdlib, non-PIE)
bin="${1:-.build/release/llmroute}"
exec python3 Benchmarks/stream_bench.py "$bin" "${2:-20}" "${@:3}"
