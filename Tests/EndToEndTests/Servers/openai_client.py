#!/usr/bin/env python3
"""openai_client.py BASE_URL MODE [MODEL]: the official openai SDK against llmroute serve
(127.0.0.1 only). Prints one JSON object: what the SDK received.

MODE: whole | stream | concurrent N [MODEL] | error | tools MODEL stream|whole | image MODEL
OPENAI_API_KEY is the client key (any value when the server requires none)."""
import json, sys, threading
import openai

base_url, mode = sys.argv[1], sys.argv[2]
model_at = 4 if mode == "concurrent" else 3  # concurrent's model follows its count
model = sys.argv[model_at] if len(sys.argv) > model_at else "auto"
client = openai.OpenAI(base_url=base_url, max_retries=0, timeout=60)
messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}]


def stream_once(include_usage=True):
    pieces, usage, finish, models = [], None, None, set()
    stream = client.chat.completions.create(model=model, messages=messages, stream=True,
                                            stream_options={"include_usage": include_usage})
    for chunk in stream:
        models.add(chunk.model)
        if chunk.usage is not None:
            usage = chunk.usage.model_dump()
        for choice in chunk.choices:
            if choice.delta.content:
                pieces.append(choice.delta.content)
            if choice.finish_reason:
                finish = choice.finish_reason
    return {"pieces": pieces, "usage": usage, "finish_reason": finish, "models": sorted(models)}


if mode == "whole":
    raw = client.chat.completions.with_raw_response.create(model=model, messages=messages, max_tokens=50, temperature=0.5)
    completion = raw.parse()
    print(json.dumps({"text": completion.choices[0].message.content, "model": completion.model,
                      "finish_reason": completion.choices[0].finish_reason, "usage": completion.usage.model_dump(),
                      "headers": {k: v for k, v in raw.headers.items() if k.startswith("x-llmroute-")}}))
elif mode == "stream":
    print(json.dumps(stream_once()))
elif mode == "concurrent":
    count = int(sys.argv[3])
    results, errors = [None] * count, []

    def worker(i):
        try:
            results[i] = "".join(stream_once()["pieces"])
        except Exception as e:  # reported, not raised: the test counts them
            errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"answers": results, "errors": errors}))
elif mode == "tools":
    tools = [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
    ask = [{"role": "user", "content": "Weather in Sao Paulo?"}]
    calls, finish = {}, None
    if sys.argv[4] == "stream":
        pieces = 0
        for chunk in client.chat.completions.create(model=model, messages=ask, tools=tools, tool_choice="auto", stream=True):
            for choice in chunk.choices:
                for call in choice.delta.tool_calls or []:
                    entry = calls.setdefault(call.index, {"id": None, "name": None, "arguments": ""})
                    entry["id"] = call.id or entry["id"]
                    if call.function and call.function.name:
                        entry["name"] = call.function.name
                    if call.function and call.function.arguments:
                        entry["arguments"] += call.function.arguments
                        pieces += 1
                finish = choice.finish_reason or finish
    else:
        completion = client.chat.completions.create(model=model, messages=ask, tools=tools, tool_choice="required")
        message, finish, pieces = completion.choices[0].message, completion.choices[0].finish_reason, None
        for i, call in enumerate(message.tool_calls or []):
            calls[i] = {"id": call.id, "name": call.function.name, "arguments": call.function.arguments}
    print(json.dumps({"calls": [calls[i] for i in sorted(calls)], "finish_reason": finish, "pieces": pieces}))
elif mode == "image":
    # A 1x1 PNG inline and a URL, with the call and result turns of a finished tool loop before them.
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    turns = [{"role": "user", "content": "Weather?"},
             {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
              "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}]},
             {"role": "tool", "tool_call_id": "call_1", "content": "18C"},
             {"role": "user", "content": [{"type": "text", "text": "And what is in these?"},
                                          {"type": "image_url", "image_url": {"url": "data:image/png;base64," + png}},
                                          {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}}]}]
    completion = client.chat.completions.create(model=model, messages=turns)
    print(json.dumps({"text": completion.choices[0].message.content, "sent": turns}))
elif mode == "error":
    try:
        client.chat.completions.create(model=model, messages=messages)
        print(json.dumps({"error": None}))
    except openai.APIStatusError as e:
        print(json.dumps({"status": e.status_code, "class": type(e).__name__, "body": e.body}))
