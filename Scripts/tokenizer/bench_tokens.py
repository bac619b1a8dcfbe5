#!/usr/bin/env python3
"""Side-by-side token counting benchmark: llmroute (a command that prints the count) against
tiktoken's encode_ordinary, single thread, on the same file. Run by Benchmarks/tokens.sh.

For each encoding it reports, best of --runs:
  ours      whole-process wall time on the corpus and on a 1-byte file (start-up, which includes
            opening the vocabulary), throughput = corpus bytes / (corpus time - start-up time),
            and peak RSS (/usr/bin/time -v)
  tiktoken  vocabulary load time (get_encoding, from the local cache), encode_ordinary time and
            throughput, and peak RSS of that process
and fails if the two counts differ.

--ours is a command template with {encoding} and {file}, e.g.
  ".build/release/llmroute cost --tokens --encoding {encoding} -f {file}"
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab_common as vc  # noqa: E402

TIKTOKEN_CHILD = r"""
import json, os, sys, time
assert os.environ.get("TIKTOKEN_CACHE_DIR"), "parent must fill tiktoken's cache"
import tiktoken
t0 = time.perf_counter(); enc = tiktoken.get_encoding(sys.argv[1]); t1 = time.perf_counter()
text = open(sys.argv[2], "rb").read().decode("utf-8")
t2 = time.perf_counter(); n = len(enc.encode_ordinary(text)); t3 = time.perf_counter()
print(json.dumps({"count": n, "load": t1 - t0, "encode": t3 - t2}))
"""


def timed(command: list[str], env=None) -> tuple[float, str, int]:
    """Wall seconds, stdout, peak RSS in KiB of one run under /usr/bin/time -v."""
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"failed ({run.returncode}): {shlex.join(command)}\n{run.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    return elapsed, run.stdout, rss


def first_integer(text: str) -> int:
    match = re.search(r"-?\d+", text)
    if not match:
        sys.exit(f"no count in output: {text[:200]!r}")
    return int(match.group())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--ours", required=True, help="command template with {encoding} and {file}")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    size = args.corpus.stat().st_size
    scratch = tempfile.TemporaryDirectory(prefix="llmroute-bench-")
    tiny = Path(scratch.name) / "one-byte.txt"
    tiny.write_text("a")
    import os
    vc.offline_tiktoken(vc.vocab_files_for_reference())  # fills the cache, sets TIKTOKEN_CACHE_DIR
    env = dict(os.environ)
    print(f"corpus: {args.corpus} ({size / 1e6:.2f} MB), best of {args.runs} runs, "
          f"single thread; ours = {args.ours}")
    failed = False
    for encoding in vc.ENCODINGS:
        def ours(file: Path) -> list[str]:
            return shlex.split(args.ours.format(encoding=encoding, file=file))

        startup = min(timed(ours(tiny))[0] for _ in range(max(args.runs, 5)))
        our_runs = [timed(ours(args.corpus)) for _ in range(args.runs)]
        our_time = min(r[0] for r in our_runs)
        our_count = first_integer(our_runs[0][1])
        our_rss = max(r[2] for r in our_runs)

        child = [sys.executable, "-c", TIKTOKEN_CHILD, encoding, str(args.corpus)]
        tik_runs = [timed(child, env) for _ in range(args.runs)]
        tik = [json.loads(r[1]) for r in tik_runs]
        tik_count = tik[0]["count"]
        tik_encode = min(t["encode"] for t in tik)
        tik_load = min(t["load"] for t in tik)
        tik_rss = max(r[2] for r in tik_runs)

        ours_mbps = size / max(our_time - startup, 1e-9) / 1e6
        tik_mbps = size / tik_encode / 1e6
        same = our_count == tik_count
        failed |= not same
        print(f"\n{encoding}: tokens ours {our_count:,} tiktoken {tik_count:,} -> {'SAME' if same else 'DIFFERENT'}")
        print(f"  ours     {ours_mbps:7.1f} MB/s  (process {our_time * 1000:.0f} ms, start-up incl. vocabulary "
              f"{startup * 1000:.1f} ms)  peak RSS {our_rss / 1024:.1f} MiB")
        print(f"  tiktoken {tik_mbps:7.1f} MB/s  (encode_ordinary {tik_encode * 1000:.0f} ms, vocabulary load "
              f"{tik_load * 1000:.0f} ms)  peak RSS {tik_rss / 1024:.1f} MiB")
        print(f"  speed-up {ours_mbps / tik_mbps:.2f}x")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
