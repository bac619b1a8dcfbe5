#!/usr/bin/env bash
# Route-decision latency, whole process, side by side with LiteLLM's Router (the Python peer).
#
#   Benchmarks/route.sh [RUNS]     (default 30 runs each)
#
# llmroute: static release build, `llmroute route "<prompt>"` (classify + route, no network).
# Peer: a Python process that builds a LiteLLM Router with two deployments and asks it to pick
# one (`get_available_deployment`), from a throwaway venv at .venv-bench (pip install litellm).
# Both are timed as whole processes with hyperfine (apt), as a user or script would run them;
# medians reported.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}

make release >/dev/null
BIN=.build/release/llmroute

if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q litellm
fi

PEER=$(mktemp /tmp/llmroute-peer-XXXX.py)
cat > "$PEER" <<'PY'
import os
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no network at import
from litellm import Router
router = Router(model_list=[
    {"model_name": "chat", "litellm_params": {"model": "gpt-4o-mini", "api_key": "sk-bench"}},
    {"model_name": "chat", "litellm_params": {"model": "claude-haiku-4-5", "api_key": "sk-bench"}},
])
deployment = router.get_available_deployment(model="chat", messages=[{"role": "user", "content": "What is the capital of France?"}])
print(deployment["litellm_params"]["model"])
PY

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
OUT=$(mktemp -d /tmp/llmroute-bench-XXXX)
trap 'rm -f "$PEER"; rm -rf "$OUT"' EXIT

# hyperfine -N runs each command directly (no shell), so only the process itself is timed.
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/ours.json" \
  "$BIN route 'What is the capital of France?'" >/dev/null
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/peer.json" \
  ".venv-bench/bin/python $PEER" >/dev/null

python3 - "$OUT" "$RUNS" <<'PY'
import json, sys
out, runs = sys.argv[1], sys.argv[2]
def load(name):
    r = json.load(open(f"{out}/{name}.json"))["results"][0]
    return r["median"] * 1000, r["min"] * 1000, r["max"] * 1000
ours, peer = load("ours"), load("peer")
print(f"runs: {runs} each (hyperfine -N, whole process, warm cache)")
print(f"{'llmroute route':26s} median {ours[0]:9.2f} ms   min {ours[1]:9.2f}   max {ours[2]:9.2f}")
print(f"{'litellm Router (python)':26s} median {peer[0]:9.2f} ms   min {peer[1]:9.2f}   max {peer[2]:9.2f}")
print(f"speed-up: {peer[0] / ours[0]:.0f}x   (goals: llmroute <= 5 ms median, >= 1000x)")
PY
