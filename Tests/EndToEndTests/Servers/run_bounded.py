#!/usr/bin/env python3
"""run_bounded.py SECONDS COMMAND...: runs COMMAND, and kills it (and its process group) after
SECONDS or as soon as the process that started us is gone, so a test server never outlives
its test run."""
import os, signal, subprocess, sys, time

limit = float(sys.argv[1])
parent = os.getppid()
child = subprocess.Popen(sys.argv[2:], start_new_session=True)
deadline = time.monotonic() + limit
try:
    while child.poll() is None and time.monotonic() < deadline and os.getppid() == parent:
        time.sleep(0.5)
finally:
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
sys.exit(child.returncode or 0)
