#!/usr/bin/env python3
"""Fault-injection LLM server for llmroute's end-to-end tests. 127.0.0.1 only, bounded.

Speaks OpenAI Chat Completions (POST .../chat/completions) and Anthropic Messages
(POST .../v1/messages). The behaviour comes from the URL: /<scenario>/<nonce>/..., so each
test points a provider's base_url at its own scenario; counters are kept per nonce.
Prints its port on the first stdout line. Exits by itself after --lifetime seconds, or when
the process that started it is gone.
"""
import argparse, json, os, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWER = ["Hello", " from", " the", " fault", " server."]

# Usage reports by scenario, as each host documents them (the billing buckets llmroute prices).
OPENAI_USAGE = {
    # xAI: reasoning billed as output but not in completion_tokens (total = 12 + 2 + 340).
    "xai": {"prompt_tokens": 12, "completion_tokens": 2, "total_tokens": 354,
            "prompt_tokens_details": {"text_tokens": 12, "cached_tokens": 11},
            "completion_tokens_details": {"reasoning_tokens": 340}},
    # OpenAI: cached inside prompt_tokens, reasoning inside completion_tokens.
    "oaicache": {"prompt_tokens": 2006, "completion_tokens": 300, "total_tokens": 2306,
                 "prompt_tokens_details": {"cached_tokens": 1920}, "completion_tokens_details": {"reasoning_tokens": 192}},
    # DeepSeek: hit + miss = prompt_tokens.
    "deepseek": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120,
                 "prompt_cache_hit_tokens": 64, "prompt_cache_miss_tokens": 36},
}
# Anthropic: message_start's usage, then message_delta's (cumulative output).
ANTHROPIC_USAGE = {
    "anthcache": ({"input_tokens": 6, "cache_creation_input_tokens": 3337, "cache_read_input_tokens": 6289,
                   "cache_creation": {"ephemeral_5m_input_tokens": 3337, "ephemeral_1h_input_tokens": 0}, "output_tokens": 1},
                  {"output_tokens": 198}),
}
# The tools scenario's call: arguments with escapes and non-ASCII, streamed in 7-byte pieces
# that split escape sequences, so only an untouched concatenation reproduces them.
TOOL_ARGUMENTS = '{"city": "S\\u00e3o Paulo", "note": "say \\"hi\\" \\\\ bye", "days": [1, 2]}'
TOOL_PIECES = [TOOL_ARGUMENTS[i:i + 7] for i in range(0, len(TOOL_ARGUMENTS), 7)]
# Tokens after the first in the "hosted" scenario (20 ms apart: 0.4 s a stream).
HOSTED_TOKENS = 20
# Requests the "gather" scenario holds until all are in flight together: more than the 8
# connections per host an HTTP client pools by default.
GATHER = 20
counts = {}
bodies = {}  # nonce -> the last request body, for GET /body/<nonce>
lock = threading.Lock()
gather_ready = threading.Condition(lock)


def bump(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1
        return counts[key]

caches = {}  # nonce -> prefixes held in the simulated prompt cache


def cache_usage(body, nonce):
    """Anthropic prompt caching, simplified (scenario cachectl): the blocks are the system prompt
    and each message's text; a block carrying cache_control is a breakpoint. The longest prefix
    cached before is read, the prompt up to the last breakpoint is written (less what was read),
    the rest is plain input; about 4 characters a token. Without cache_control nothing is cached."""
    blocks = []
    system = body.get("system")
    if isinstance(system, str):
        blocks.append(("system:" + system, False))
    for block in system if isinstance(system, list) else []:
        blocks.append(("system:" + block.get("text", ""), "cache_control" in block))
    for message in body.get("messages") or []:
        content = message.get("content")
        if isinstance(content, str):
            blocks.append((message["role"] + ":" + content, False))
            continue
        for block in content:
            blocks.append((message["role"] + ":" + block.get("text", ""), "cache_control" in block))
    texts = [text for text, _ in blocks]
    marks = [i + 1 for i, (_, marked) in enumerate(blocks) if marked]
    with lock:
        cached = caches.setdefault(nonce, set())
        read_to = max([k for k in range(1, len(texts) + 1) if tuple(texts[:k]) in cached], default=0)
        write_to = max(marks[-1], read_to) if marks else read_to
        for k in marks:
            cached.add(tuple(texts[:k]))

    def size(part):
        return sum(len(text) // 4 + 1 for text in part)
    return {"input_tokens": size(texts[write_to:]), "cache_creation_input_tokens": size(texts[read_to:write_to]),
            "cache_read_input_tokens": size(texts[:read_to]), "output_tokens": 1}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        parts = self.path.strip("/").split("/")
        scenario, nonce = (parts + ["ok", "x"])[:2]
        anthropic = self.path.endswith("/v1/messages")
        n = bump(scenario + "/" + nonce)
        with lock:
            counts["requests/" + nonce] = counts.get("requests/" + nonce, 0) + 1
            bodies[nonce] = body
        stream = bool(body.get("stream"))
        model = body.get("model", "m")
        self.message_count = len(body.get("messages") or [])
        self.body, self.nonce = body, nonce
        if scenario == "r429" and n == 1:
            return self.error(429, "rate limited", {"retry-after": "1"})
        if scenario == "e500":
            return self.error(500, "internal error")
        if scenario == "e503":
            return self.error(503, "unavailable")
        if scenario == "e529":
            return self.error(529, "Overloaded", kind="overloaded_error")
        if scenario == "e401":
            return self.error(401, "invalid x-api-key", kind="authentication_error")
        if scenario == "ctx400":
            return self.error(400, "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
                              code="context_length_exceeded")
        if scenario == "timeout":
            time.sleep(3)
            return self.error(500, "too late")
        if scenario == "empty":
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        if scenario == "badsse":
            return self.raw_stream([b"this is not an event stream\n", b"nor is this\n"])
        if scenario == "tools":
            return self.tool_call(anthropic, model, stream)
        if scenario == "gather" and not self.gathered(nonce):
            return self.error(504, "only %d of %d requests were in flight at once" % (counts["gather/" + nonce], GATHER))
        if not stream:
            return self.whole(anthropic, model, scenario)
        if anthropic:
            return self.anthropic_stream(model, scenario)
        if scenario == "hosted":
            return self.hosted_stream(model)
        return self.openai_stream(model, scenario)

    # --- responses -------------------------------------------------------------------------
    def error(self, status, message, headers=None, kind="api_error", code=None):
        payload = {"error": {"message": message, "type": kind, "code": code}}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def gathered(self, nonce):
        """Holds the request until GATHER requests of this nonce have arrived (all held at once),
        for at most 10 s: a client that keeps fewer in flight gets a 504."""
        deadline = time.monotonic() + 10
        with gather_ready:
            while counts["gather/" + nonce] < GATHER:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                gather_ready.wait(left)
            gather_ready.notify_all()
        return True

    def whole(self, anthropic, model, scenario):
        text = "".join(ANSWER)
        if anthropic:
            payload = {"id": "msg_1", "type": "message", "role": "assistant", "model": model,
                       "content": [{"type": "thinking", "thinking": "hmm"}, {"type": "text", "text": text}],
                       "stop_reason": "refusal" if scenario == "refusal" else "end_turn",
                       "usage": {"input_tokens": 11, "output_tokens": 5}}
        else:
            payload = {"id": "c1", "object": "chat.completion", "model": model, "extra": {"unknown": True},
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                       "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}}
        self.send_json(payload)

    def send_json(self, payload):
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def tool_call(self, anthropic, model, stream):
        """One get_weather call, in each protocol's documented stream or whole shape."""
        if not stream:
            if anthropic:
                payload = {"id": "msg_t", "type": "message", "role": "assistant", "model": model, "stop_reason": "tool_use",
                           "content": [{"type": "tool_use", "id": "toolu_fault1", "name": "get_weather",
                                        "input": json.loads(TOOL_ARGUMENTS)}],
                           "usage": {"input_tokens": 30, "output_tokens": 20}}
            else:
                payload = {"id": "c1", "object": "chat.completion", "model": model,
                           "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": None,
                                        "tool_calls": [{"id": "call_fault1", "type": "function",
                                                        "function": {"name": "get_weather", "arguments": TOOL_ARGUMENTS}}]}}],
                           "usage": {"prompt_tokens": 30, "completion_tokens": 20, "total_tokens": 50}}
            return self.send_json(payload)
        self.start_stream()
        w = self.wfile
        if anthropic:
            def event(name, obj):
                w.write(b"event: " + name.encode() + b"\ndata: " + json.dumps(obj).encode() + b"\n\n")
                w.flush()
            event("message_start", {"type": "message_start", "message": {"id": "msg_t", "type": "message", "role": "assistant",
                  "model": model, "content": [], "stop_reason": None, "usage": {"input_tokens": 30, "output_tokens": 1}}})
            event("content_block_start", {"type": "content_block_start", "index": 0,
                  "content_block": {"type": "tool_use", "id": "toolu_fault1", "name": "get_weather", "input": {}}})
            for piece in [""] + TOOL_PIECES:
                event("content_block_delta", {"type": "content_block_delta", "index": 0,
                      "delta": {"type": "input_json_delta", "partial_json": piece}})
            event("content_block_stop", {"type": "content_block_stop", "index": 0})
            event("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
                  "usage": {"output_tokens": 20}})
            event("message_stop", {"type": "message_stop"})
            return

        def chunk(delta, finish=None):
            obj = {"id": "c1", "object": "chat.completion.chunk", "model": model,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            w.write(b"data: " + json.dumps(obj).encode() + b"\n\n")
            w.flush()
        chunk({"role": "assistant", "content": None, "tool_calls": [{"index": 0, "id": "call_fault1", "type": "function",
                                                                     "function": {"name": "get_weather", "arguments": ""}}]})
        for piece in TOOL_PIECES:
            chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]})
        chunk({}, finish="tool_calls")
        w.write(b"data: " + json.dumps({"id": "c1", "choices": [], "usage": {"prompt_tokens": 30, "completion_tokens": 20}}).encode() + b"\n\n")
        w.write(b"data: [DONE]\n\n")
        w.flush()

    def start_stream(self):
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("connection", "close")
        self.end_headers()
        self.close_connection = True

    def raw_stream(self, chunks):
        self.start_stream()
        for chunk in chunks:
            self.wfile.write(chunk)
            self.wfile.flush()

    def cut(self):
        self.wfile.flush()
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()

    def hosted_stream(self, model):
        """The gateway benchmark's stream, shaped like a hosted model's: a kept-alive connection
        (chunked transfer encoding, as OpenAI's servers send), the first token at once, then
        HOSTED_TOKENS more 20 ms apart (50 tokens/s)."""
        # Servers that stream set TCP_NODELAY: with Nagle, a chunk written right after the
        # headers waits for the client's delayed ACK (40 ms).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()

        def send(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        def chunk(delta, finish=None):
            obj = {"id": "c1", "object": "chat.completion.chunk", "model": model,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            send(b"data: " + json.dumps(obj).encode() + b"\n\n")

        try:
            chunk({"role": "assistant", "content": "Hello"})
            for i in range(HOSTED_TOKENS):
                time.sleep(0.02)
                chunk({"content": " tok%d" % i})
            chunk({}, finish="stop")
            send(b"data: " + json.dumps({"id": "c1", "choices": [], "usage": {"prompt_tokens": 9, "completion_tokens": HOSTED_TOKENS + 1}}).encode()
                 + b"\n\ndata: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def openai_stream(self, model, scenario):
        self.start_stream()
        w = self.wfile

        def chunk(delta, finish=None, **extra):
            obj = {"id": "c1", "object": "chat.completion.chunk", "model": model, "x_unknown": 1,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            obj.update(extra)
            w.write(b"data: " + json.dumps(obj).encode() + b"\n\n")
            w.flush()

        w.write(b": keep-alive comment\n\n")
        chunk({"role": "assistant", "content": None})
        if scenario == "pause":  # 2 s after the first chunk: time to stop a server mid-ask
            time.sleep(2)
        if scenario == "slow":  # a long answer at reading pace (20 s), for the REPL's Ctrl-C test
            try:
                for i in range(400):
                    chunk({"content": " slow%d" % i})
                    time.sleep(0.05)
                chunk({}, finish="stop")
                w.write(b"data: [DONE]\n\n")
                w.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up: what the test wants
            return
        if scenario in ("long", "paced"):  # the benchmark's ~2,000-token answer
            for i in range(2000):
                chunk({"content": " tok%d" % i})
                if scenario == "paced":  # 1 ms a token: faster than any hosted model streams
                    time.sleep(0.001)
            chunk({}, finish="stop")
            w.write(b"data: [DONE]\n\n")
            w.flush()
            return
        chunk({"reasoning_content": "thinking it over"})
        if scenario == "count":  # how many messages arrived: shows what context was sent
            chunk({"content": "%d messages" % self.message_count})
            chunk({}, finish="stop")
            w.write(b"data: [DONE]\n\n")
            w.flush()
            return
        for i, piece in enumerate(ANSWER):
            if scenario in ("stall", "cut", "badjson") and i == 2:
                if scenario == "stall":
                    time.sleep(3)
                    return
                if scenario == "cut":
                    return self.cut()
                w.write(b"data: {\"choices\": [{\"delta\": {\"content\": \"oops\"\n\n")
                w.flush()
                return
            if scenario == "badutf8" and i == 1:
                w.write(b'data: {"choices":[{"index":0,"delta":{"content":" bad\xff\xfe bytes"},"finish_reason":null}]}\n\n')
                continue
            if i == 3:  # content as an array of parts: only text parts are the answer
                chunk({"content": [{"type": "text", "text": piece}, {"type": "image_url", "image_url": {"url": "x"}}]})
            else:
                chunk({"content": piece})
        chunk({}, finish="stop")
        usage = OPENAI_USAGE.get(scenario, {"prompt_tokens": 11, "completion_tokens": 5})
        w.write(b"data: " + json.dumps({"id": "c1", "choices": [], "usage": usage}).encode() + b"\r\n\r\n")
        w.write(b"data: [DONE]\n\n")
        w.flush()

    def anthropic_stream(self, model, scenario):
        self.start_stream()
        w = self.wfile

        def event(name, obj):
            w.write(b"event: " + name.encode() + b"\ndata: " + json.dumps(obj).encode() + b"\n\n")
            w.flush()

        start_usage, end_usage = ANTHROPIC_USAGE.get(scenario, ({"input_tokens": 11, "output_tokens": 1}, {"output_tokens": 5}))
        if scenario == "cachectl":
            start_usage = cache_usage(self.body, self.nonce)
        event("message_start", {"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant",
              "model": model, "content": [], "usage": start_usage}})
        event("ping", {"type": "ping"})
        event("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}})
        event("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "pondering"}})
        event("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "sig"}})
        event("content_block_stop", {"type": "content_block_stop", "index": 0})
        event("content_block_start", {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}})
        for i, piece in enumerate(ANSWER):
            if scenario == "overloaded-mid" and i == 0:
                event("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
                return
            if scenario in ("stall", "cut") and i == 2:
                if scenario == "stall":
                    time.sleep(3)
                    return
                return self.cut()
            event("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": piece}})
        event("content_block_stop", {"type": "content_block_stop", "index": 1})
        reason = "refusal" if scenario == "refusal" else "end_turn"
        event("message_delta", {"type": "message_delta", "delta": {"stop_reason": reason}, "usage": end_usage})
        event("message_stop", {"type": "message_stop"})

    def do_GET(self):
        # /count/<nonce>: how many requests a test's scenarios received; /body/<nonce>: the last body.
        parts = self.path.strip("/").split("/")
        nonce = parts[1] if len(parts) > 1 else ""
        if parts[0] == "body":
            data = json.dumps(bodies.get(nonce)).encode()
        else:
            data = str(counts.get("requests/" + nonce, 0)).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    # A listen backlog for many clients at once (the default 5 drops connections under the
    # serve benchmark's 200 streams and the concurrency tests, and dropped SYNs cost seconds).
    ThreadingHTTPServer.request_queue_size = 512
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    parent = os.getppid()
    deadline = time.monotonic() + args.lifetime

    def watchdog():
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
