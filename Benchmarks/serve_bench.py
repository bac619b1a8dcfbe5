#!/usr/bin/env python3
"""Gateway benchmark (see serve.sh). One asyncio client drives raw HTTP/1.1 streaming requests
(one connection each, as SDKs do without pooling) to three targets on 127.0.0.1: the fake
upstream directly, `llmroute serve` in front of it, and LiteLLM's proxy in front of it. Time to
first byte is to the first content delta ("Hello"); a request counts when its stream ended.

Two modes. Latency, in interleaved rounds with bootstrap intervals for the added p50: streams
at a hosted model's pace (scenario "hosted": first token at once, then 20 more 20 ms apart, on
kept-alive upstream connections as providers' servers keep them), N of them open at once and
started evenly spread, so the figure is what each hop adds, not queueing. Saturation: instant answers back to back, a new upstream connection each; there the
time to first byte is queueing for the 2 cores that client, upstream and gateway share, and
the requests/s figure comes from this mode. In latency mode each process's CPU time is also
counted: per streamed request while it is measured, and in all while the others are.
Everything listens on 127.0.0.1 and every process started here is stopped at the end."""
import asyncio, json, os, random, signal, statistics, subprocess, sys, time, urllib.request

from bench_home import make_home

binary, requests = os.path.abspath(sys.argv[1]), int(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
litellm = os.path.join(root, ".venv-litellm/bin/litellm")
started = []


def start(command, env=None, **kw):
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, **kw)
    started.append(proc)
    return proc


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


upstream = start([sys.executable, os.path.join(root, "Tests/EndToEndTests/Servers/fault_server.py"), "--lifetime", "900"],
                 stdout=subprocess.PIPE, text=True)
up_port = int(upstream.stdout.readline())
home, env = make_home("llmroute-serve-bench-", f"http://127.0.0.1:{up_port}/ok/bench/v1",
                      hosted_url=f"http://127.0.0.1:{up_port}/hosted/bench/v1")
gateway = start([binary, "serve", "--port", "0", "--retries", "0"], env=env, stderr=subprocess.PIPE, text=True)
line = gateway.stderr.readline()
gw_port = int(line.rsplit(":", 1)[1].split("/")[0])

# Per target: name, port, (path, model) for instant answers, (path, model) for hosted-pace streams, key.
targets = [("upstream (direct)", up_port, ("/ok/bench/v1/chat/completions", "bench"),
            ("/hosted/bench/v1/chat/completions", "bench"), "x"),
           ("llmroute serve", gw_port, ("/v1/chat/completions", "bench"), ("/v1/chat/completions", "bench-hosted"), "x")]
# How long one "hosted" stream lasts: fault_server.py's HOSTED_TOKENS (20) gaps of 20 ms.
HOSTED_SECONDS = 0.42
lite = None
if os.access(litellm, os.X_OK):
    lite_port = free_port()
    with open(home + "/litellm.yaml", "w") as f:
        f.write(f"""model_list:
  - model_name: bench
    litellm_params:
      model: openai/bench
      api_key: not-used
      api_base: http://127.0.0.1:{up_port}/ok/bench/v1
  - model_name: bench-hosted
    litellm_params:
      model: openai/bench-hosted
      api_key: not-used
      api_base: http://127.0.0.1:{up_port}/hosted/bench/v1
""")
    # Recent LiteLLM proxies refuse to start without a master key (clients then send it).
    master_key = "sk-bench-" + os.urandom(16).hex()
    lite = start([litellm, "--config", home + "/litellm.yaml", "--host", "127.0.0.1", "--port", str(lite_port)],
                 env=dict(os.environ, LITELLM_LOG="ERROR", LITELLM_MASTER_KEY=master_key),
                 stdout=subprocess.DEVNULL, stderr=open(home + "/litellm.log", "w"))
    deadline, healthy = time.time() + 180, False
    while time.time() < deadline and lite.poll() is None and not healthy:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{lite_port}/health/liveliness", timeout=1)
            healthy = True
        except Exception:
            time.sleep(0.5)
    if healthy:
        targets.append(("LiteLLM proxy", lite_port, ("/v1/chat/completions", "bench"), ("/v1/chat/completions", "bench-hosted"), master_key))
    else:
        print("LiteLLM proxy did not start; its log's end:\n" + open(home + "/litellm.log").read()[-2000:], file=sys.stderr)


async def one(port, path, model, key):
    body = json.dumps({"model": model, "stream": True, "messages": [{"role": "user", "content": "Say hello"}]}).encode()
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer %s\r\n"
                 b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (path.encode(), key.encode(), len(body), body))
    await writer.drain()
    seen, first = b"", None
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            break
        seen += chunk
        if first is None and b'"content": "Hello"' in seen.replace(b'":"', b'": "'):
            first = time.perf_counter() - start
        if b"[DONE]" in seen:
            break
    writer.close()
    if first is None:
        raise RuntimeError("no answer: %r" % seen[:300])
    return first


async def run(port, path, model, key, concurrency, total, stagger=0.0):
    """`total` requests, `concurrency` at a time; worker i starts i·stagger/concurrency s late, so
    that streams lasting `stagger` s begin evenly spread instead of all at once."""
    queue = list(range(total))
    firsts, errors = [], 0

    async def worker(i):
        nonlocal errors
        await asyncio.sleep(i * stagger / concurrency)
        while queue:
            queue.pop()
            try:
                firsts.append(await one(port, path, model, key))
            except Exception:
                errors += 1
    began = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return firsts, errors, time.perf_counter() - began


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def cpu_seconds(pid):
    """User plus system CPU time of a process, all its threads (10 ms resolution)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# Latency mode runs in rounds, every target in turn within a round, so that a burst of load on
# the machine (2 cores shared with the Python client and upstream) lands on all of them alike.
# Requests per round and concurrency; LiteLLM, which cannot keep a hosted pace at 50 streams and
# more, gets fewer so that the run ends in minutes.
ROUNDS = 5
PER_ROUND = {1: 20, 50: 200, 200: 400}
LITELLM_PER_ROUND = {1: 20, 50: 40, 200: 160}
BOOTSTRAP = 1000


def added_interval(ours, direct, rng):
    """95% bootstrap interval of p50(ours) - p50(direct) in ms: both samples resampled."""
    diffs = sorted(pct(rng.choices(ours, k=len(ours)), 50) - pct(rng.choices(direct, k=len(direct)), 50)
                   for _ in range(BOOTSTRAP))
    return diffs[int(0.025 * BOOTSTRAP)], diffs[int(0.975 * BOOTSTRAP) - 1]


try:
    rows = {name: {"lat": {c: [] for c in PER_ROUND}, "lat_errors": 0, "cpu": {c: 0.0 for c in PER_ROUND},
                   "count": {c: 0 for c in PER_ROUND}, "cpu_elsewhere": 0.0} for name, *_ in targets}
    # The process each target's figures are about: its CPU time is counted while it is measured
    # (CPU per streamed request) and while the others are (work left over from its own rounds
    # that would load the machine under the others' measurements).
    pids = {"upstream (direct)": upstream.pid, "llmroute serve": gateway.pid}
    if lite:
        pids["LiteLLM proxy"] = lite.pid
    print("machine: %d cores, load average at start %.2f %.2f %.2f" % ((os.cpu_count(),) + os.getloadavg()))
    for name, port, (path, model), (hosted_path, hosted_model), key in targets:
        asyncio.run(run(port, path, model, key, 10, 50))  # warm-up
        asyncio.run(run(port, hosted_path, hosted_model, key, 10, 20))
    for _ in range(ROUNDS):
        for concurrency in PER_ROUND:
            for name, port, _, (hosted_path, hosted_model), key in targets:
                # Latency: streams at a hosted model's pace, evenly spread.
                count = (LITELLM_PER_ROUND if name == "LiteLLM proxy" else PER_ROUND)[concurrency]
                before = {target: cpu_seconds(pid) for target, pid in pids.items()}
                firsts, errors, _ = asyncio.run(run(port, hosted_path, hosted_model, key, concurrency, count,
                                                    stagger=HOSTED_SECONDS))
                for target, pid in pids.items():
                    used = cpu_seconds(pid) - before[target]
                    if target == name:
                        rows[name]["cpu"][concurrency] += used
                        rows[name]["count"][concurrency] += count
                    else:
                        rows[target]["cpu_elsewhere"] += used
                rows[name]["lat"][concurrency] += firsts
                rows[name]["lat_errors"] += errors
    for name, port, (path, model), _, key in targets:
        row = rows[name]
        for concurrency in PER_ROUND:
            # Saturation: instant answers back to back (time to first byte is then queueing).
            firsts, errors, _ = asyncio.run(run(port, path, model, key, concurrency, max(concurrency * 4, 200)))
            row["sat", concurrency] = (pct(firsts, 50), pct(firsts, 99), errors)
        _, errors, wall = asyncio.run(run(port, path, model, key, 50, requests))
        row["rps"] = (requests - errors) / wall
        row["errors"] = errors + row["lat_errors"] + sum(row["sat", c][2] for c in PER_ROUND)
        row["rss"] = rss_mb(pids[name])
    print("time to first byte, streams at a hosted model's pace (first token at once, then 20 more 20 ms apart,"
          f" upstream connections kept alive), concurrent streams evenly spread, {ROUNDS} interleaved rounds:")
    print(f"{'target':20} {'ttfb p50/p99 ms @1':>20} {'@50':>16} {'@200':>16} {'req/s @50':>10} {'peak RSS MB':>12} {'errors':>7}")
    for name, row in rows.items():
        cells = [f"{pct(row['lat'][c], 50):.2f}/{pct(row['lat'][c], 99):.2f}" for c in PER_ROUND]
        print(f"{name:20} {cells[0]:>20} {cells[1]:>16} {cells[2]:>16} {row['rps']:>10.0f} {row['rss']:>12.1f} {row['errors']:>7}")
    print("\nsaturation: instant answers back to back, each on a new upstream connection (time to first byte is queueing"
          " for 2 cores shared by client, upstream and gateway; requests/s above is from this mode):")
    for name, row in rows.items():
        cells = [f"{row['sat', c][0]:.2f}/{row['sat', c][1]:.2f}" for c in PER_ROUND]
        print(f"{name:20} {cells[0]:>20} {cells[1]:>16} {cells[2]:>16}")
    rng = random.Random(19)
    direct = rows["upstream (direct)"]["lat"]
    print(f"\nadded to time to first byte at p50 (hosted pace), with 95% bootstrap intervals ({BOOTSTRAP} resamples):")
    for name, row in rows.items():
        if name == "upstream (direct)":
            continue
        cells = []
        for c in PER_ROUND:
            low, high = added_interval(row["lat"][c], direct[c], rng)
            cells.append(f"{pct(row['lat'][c], 50) - pct(direct[c], 50):+.2f} ms [{low:+.2f}, {high:+.2f}] @{c}")
        print(f"  {name:18} " + ", ".join(cells))
    print("\nCPU time per streamed request (hosted pace; the process's user + system time while it was measured):")
    for name, row in rows.items():
        cells = [f"{1000 * row['cpu'][c] / max(row['count'][c], 1):.2f} ms @{c}" for c in PER_ROUND]
        extra = "" if name == "upstream (direct)" else f"; {row['cpu_elsewhere']:.2f} s while the others were measured"
        print(f"  {name:18} " + ", ".join(cells) + extra)
    ours = rows["llmroute serve"]
    if "LiteLLM proxy" in rows:
        print(f"requests/s ours / LiteLLM: {ours['rps'] / rows['LiteLLM proxy']['rps']:.1f}x")
    else:
        print("LiteLLM not installed (.venv-litellm; make litellm-venv): no comparison")
    print("(the upstream is a Python ThreadingHTTPServer: its own requests/s is the ceiling for every row)")
    print("load average at end %.2f %.2f %.2f" % os.getloadavg())
finally:
    for proc in reversed(started):
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
