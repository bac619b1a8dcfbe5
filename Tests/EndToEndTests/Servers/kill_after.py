#!/usr/bin/env python3
"""kill_after.py PID SECONDS: SIGKILLs PID after SECONDS, or as soon as the process that
started us is gone, so a server a test started never outlives the test (even a crashed one).
Exits as soon as PID has exited."""
import os, signal, sys, time

pid, limit = int(sys.argv[1]), float(sys.argv[2])
parent = os.getppid()
deadline = time.monotonic() + limit
while time.monotonic() < deadline and os.getppid() == parent:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit(0)
    time.sleep(0.2)
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
