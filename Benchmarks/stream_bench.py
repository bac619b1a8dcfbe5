#!/usr/bin/env python3
"""Streaming benchmark: `llmroute ask` vs `curl -N` on the same request to one local server
streaming ~2,000 tokens (Tests/EndToEndTests/Servers/fault_server.py, scenario "long"). Both run
as whole processes, alternating. Reports medians of time to first stdout byte, total time and
peak RSS (per process, from wait4). Usage: stream_bench.py LLMROUTE_BINARY [RUNS] [--paced]

The server streams as fast as it can by default: a whole answer then takes curl ~25 ms, so
process start-up weighs as much as it ever will. --paced sends one token per millisecond
(scenario "paced", still faster than hosted models stream), closer to what a user waits for."""
import json, os, shutil, statistics, subprocess, sys, time

from bench_home import make_home

paced = "--paced" in sys.argv[1:]
args = [a for a in sys.argv[1:] if a != "--paced"]
binary = os.path.abspath(args[0])
runs = int(args[1]) if len(args) > 1 else 20
scenario = "paced" if paced else "long"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
server = subprocess.Popen([sys.executable, os.path.join(root, "Tests/EndToEndTests/Servers/fault_server.py"), "--lifetime", "600"],
                          stdout=subprocess.PIPE, text=True)
port = int(server.stdout.readline())
home, env = make_home("llmroute-bench-", f"http://127.0.0.1:{port}/{scenario}/bench/v1")
dry = json.loads(subprocess.check_output([binary, "ask", "--dry-run", "-m", "bench", "count"], env=env))
request = dry["request"]
curl = ["curl", "-sN", request["url"], "-H", "content-type: application/json", "-d", json.dumps(request["body"])]
ask = [binary, "ask", "-q", "-m", "bench", "count"]


def measure(command):
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    first = proc.stdout.read(1)
    ttfb = time.perf_counter() - start
    size = len(first) + len(proc.stdout.read())
    _, status, usage = os.wait4(proc.pid, 0)
    total = time.perf_counter() - start
    proc.returncode = status
    if status != 0 or size == 0:
        raise SystemExit(f"{command[0]} failed (status {status})")
    return ttfb * 1000, total * 1000, usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) * 1000


results = {"llmroute": [], "curl": []}
for i in range(runs):
    order = [("llmroute", ask), ("curl", curl)] if i % 2 == 0 else [("curl", curl), ("llmroute", ask)]
    for name, command in order:
        results[name].append(measure(command))
server.terminate()
shutil.rmtree(home, ignore_errors=True)
print(f"{runs} runs each, alternating; ~2,000 streamed tokens from 127.0.0.1"
      + (", paced at 1 ms a token" if paced else ", as fast as the server can send them"))
print(f"{'':10} {'ttfb ms':>9} {'total ms':>9} {'peak RSS MB':>12} {'CPU ms':>8}   (medians)")
for name, rows in results.items():
    print(f"{name:10} {statistics.median(r[0] for r in rows):9.1f} {statistics.median(r[1] for r in rows):9.1f} "
          f"{statistics.median(r[2] for r in rows):12.1f} {statistics.median(r[3] for r in rows):8.1f}")
# Each pair ran back to back, under the same machine load: their differences are steadier than
# the difference of two medians when other work shares the CPU.
pairs = list(zip(results["llmroute"], results["curl"]))
ttfb_gap = statistics.median(a[0] - b[0] for a, b in pairs)
total_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
print(f"paired medians: ttfb llmroute - curl {ttfb_gap:+.1f} ms (goal <= +10), "
      f"total llmroute / curl {total_ratio:.3f} (goal <= 1.05)")
