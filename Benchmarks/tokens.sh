#!/usr/bin/env bash
# Token counting benchmark: llmroute's release build vs tiktoken (encode_ordinary, one thread)
# on >= 10 MB of deterministic mixed text, same counts required. Reports throughput, start-up /
# vocabulary load time and peak RSS for o200k_base and cl100k_base.
#
# Usage: Benchmarks/tokens.sh [MEGABYTES]        (default 12)
#   LLMROUTE_TOKEN_COUNTER="cmd {encoding} {file}"  count with another command (must print the
#                                                   count) instead of `llmroute cost --tokens`
# Needs .venv with tiktoken (make bench-tokens creates it) and /usr/bin/time (apt: time).
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-12}"
python=.venv/bin/python
[ -x "$python" ] || { echo "no .venv: run 'make bench-tokens' (creates it) first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }

counter="${LLMROUTE_TOKEN_COUNTER:-}"
if [ -z "$counter" ]; then
    make release >&2
    if ! .build/release/llmroute cost --help 2>&1 | grep -q -- "--tokens"; then
        echo "this llmroute has no 'cost --tokens'; set LLMROUTE_TOKEN_COUNTER" >&2
        exit 1
    fi
    counter=".build/release/llmroute cost --tokens --encoding {encoding} -f {file}"
fi

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
"$python" Scripts/tokenizer/make_bench_corpus.py "$workdir/corpus.txt" --megabytes "$megabytes" >&2
"$python" Scripts/tokenizer/bench_tokens.py "$workdir/corpus.txt" --ours "$counter"
