#!/usr/bin/env bash
# Runs each fuzz target for a bounded time or number of inputs; fails on the first crash, leak or
# timeout.
#   Scripts/fuzz/run.sh BIN_DIR SECONDS WORK_DIR [TARGET...]
# BIN_DIR holds the fuzz-* executables (make fuzz-build). The committed seeds in Fuzz/corpus/<t>
# are read, never written: what libFuzzer finds goes to WORK_DIR/corpus/<t> and crash inputs to
# WORK_DIR/artifacts/. Prints one summary line per target: executions, wall time, exec/s, edge
# coverage (cov), features (ft) and peak RSS.
# FUZZ_RUNS=N (environment) also stops each target after N inputs, whichever comes first;
# SECONDS=0 means no time limit, so `FUZZ_RUNS=1000000 run.sh BIN 0 WORK` runs each target to
# exactly N executions (make fuzz FUZZ_RUNS=N).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$1" seconds="$2" work="$3"
shift 3
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(sse openai anthropic config arguments jsonl tokenizer outcomes request); fi
mkdir -p "$work/artifacts"
# Swift's runtime keeps metadata caches for the process lifetime; they are not leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# A failed check traps; libFuzzer must see the signal, not Swift's backtracer (which also trips ASan).
export SWIFT_BACKTRACE=enable=no
status=0
summary=()
# libFuzzer's final statistics line `stat::NAME: VALUE`, or "?" when the run died before printing it.
final_stat() { grep -o "stat::$1: *[0-9]*" "$2" | grep -o '[0-9]*$' || echo "?"; }
for t in "${targets[@]}"; do
  mkdir -p "$work/corpus/$t"
  log="$work/fuzz-$t.log"
  # -timeout: one input taking over 10 s counts as a hang. -rss_limit_mb: a runaway allocation fails.
  extra=()
  # The tokenizer target checks inputs up to 1 KiB against a quadratic reference.
  if [ "$t" = tokenizer ]; then extra=(-max_len=1024); fi
  if [ -n "${FUZZ_RUNS:-}" ]; then extra+=(-runs="$FUZZ_RUNS"); fi
  started=$(date +%s)
  if "$bin/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" \
       -artifact_prefix="$work/artifacts/$t-" "$work/corpus/$t" "$root/Fuzz/corpus/$t" >"$log" 2>&1; then
    result="ok"
  else
    result="FAILED (see $log)"
    status=1
  fi
  wall=$(( $(date +%s) - started ))
  execs=$(final_stat number_of_executed_units "$log")
  rate=$(final_stat average_exec_per_sec "$log")
  rss=$(final_stat peak_rss_mb "$log")
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  line=$(printf 'fuzz-%-10s %s  %9s execs  %6ss  %6s/s  %-20s  peak %sMb' \
    "$t" "$result" "$execs" "$wall" "$rate" "$cov" "$rss")
  echo "$line"
  summary+=("$line")
  if [ "$result" != "ok" ]; then tail -40 "$log"; fi
done
if [ -n "${FUZZ_RUNS:-}" ]; then
  limit="${FUZZ_RUNS} runs"; if [ "$seconds" != 0 ]; then limit="$limit or ${seconds}s"; fi
else
  limit="${seconds}s"
fi
echo "--- fuzz summary ($limit per target)"
printf '%s\n' "${summary[@]}"
exit $status
