#!/usr/bin/env python3
"""Writes the fuzz seed corpora under Fuzz/corpus/<target>/ from the inputs the tests use.

Run from anywhere: python3 Scripts/fuzz/make_corpus.py. Files are named by content hash, so
re-running adds nothing twice; libFuzzer adds what it finds to a separate work directory
(make fuzz keeps the committed seeds read-only).
"""
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Fuzz" / "corpus"


def write(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def sse(events, newline=b"\n"):
    out = b""
    for name, obj in events:
        if name:
            out += b"event: " + name.encode() + newline
        body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
        out += b"data: " + body + newline + newline
    return out


OPENAI_CHUNKS = [
    {"choices": [{"index": 0, "delta": {"role": "assistant", "content": None}, "finish_reason": None}]},
    {"choices": [{"delta": {"reasoning_content": "think"}}], "new_field": {"a": 1}},
    {"choices": [{"delta": {"reasoning": "or", "content": "Hi"}}]},
    {"choices": [{"delta": {"content": [{"type": "text", "text": "A"}, {"type": "image_url"}, {"type": "text", "text": "B"}]}}]},
    {"choices": [{"delta": {}, "finish_reason": "stop"}]},
    {"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 34}},
]
OPENAI_WHOLE = {"id": "c1", "choices": [{"message": {"role": "assistant", "content": "Hello"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 1}}
OPENAI_ERRORS = [{"error": {"message": "Overloaded", "code": 529}},
                 {"error": {"message": "maximum context length is 8192 tokens", "code": "context_length_exceeded"}}]

ANTHROPIC_EVENTS = [
    ("message_start", {"type": "message_start", "message": {"usage": {"input_tokens": 25, "output_tokens": 1}}}),
    ("ping", {"type": "ping"}),
    ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "hmm"}}),
    ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "EqQ"}}),
    ("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Hello"}}),
    ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 15}}),
    ("message_stop", {"type": "message_stop"}),
]
ANTHROPIC_WHOLE = {"content": [{"type": "thinking", "thinking": "t"}, {"type": "text", "text": "Hi"}], "stop_reason": "refusal",
                   "usage": {"input_tokens": 3, "output_tokens": 4}}
ANTHROPIC_ERROR = ("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})


def streams():
    openai = sse([(None, c) for c in OPENAI_CHUNKS]) + b"data: [DONE]\n\n"
    anthropic = sse(ANTHROPIC_EVENTS)
    return openai, anthropic


def main():
    openai, anthropic = streams()
    # SSE: first byte seeds the chunk sizes.
    for seed, stream in [(0, openai), (7, anthropic), (3, sse([(None, c) for c in OPENAI_CHUNKS], b"\r\n")),
                         (1, b"\xef\xbb\xbf: keep-alive\r\ndata: a\rdata: b\n\nevent: x\ndata\n\n"),
                         (2, b"data: {\"choices\": [{\"delta\": {\"content\": \"oops\"\n\n"),
                         (5, b"id: 1\nretry: 10\ndata: bad\xff\xfe bytes\n\n:comment\n\ndata")]:
        write("sse", bytes([seed]) + stream)

    for doc in [openai, openai.replace(b"\n", b"\r\n"), json.dumps(OPENAI_WHOLE).encode(),
                b'data: {"choices":[{"index":0,"delta":{"content":" bad\xff\xfe bytes"},"finish_reason":null}]}\n\n']:
        write("openai", doc)
    for error in OPENAI_ERRORS:
        write("openai", json.dumps(error))
        write("openai", sse([(None, error)]))

    for doc in [anthropic, json.dumps(ANTHROPIC_WHOLE).encode(), sse([ANTHROPIC_ERROR]), json.dumps(ANTHROPIC_ERROR[1]).encode(),
                sse([(None, obj) for _, obj in ANTHROPIC_EVENTS])]:
        write("anthropic", doc)

    write("config", (ROOT / "Fuzz" / "seeds" / "template.toml").read_text())
    for text in [
        '[routing]\nstrategy = "tier"\nmin_quality = 0.8\nmax_cost = 0.02\nstrong = "claude-sonnet-4-5"\nweak = ["gpt-4o-mini"]\n\n'
        '[routing.tiers]\nsimple = "gpt-4o-mini"\nexpert = ["claude-sonnet-4-5", "gpt-4o"]\n\n[routing.output_tokens]\nsimple = 50\n',
        '[providers.ollama]\nkind = "openai"\nbase_url = "http://localhost:11434/v1"\n\n[models."llama3.2"]\nprovider = "ollama"\n'
        'input_price = 0\noutput_price = 0\ncontext_window = 131072\nquality = 0.55\nstrengths = ["simple_qa"]\n',
        '[routing]\nstrategy = "fastest"\n',
        '[models.gpt-4o-mini]\ninput_price = -1\n',
        '[routing\nstrategy = 1\n',
        'x = [1, 2\n',
        '[providers.p]\nkind = "anthropic"\nbase_url = "https://api.example.com"\napi_key = "sk-test"\n',
    ]:
        write("config", text)

    for words in [["route", "--strategy=tier", "--max-cost", "0.5", "hello", "world"], ["route", "-qv", "-mgpt-4o", "x"],
                  ["route", "-vvm", "gpt-4o-mini", "x"], ["classify", "--", "--json", "-v", "-"],
                  ["--json", "--config", "/tmp/c.toml", "models", "--no-color", "-q"],
                  ["cost", "-f", "a.txt", "--file", "b.txt", "-m", "gpt-4o"], ["ask", "--jsonl", "--concurrency", "8", "--unordered"],
                  ["ask", "--dry-run", "--retries", "2", "--timeout", "1.5", "-s", "sys", "q"],
                  ["config", "init", "--force"], ["config", "--help"], ["route", "--require", "vision", "--task", "code", "x"],
                  ["completions", "zsh"], ["help", "ask"], ["--version"], ["rout"], ["route", "--stratgy", "x"]]:
        write("arguments", b"\0".join(w.encode() for w in words))

    write("jsonl", '{"id": "a", "prompt": "hi"}\n{"prompt": "x", "model": "gpt-4o-mini", "system": "s"}\n')
    write("jsonl", 'not json\n{"prompt": ""}\n[1,2]\n\n{"id": 7, "prompt": "q"}\r\n{"prompt": "no newline"}')
    # eval's outcome files: the first byte picks the mode (odd: scores from field "s").
    write("outcomes", '\x00{"id": 1, "prompt": "What is 2+2?", "weak": 1, "strong": 1}\n{"prompt": "Prove it", "weak": 0, "strong": 1.0}\n\n'
                      '{"prompt": "x", "weak": "1", "strong": 1}\n[1]\n{"weak": 0, "strong": 1}\r\n')
    write("outcomes", '\x01{"s": 0.9, "weak": 0, "strong": 1}\n{"s": 0.9, "weak": 1, "strong": 1}\n{"s": -2e300, "weak": 0.5, "strong": 0.25}\n'
                      '{"s": null, "weak": 0, "strong": 1}\nnot json\n{"s": 1e999, "weak": 0, "strong": 1}')

    # llmroute serve's request bodies: plain, streamed with every mapped field, a tool loop with
    # images, and refusals (unknown field, bad tool, last turn not the user's).
    tool = {"type": "function", "function": {"name": "get_weather", "description": "d", "strict": False,
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}
    for body in [
        {"model": "auto", "messages": [{"role": "user", "content": "hi"}]},
        {"model": "gpt-4o-mini", "stream": True, "stream_options": {"include_usage": True}, "max_completion_tokens": 64,
         "temperature": 0.2, "stop": ["END"], "n": 1, "user": "u",
         "messages": [{"role": "system", "content": "Be brief."}, {"role": "developer", "content": [{"type": "text", "text": "x"}]},
                      {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}, {"role": "user", "content": "more"}]},
        {"model": "auto", "tools": [tool], "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
         "parallel_tool_calls": False,
         "messages": [{"role": "user", "content": [{"type": "text", "text": "Look"},
                                                   {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                                                   {"type": "image_url", "image_url": {"url": "https://x/a.jpg", "detail": "low"}}]},
                      {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function",
                       "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}]},
                      {"role": "tool", "tool_call_id": "c1", "content": "18C"}]},
        {"model": "auto", "tools": [tool], "tool_choice": "required", "messages": [{"role": "user", "content": "q"}]},
        {"model": "auto", "top_p": 1, "messages": [{"role": "user", "content": "q"}]},
        {"model": "auto", "tools": [{"type": "web_search"}], "messages": [{"role": "user", "content": "q"}]},
        {"model": "auto", "messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]},
    ]:
        write("request", json.dumps(body))
    write("request", '{"model": "auto", "messages": [{"role": "user", "content": "\\ud83d\\ude00 caf\\u00e9"}], "max_tokens": 1e999}')

    for name in ["golden_o200k_base.jsonl", "golden_cl100k_base.jsonl"]:
        fixture = ROOT / "Tests" / "LLMRouteCoreTests" / "Tokens" / "Fixtures" / name
        selector = 0 if "o200k" in name else 1
        for line in fixture.read_text().split("\n"):
            if not line:
                continue
            case = json.loads(line)
            data = case["text"].encode() if "text" in case else bytes.fromhex(case["hex"])
            if 0 < len(data) <= 1000:
                write("tokenizer", bytes([selector]) + data)


if __name__ == "__main__":
    main()
