#!/usr/bin/env bash
# What recording a call in the usage ledger costs, SQLite file vs PostgreSQL on loopback.
#
#   Benchmarks/ledger.sh [RUNS] [LINES]     (default 200 asks each, 400 batch lines a writer)
#
# 1. `ask` as a whole process against the local fault server (Tests/EndToEndTests/Servers),
#    three ways: --no-log (no ledger), the SQLite ledger, the PostgreSQL ledger ([ledger] url).
#    p50/p99 of each, and the ledger's share: the difference to --no-log.
# 2. Rows/s with 8 concurrent writers: 8 `ask --jsonl` processes at once, LINES lines each, on
#    each store; --no-log is the ceiling the fake upstream and the batch pipeline set.
# PostgreSQL runs with its default durability (fsync and synchronous_commit on); the SQLite
# ledger commits without fsync (WAL, synchronous=NORMAL). Both servers listen on 127.0.0.1 only
# and stop by themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-200}
LINES=${2:-400}

make release >/dev/null
BIN=$PWD/.build/release/llmroute
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }

OUT=$(mktemp -d /tmp/llmroute-ledger-bench-XXXX)
exec 3> >(python3 Tests/EndToEndTests/Servers/postgres_server.py --durable --lifetime 1200 > "$OUT/pg.port")
coproc FAULT { python3 Tests/EndToEndTests/Servers/fault_server.py --lifetime 1200; }
read -r FAULT_PORT <&"${FAULT[0]}"
for _ in $(seq 100); do [ -s "$OUT/pg.port" ] && break; sleep 0.2; done
PG_PORT=$(head -1 "$OUT/pg.port")
cleanup() { exec 3>&-; kill "$FAULT_PID" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT
echo "createdb bench" >&3

# One home per store, so each ledger starts empty.
setup() {  # NAME [LEDGER-URL]
  local home=$OUT/$1
  mkdir -p "$home/config/llmroute"
  cat > "$home/config/llmroute/config.toml" <<TOML
[providers.fa]
kind = "openai"
base_url = "http://127.0.0.1:$FAULT_PORT/ok/bench/v1"
[models."primary"]
provider = "fa"
input_price = 1.0
output_price = 2.0
context_window = 16000
quality = 0.9
[routing]
candidates = ["primary"]
${2:+[ledger]
url = \"$2\"}
TOML
}
envfor() { echo "HOME=$OUT/$1 XDG_CONFIG_HOME=$OUT/$1/config XDG_DATA_HOME=$OUT/$1/data XDG_STATE_HOME=$OUT/$1/state"; }
sleep 1  # createdb
setup nolog; setup sqlite; setup postgres "postgresql://llmroute@127.0.0.1:$PG_PORT/bench"

for store in nolog sqlite postgres; do
  flags=""; [ "$store" = nolog ] && flags="--no-log"
  hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$OUT/$store.json" \
    "env $(envfor $store) $BIN ask -m primary $flags 'What is the capital of France?'" >/dev/null
done

writers() {  # STORE -> seconds for 8 batch processes of LINES lines at once
  local store=$1 flags=""
  [ "$store" = nolog ] && flags="--no-log"
  python3 -c "import json; print('\n'.join(json.dumps({'prompt': 'q%d' % i, 'model': 'primary'}) for i in range($LINES)))" > "$OUT/lines.jsonl"
  local start end
  local pids=()
  start=$(date +%s.%N)
  for _ in 1 2 3 4 5 6 7 8; do
    env $(envfor "$store") "$BIN" ask --jsonl --concurrency 4 $flags < "$OUT/lines.jsonl" > /dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"  # not a bare wait: the servers are children too
  end=$(date +%s.%N)
  echo "$start $end"
}
for store in nolog sqlite postgres; do writers $store > "$OUT/$store.writers"; done

python3 - "$OUT" "$RUNS" "$LINES" <<'PY'
import json, sys
out, runs, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def pct(times, p):
    times = sorted(times)
    return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))] * 1000
stats = {}
for store in ("nolog", "sqlite", "postgres"):
    times = json.load(open(f"{out}/{store}.json"))["results"][0]["times"]
    stats[store] = (pct(times, 50), pct(times, 99))
print(f"ask, whole process, {runs} runs each (hyperfine -N), fault server on loopback:")
names = {"nolog": "--no-log (no ledger)", "sqlite": "SQLite ledger", "postgres": "PostgreSQL ledger"}
for store, (p50, p99) in stats.items():
    extra = "" if store == "nolog" else f"   ledger adds p50 {p50 - stats['nolog'][0]:+.2f} ms, p99 {p99 - stats['nolog'][1]:+.2f} ms"
    print(f"  {names[store]:24s} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms{extra}")
print(f"8 concurrent writers (ask --jsonl, {lines} lines each, --concurrency 4):")
for store in ("nolog", "sqlite", "postgres"):
    start, end = map(float, open(f"{out}/{store}.writers").read().split())
    print(f"  {names[store]:24s} {8 * lines / (end - start):8.0f} rows/s   ({8 * lines} requests in {end - start:.2f} s)")
PY
