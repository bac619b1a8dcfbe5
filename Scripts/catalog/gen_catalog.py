#!/usr/bin/env python3
"""Generate Sources/LLMRouteCore/Catalog/BuiltinCatalog.swift from LiteLLM's price list.

    python3 Scripts/catalog/gen_catalog.py [PRICES_JSON] [--check]

PRICES_JSON defaults to data/prices/model_prices_and_context_window.json relative
to the repository root (LiteLLM's public model_prices_and_context_window.json, MIT).
The curated model list is Scripts/catalog/models.tsv (see README.md next to this script).

Every model row is validated (LiteLLM key exists, mode chat, prices > 0, context and max
output > 0, text output, chat-completions endpoint for OpenAI-style providers, provider
matches, quality consistent with the documented LMArena mapping); any problem aborts with
exit status 2 and a message naming the row.

--check regenerates in memory and exits 1 if the committed Swift file differs (make test).
Standard library only; output is deterministic (no dates, no absolute paths).
"""

import argparse
import hashlib
import json
import os
import re
import sys

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_JSON = os.path.join("data", "prices", "model_prices_and_context_window.json")
MODELS_TSV = os.path.join("Scripts", "catalog", "models.tsv")
OUTPUT = os.path.join("Sources", "LLMRouteCore", "Catalog", "BuiltinCatalog.swift")
MODEL_INFO_SWIFT = os.path.join("Sources", "LLMRouteCore", "Catalog", "ModelInfo.swift")
TIER_SWIFT = os.path.join("Sources", "LLMRouteCore", "Domain", "Tier.swift")

# Quality mapping (README.md): linear in the LMArena text score between two anchors,
# gpt-4o-mini's score -> 0.70 (the design sketch's value) and 1500 (Arena #1, spring 2026) -> 1.00.
ARENA_LOW, QUALITY_LOW = 1317.0, 0.70
ARENA_HIGH, QUALITY_HIGH = 1500.0, 1.00
QUALITY_TOLERANCE = 0.0051  # the TSV holds the mapped value rounded to 2 decimals

# Providers, in output order. litellm: the litellm_provider value its rows must carry.
PROVIDERS = [
    dict(name="openai", api="openai", base="https://api.openai.com/v1",
         key="OPENAI_API_KEY", base_env="OPENAI_BASE_URL", litellm="openai"),
    dict(name="anthropic", api="anthropic", base="https://api.anthropic.com",
         key="ANTHROPIC_API_KEY", base_env="ANTHROPIC_BASE_URL", litellm="anthropic"),
    dict(name="gemini", api="openai", base="https://generativelanguage.googleapis.com/v1beta/openai",
         key="GEMINI_API_KEY", base_env=None, litellm="gemini"),
    dict(name="deepseek", api="openai", base="https://api.deepseek.com/v1",
         key="DEEPSEEK_API_KEY", base_env=None, litellm="deepseek"),
    dict(name="mistral", api="openai", base="https://api.mistral.ai/v1",
         key="MISTRAL_API_KEY", base_env=None, litellm="mistral"),
    dict(name="groq", api="openai", base="https://api.groq.com/openai/v1",
         key="GROQ_API_KEY", base_env=None, litellm="groq"),
    dict(name="together", api="openai", base="https://api.together.ai/v1",
         key="TOGETHER_API_KEY", base_env=None, litellm="together_ai"),
]

# LiteLLM flag -> Capability raw value (Capability's rawValues are these names minus "supports_").
CAPABILITY_FLAGS = ["supports_vision", "supports_function_calling", "supports_response_schema",
                    "supports_reasoning", "supports_prompt_caching"]

COLUMNS = ["id", "provider", "litellm_key", "quality", "arena", "quality_source", "strengths"]


class CatalogError(Exception):
    pass


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def swift_enum_cases(path, enum_name):
    """Map rawValue -> case name for a String-backed Swift enum (fails loudly if not found)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"\benum\s+" + enum_name + r"\b[^{]*\{(.*?)\n\}", text, re.S)
    if not m:
        raise CatalogError(f"{path}: enum {enum_name} not found")
    cases = {}
    for line in m.group(1).splitlines():
        line = line.split("//")[0].strip()
        if not line.startswith("case "):
            continue
        for item in line[len("case "):].split(","):
            item = item.strip()
            im = re.fullmatch(r'(\w+)(?:\s*=\s*"([^"]*)")?', item)
            if not im:
                raise CatalogError(f"{path}: cannot parse case '{item}' of {enum_name}")
            cases[im.group(2) if im.group(2) is not None else im.group(1)] = im.group(1)
    if not cases:
        raise CatalogError(f"{path}: enum {enum_name} has no cases")
    return cases


def quality_from_arena(score):
    q = QUALITY_LOW + (QUALITY_HIGH - QUALITY_LOW) * (score - ARENA_LOW) / (ARENA_HIGH - ARENA_LOW)
    return min(1.0, max(0.0, q))


def read_tsv(path):
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            if header is None:
                if fields != COLUMNS:
                    raise CatalogError(f"{path}:{lineno}: header must be {'<TAB>'.join(COLUMNS)}")
                header = fields
                continue
            if len(fields) != len(COLUMNS):
                raise CatalogError(f"{path}:{lineno}: expected {len(COLUMNS)} tab-separated fields, got {len(fields)}")
            row = dict(zip(COLUMNS, fields))
            row["lineno"] = lineno
            rows.append(row)
    if header is None or not rows:
        raise CatalogError(f"{path}: no header or no model rows")
    return rows


def positive_number(entry, field, where, integer=False):
    value = entry.get(field)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CatalogError(f"{where}: LiteLLM field {field} is missing or not a number ({value!r})")
    if integer:
        if float(value) != int(value):
            raise CatalogError(f"{where}: LiteLLM field {field} is not an integer ({value!r})")
        value = int(value)
    if not value > 0:
        raise CatalogError(f"{where}: LiteLLM field {field} must be > 0 (is {value!r})")
    return value


# LiteLLM cache fields -> CachePrices arguments. The plain (not batch, flex or priority, not
# above-N-tokens) prices only: llmroute sends standard requests.
CACHE_FIELDS = [("read", "cache_read_input_token_cost", False),
                ("write", "cache_creation_input_token_cost", False),
                ("write1h", "cache_creation_input_token_cost_above_1hr", False),
                ("minTokens", "prompt_cache_min_tokens", True)]


def cache_prices(entry, where):
    """The model's cache prices as (argument, value) pairs; absent fields are left out."""
    out = []
    for arg, field, integer in CACHE_FIELDS:
        value = entry.get(field)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise CatalogError(f"{where}: LiteLLM field {field} is not a number >= 0 ({value!r})")
        if integer and float(value) != int(value):
            raise CatalogError(f"{where}: LiteLLM field {field} is not an integer ({value!r})")
        out.append((arg, int(value) if integer else float(value)))
    return out


def build_models(rows, prices, capability_cases, task_cases):
    providers = {p["name"]: p for p in PROVIDERS}
    seen, models, notes = set(), [], []
    for row in rows:
        where = f"{MODELS_TSV}:{row['lineno']} ({row['provider']}/{row['id']})"
        provider = providers.get(row["provider"])
        if provider is None:
            raise CatalogError(f"{where}: unknown provider '{row['provider']}' (known: {', '.join(providers)})")
        # Config and routing tables name models by id alone, so ids are unique across providers.
        if not row["id"] or row["id"] in seen:
            raise CatalogError(f"{where}: empty or duplicate model id (ids must be unique across providers)")
        seen.add(row["id"])

        key = row["litellm_key"]
        entry = prices.get(key)
        if not isinstance(entry, dict):
            raise CatalogError(f"{where}: LiteLLM key '{key}' not found in the price list")
        if entry.get("mode") != "chat":
            raise CatalogError(f"{where}: LiteLLM '{key}' has mode {entry.get('mode')!r}, expected 'chat'")
        if entry.get("litellm_provider") != provider["litellm"]:
            raise CatalogError(f"{where}: LiteLLM '{key}' belongs to {entry.get('litellm_provider')!r}, "
                               f"expected {provider['litellm']!r}")
        out_modalities = entry.get("supported_output_modalities")
        if out_modalities is not None and "text" not in out_modalities:
            raise CatalogError(f"{where}: LiteLLM '{key}' does not output text ({out_modalities})")
        endpoints = entry.get("supported_endpoints")
        if provider["api"] == "openai" and endpoints is not None and "/v1/chat/completions" not in endpoints:
            raise CatalogError(f"{where}: LiteLLM '{key}' is not served on /v1/chat/completions ({endpoints})")
        input_cost = positive_number(entry, "input_cost_per_token", where)
        output_cost = positive_number(entry, "output_cost_per_token", where)
        context = positive_number(entry, "max_input_tokens", where, integer=True)
        max_output = positive_number(entry, "max_output_tokens", where, integer=True)

        prefix = provider["litellm"] + "/"
        expected_id = key[len(prefix):] if key.startswith(prefix) else key
        if row["id"] != expected_id:
            notes.append(f"note: {where}: id differs from LiteLLM key '{key}'")

        try:
            quality = float(row["quality"])
        except ValueError:
            raise CatalogError(f"{where}: quality '{row['quality']}' is not a number")
        if not 0.0 <= quality <= 1.0:
            raise CatalogError(f"{where}: quality {quality} outside 0...1")
        source = row["quality_source"]
        if not source:
            raise CatalogError(f"{where}: quality_source is empty")
        if row["arena"] not in ("", "-"):
            try:
                arena = float(row["arena"])
            except ValueError:
                raise CatalogError(f"{where}: arena '{row['arena']}' is not a number")
            mapped = quality_from_arena(arena)
            if not source.startswith("override:") and abs(mapped - quality) > QUALITY_TOLERANCE:
                raise CatalogError(f"{where}: quality {quality} does not match arena {arena} "
                                   f"(mapping gives {mapped:.4f}); fix it or start quality_source with 'override:'")
        elif not (source.startswith("override:") or source.startswith("estimate:")):
            raise CatalogError(f"{where}: no arena score: quality_source must start with 'estimate:' or 'override:'")

        capabilities = []
        for flag in CAPABILITY_FLAGS:
            if entry.get(flag) is True:
                raw = flag[len("supports_"):]
                if raw not in capability_cases:
                    raise CatalogError(f"{where}: Capability has no case with rawValue '{raw}'")
                capabilities.append(capability_cases[raw])

        cache = cache_prices(entry, where)

        strengths = []
        for task in [t.strip() for t in row["strengths"].split(",") if t.strip()]:
            if task not in task_cases:
                raise CatalogError(f"{where}: unknown strength '{task}' (known: {', '.join(task_cases)})")
            if task_cases[task] not in strengths:
                strengths.append(task_cases[task])

        models.append(dict(
            id=row["id"], provider=provider["name"], api=provider["api"],
            input=input_cost, output=output_cost, context=context, max_output=max_output,
            capabilities=capabilities, quality=quality, source=source, strengths=strengths,
            deprecation=entry.get("deprecation_date"), key=key, cache=cache,
        ))

    order = {p["name"]: i for i, p in enumerate(PROVIDERS)}
    models.sort(key=lambda m: (order[m["provider"]], m["input"], m["output"], m["id"]))
    return models, notes


def swift_string(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def swift_double(x):
    text = repr(float(x))
    if not re.fullmatch(r"[0-9.e+-]+", text):
        raise CatalogError(f"cannot write {x!r} as a Swift Double literal")
    return text


def swift_int(n):
    s = str(int(n))
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return "_".join(groups)


def render(models, json_name, json_sha, tsv_sha):
    lines = [
        "// GENERATED FILE - DO NOT EDIT.",
        "// Generated by Scripts/catalog/gen_catalog.py from Scripts/catalog/models.tsv; regenerate with `make catalog`.",
        f"// Prices/limits/capabilities: LiteLLM {json_name} (MIT), SHA-256 {json_sha}",
        f"// Curated list: Scripts/catalog/models.tsv, SHA-256 {tsv_sha}",
        "// Quality: LMArena text score mapped to 0...1 (see Scripts/catalog/README.md).",
        "// Models are sorted by provider (order of `providers`), then input price.",
        "",
        "public enum BuiltinCatalog {",
        "    public static let providers: [ProviderInfo] = [",
    ]
    for p in PROVIDERS:
        base_env = swift_string(p["base_env"]) if p["base_env"] else "nil"
        lines.append(
            f"        ProviderInfo(name: {swift_string(p['name'])}, api: .{p['api']}, "
            f"baseURL: {swift_string(p['base'])}, apiKeyEnv: {swift_string(p['key'])}, baseURLEnv: {base_env}),")
    lines += ["    ]", "", "    public static let models: [ModelInfo] = ["]
    for m in models:
        comment = f"LiteLLM key {m['key']}"
        if m["deprecation"]:
            comment += f"; deprecation_date {m['deprecation']}"
        caps = ", ".join("." + c for c in m["capabilities"])
        strengths = ", ".join("." + s for s in m["strengths"])
        lines += [
            f"        // {comment}",
            "        ModelInfo(",
            f"            id: {swift_string(m['id'])}, provider: {swift_string(m['provider'])}, api: .{m['api']},",
            f"            inputCostPerToken: {swift_double(m['input'])}, outputCostPerToken: {swift_double(m['output'])},",
            f"            contextWindow: {swift_int(m['context'])}, maxOutputTokens: {swift_int(m['max_output'])},",
            f"            capabilities: [{caps}],",
            f"            quality: {swift_double(m['quality'])},",
            f"            qualitySource: {swift_string(m['source'])},",
            f"            strengths: [{strengths}]" + ("," if m["cache"] else ""),
        ]
        if m["cache"]:
            args = ", ".join(f"{arg}: {swift_int(v) if isinstance(v, int) else swift_double(v)}" for arg, v in m["cache"])
            lines.append(f"            cache: CachePrices({args})")
        lines += [
            "        ),",
        ]
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prices_json", nargs="?", help=f"LiteLLM price list (default: <repo>/{DEFAULT_JSON})")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed Swift file is out of date")
    args = parser.parse_args(argv)

    json_path = os.path.abspath(args.prices_json) if args.prices_json else os.path.normpath(os.path.join(REPO, DEFAULT_JSON))
    output_path = os.path.join(REPO, OUTPUT)
    try:
        if not os.path.isfile(json_path):
            raise CatalogError(f"price list not found: {json_path}")
        with open(json_path, encoding="utf-8") as f:
            prices = json.load(f)
        if not isinstance(prices, dict):
            raise CatalogError(f"{json_path}: top level is not an object")
        rows = read_tsv(os.path.join(REPO, MODELS_TSV))
        capability_cases = swift_enum_cases(os.path.join(REPO, MODEL_INFO_SWIFT), "Capability")
        task_cases = swift_enum_cases(os.path.join(REPO, TIER_SWIFT), "TaskKind")
        models, notes = build_models(rows, prices, capability_cases, task_cases)
        text = render(models, os.path.basename(json_path), sha256_of(json_path),
                      sha256_of(os.path.join(REPO, MODELS_TSV)))
    except (CatalogError, OSError, ValueError) as e:
        print(f"gen_catalog: error: {e}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"gen_catalog: {note}", file=sys.stderr)

    if args.check:
        try:
            with open(output_path, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print(f"gen_catalog: {OUTPUT} is out of date with {MODELS_TSV} / the price list; run `make catalog`",
                  file=sys.stderr)
            return 1
        print(f"gen_catalog: {OUTPUT} is up to date ({len(models)} models)")
        return 0

    with open(output_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"gen_catalog: wrote {OUTPUT} ({len(models)} models, {len(PROVIDERS)} providers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
