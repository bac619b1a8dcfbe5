#!/usr/bin/env python3
"""A failing provider that echoes each request back: method, path, every header (keys included)
and the body, inside an error response. The secret-hygiene tests point llmroute at it to prove a
key that comes back from a server still never reaches output or files.

Listens on 127.0.0.1 only, on a free port printed as the first line of stdout; exits after
--lifetime seconds or when stdin closes (the test process ended). The URL path picks the reply:
/500/...: HTTP 500 with an OpenAI error; /401/...: HTTP 401; /stream/...: a 200 stream whose
error event carries the echo (OpenAI protocol); /anthropic-stream/...: the same for Anthropic.
"""
import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Echo(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        headers = "\n".join(f"{k}: {v}" for k, v in self.headers.items())
        echo = f"{self.command} {self.path}\n{headers}\n\n{body}"
        mode = self.path.strip("/").split("/")[0]
        if mode in ("stream", "anthropic-stream"):
            if mode == "stream":
                event = b"data: " + json.dumps({"error": {"message": echo, "code": "server_error"}}).encode() + b"\n\n"
            else:
                event = (b"event: error\ndata: "
                         + json.dumps({"type": "error", "error": {"type": "api_error", "message": echo}}).encode() + b"\n\n")
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("content-length", str(len(event)))
            self.end_headers()
            self.wfile.write(event)
            return
        status = 401 if mode == "401" else 500
        payload = json.dumps({"error": {"message": echo, "type": "echo", "request_headers": dict(self.headers)}}).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    timer = threading.Timer(args.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()

    def watch_stdin():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
