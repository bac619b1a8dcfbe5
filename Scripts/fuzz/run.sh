#!/usr/bin/env bash
# Runs each fuzz target for a bounded time; fails on the first crash, leak or timeout.
#   Scripts/fuzz/run.sh BIN_DIR SECONDS WORK_DIR [TARGET...]
# BIN_DIR holds the fuzz-* executables (make fuzz-build). The committed seeds in Fuzz/corpus/<t>
# are read, never written: what libFuzzer finds goes to WORK_DIR/corpus/<t> and crash inputs to
# WORK_DIR/artifacts/. Prints one summary line per target with its executions.
# FUZZ_RUNS=N (environment) also stops each target after N inputs, whichever comes first.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$1" seconds="$2" work="$3"
shift 3
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(sse openai anthropic config arguments jsonl tokenizer); fi
mkdir -p "$work/artifacts"
# Swift's runtime keeps metadata caches for the process lifetime; they are not leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# A failed check traps; libFuzzer must see the signal, not Swift's backtracer (which also trips ASan).
export SWIFT_BACKTRACE=enable=no
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "$work/corpus/$t"
  log="$work/fuzz-$t.log"
  # -timeout: one input taking over 10 s counts as a hang. -rss_limit_mb: a runaway allocation fails.
  extra=()
  # The tokenizer target checks inputs up to 1 KiB against a quadratic reference.
  if [ "$t" = tokenizer ]; then extra=(-max_len=1024); fi
  if [ -n "${FUZZ_RUNS:-}" ]; then extra+=(-runs="$FUZZ_RUNS"); fi
  if "$bin/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" \
       -artifact_prefix="$work/artifacts/$t-" "$work/corpus/$t" "$root/Fuzz/corpus/$t" >"$log" 2>&1; then
    result="ok"
  else
    result="FAILED (see $log)"
    status=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  line=$(printf 'fuzz-%-10s %s  %12s execs  %8s/s  %s' "$t" "$result" "$execs" "$rate" "$cov")
  echo "$line"
  summary+=("$line")
  if [ "$result" != "ok" ]; then tail -40 "$log"; fi
done
echo "--- fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit $status
