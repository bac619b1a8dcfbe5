#!/usr/bin/env python3
"""trickle_client.py PORT: a slow client against llmroute serve (127.0.0.1 only). Sends a chat
completion's headers promising a 1,000-byte body, then one body byte every 0.2 s for at most
20 s. Prints one JSON object: seconds until the server closed the connection (null if it never
did) and the first bytes it sent back."""
import json, socket, sys, time

sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
             b"Content-Length: 1000\r\n\r\n{")
started, closed, received = time.monotonic(), None, b""
sock.settimeout(0.2)
while time.monotonic() - started < 20:
    try:
        data = sock.recv(4096)
        if not data:
            closed = time.monotonic() - started
            break
        received += data
    except socket.timeout:
        pass
    except OSError:
        closed = time.monotonic() - started
        break
    try:
        sock.sendall(b" ")
    except OSError:
        closed = time.monotonic() - started
        break
sock.close()
print(json.dumps({"closed_after": closed, "received": received[:200].decode("latin-1")}))
