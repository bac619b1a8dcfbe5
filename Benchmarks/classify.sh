#!/usr/bin/env bash
# Local classifier speed, through the real CLI (`llmroute classify --jsonl --classifier local`).
#
#   Benchmarks/classify.sh [COUNT]      (default 100000 prompts for the throughput run)
#
# 1. Latency: 20,000 prompts of exactly 1,000 characters (windows of real prompts); per-prompt time = (whole run − the
#    same command on empty input, i.e. start-up) / 20,000. Includes reading and parsing each
#    JSONL line and writing its output line. Goal ≤ 50 µs.
# 2. Throughput: COUNT real prompts (labeled.jsonl cycled when data/ is present, else
#    generated), prompts/s of the whole run. Goal ≥ 100,000 prompts/s.
# 3. For comparison: merely reading the same file (cat) and parsing it (Python's json module,
#    the common reference point). Medians of 3 runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
# The shipped build (`make release`: static stdlib, non-PIE), as route.sh and tokens.sh use.
make release >/dev/null
BIN=.build/release/llmroute
ACTUAL=$("$BIN" classify --json --classifier local "hi" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("classifier", "?"))')
if [ "$ACTUAL" != local ]; then
  echo "warning: --classifier local runs the '$ACTUAL' classifier (ClassifierFactory not wired to LocalClassifier?): numbers below are for '$ACTUAL'" >&2
fi
WORK=$(mktemp -d /tmp/llmroute-classify-XXXX)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "$COUNT" <<'PY'
import json, os, random, sys
work, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
labeled = "data/classifier/labeled.jsonl"
prompts = [json.loads(l)["prompt"] for l in open(labeled)] if os.path.exists(labeled) else []
words = ("the function should return a value explain why this market model proves a theorem about "
         "data write story summary quickly compare design system because each test").split()
def generated(n):
    text = ""
    while len(text) < n:
        text += random.choice(words) + (". " if random.random() < 0.08 else " ")
    return text[:n]
if not prompts:
    prompts = [generated(random.randint(20, 800)) for _ in range(2000)]
with open(f"{work}/corpus.jsonl", "w") as f:
    for i in range(count):
        f.write(json.dumps({"id": f"p{i}", "prompt": prompts[i % len(prompts)]}, ensure_ascii=False) + "\n")
# 1,000-character prompts: windows of real prompt text when available (distinct words cost
# more than a generated text's few repeated ones), else generated text.
text = "\n\n".join(prompts)
with open(f"{work}/k1.jsonl", "w") as f:
    for i in range(20000):
        start = (i * 7919) % max(1, len(text) - 1000)
        window = text[start:start + 1000] if len(text) > 1000 else generated(1000)
        f.write(json.dumps({"id": f"k{i}", "prompt": window}, ensure_ascii=False) + "\n")
open(f"{work}/empty.jsonl", "w").close()
PY

python3 - "$WORK" "$COUNT" "$BIN" <<'PY'
import os, statistics, subprocess, sys, time
work, count, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
classify = [binary, "classify", "--jsonl", "--classifier", "local"]
def median(command, name, runs=3):
    """Median wall time of a whole process reading work/name on stdin."""
    times = []
    for _ in range(runs):
        with open(f"{work}/{name}", "rb") as stdin:
            start = time.perf_counter()
            subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)
startup = median(classify, "empty.jsonl")
k1 = median(classify, "k1.jsonl")
corpus = median(classify, "corpus.jsonl")
read_only = median(["cat"], "corpus.jsonl")
parse_only = median([sys.executable, "-c", "import json, sys\nfor line in sys.stdin: json.loads(line)"], "corpus.jsonl")
size = os.path.getsize(f"{work}/corpus.jsonl")
print(f"start-up (empty input):            {startup * 1000:8.2f} ms")
print(f"latency, 1,000-char prompts:       {(k1 - startup) / 20000 * 1e6:8.2f} µs per prompt (goal <= 50)")
print(f"throughput, {count} prompts ({size / 1e6:.1f} MB): {count / corpus:10.0f} prompts/s, {corpus:.3f} s (goal >= 100000/s)")
print(f"  reading the file (cat):           {read_only:8.3f} s")
print(f"  parsing it (python json.loads):   {parse_only:8.3f} s  ({count / parse_only:.0f} lines/s)")
PY
