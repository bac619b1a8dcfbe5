#!/usr/bin/env bash
# Route-decision latency, whole process, side by side with LiteLLM's Router (the Python peer).
#
#   Benchmarks/route.sh [RUNS]     (default 30 runs each, alternating)
#
# llmroute: static release build, `llmroute route "<prompt>"` (classify + route, no network).
# Peer: a Python process that builds a LiteLLM Router with two deployments and asks it to pick
# one (`get_available_deployment`), from a throwaway venv at .venv-bench (pip install litellm).
# Both are timed as whole processes, as a user or script would run them; medians reported.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}

swift build -c release --static-swift-stdlib >/dev/null
BIN=.build/release/llmroute

if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q litellm
fi

PEER=$(mktemp /tmp/llmroute-peer-XXXX.py)
trap 'rm -f "$PEER"' EXIT
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

.venv-bench/bin/python - "$BIN" "$PEER" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
binary, peer, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
prompt = "What is the capital of France?"
commands = {
    "llmroute route": [binary, "route", prompt],
    "litellm Router (python)": [sys.executable, peer],
}
times = {name: [] for name in commands}
for command in commands.values():  # warm the page cache once
    subprocess.run(command, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for name, command in commands.items():  # alternate so drift hits both alike
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=True)
        times[name].append((time.perf_counter() - start) * 1000)
ours = statistics.median(times["llmroute route"])
peer_ms = statistics.median(times["litellm Router (python)"])
print(f"runs: {runs} each, alternating, whole process")
for name, values in times.items():
    print(f"{name:26s} median {statistics.median(values):9.2f} ms   min {min(values):9.2f}   max {max(values):9.2f}")
print(f"speed-up: {peer_ms / ours:.0f}x   (goals: llmroute <= 5 ms median, >= 1000x)")
PY
