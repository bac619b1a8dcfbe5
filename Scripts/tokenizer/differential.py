#!/usr/bin/env python3
"""Differential test: our Swift tokenizer against tiktoken on thousands of seeded random and
adversarial strings.

1. Generates the strings (deterministic for a given --seed) and tiktoken's encode_ordinary ids
   for both encodings into a temporary JSONL file.
2. Runs `swift test --filter DifferentialTests` with LLMROUTE_DIFF_FILE naming that file; the
   Swift test compares ids and counts and writes "<file>.result".
3. Fails (exit 1) unless the test passed AND the result file says every case was compared with
   zero mismatches, so a skipped or filtered-out test cannot pass quietly.

Usage: differential.py [--count N] [--seed S] [--keep DIR] [-- extra swift test arguments]
Needs: pip install tiktoken==0.14.0 (runs offline, see vocab_common.offline_tiktoken).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab_common as vc  # noqa: E402
from golden_corpus import CASES  # noqa: E402

# Scalars chosen to sit on the edges of the split patterns' character classes.
INTERESTING = (
    list("abcxyzABCXYZ0123456789 '\"!?.,;:-_/\\()[]{}<>@#$%^&*+=|~`")
    + [" ", " ", " ", "\t", "\n", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x00", "\x7f"]
    + ["'s", "'S", "'t", "'T", "'re", "'RE", "'rE", "'ve", "'VE", "'m", "'M", "'ll", "'LL", "'Ll", "'d", "'D", "'\u017f"]
    + ["\u00a0", "\u3000", "\u2028", "\u2029", "\u0085", "\u2003", "\u202f", "\u1680", "\u200b", "\ufeff"]
    + ["\u0301", "\u0308", "\u20dd", "\u093e", "\u0903", "\u064b", "\u05b7"]  # Mn, Me, Mc marks
    + ["\u01c5", "\u01c8", "\u1f88"]  # Lt
    + ["\u02b0", "\u02c6", "\u3005", "\u0640"]  # Lm
    + ["é", "ß", "ÿ", "ſ", "Ω", "ω", "Ж", "ж", "ς", "ﬁ"]  # Ll / Lu beyond ASCII
    + ["中", "文", "日", "本", "語", "한", "ก", "ا", "ب", "ע", "क", "ि"]  # Lo (and a Devanagari Mc)
    + ["²", "½", "Ⅻ", "①", "٣", "१", "𝟙"]  # No, Nl, Nd outside ASCII
    + ["😀", "👍", "🏽", "\u200d", "\ufe0f", "🇫", "🇷", "©", "™", "€", "—", "…", "«", "»", "’", "‘", "“"]
    + ["\U00010d50", "\U0001e6c0", "\U000323b0", "\u0378", "\ue000", "\U000f0000", "\U0010fffd"]
    + ["\u212a", "\u212b", "\u0130", "\u0131"]
)
FRAGMENTS = [
    " ", "  ", "   ", "\n", "\n\n", "\r\n", "\t", " \n", "\n ", " \t ", "\u00a0", "\u3000 ",
    "word", "Word", "WORD", "wORD", "WoRd", " word", " Word", " WORD", "'s", "'S", "'ll", "'LL", "'Ve",
    "don't", "DON'T", "O'Neil", "it's", "x'", "123", "1234", "1234567", " 42", "3.14", "1,000",
    "!!", "?!", "...", " ...", "/", "//", " /", "/\n", "-->", "(", ")", "\"", "'", "`", "#", "@@",
    "é", "e\u0301", "\u0301", "中文", " 中文", "한국어", "العربية", "हिन्दी", "😀", " 😀", "👨‍👩‍👧",
    "ǅ", "ʰ", "ſ", "Ⅻ", "²", "\x00", "\x1b[0m", "<|endoftext|>", "\ufffd",
]


def random_alphabet_string(rng: random.Random) -> str:
    return "".join(rng.choice(INTERESTING) for _ in range(rng.randint(1, 60)))


def random_codepoints(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 30)):
        roll = rng.random()
        if roll < 0.15:
            out.append(rng.choice(" \n\t'a1."))
        else:
            plane_top = 0xFFFF if roll < 0.7 else 0x10FFFF
            cp = rng.randint(0, plane_top)
            while 0xD800 <= cp <= 0xDFFF:
                cp = rng.randint(0, plane_top)
            out.append(chr(cp))
    return "".join(out)


def random_fragments(rng: random.Random) -> str:
    return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 25)))


def random_tokens(rng: random.Random, token_bytes: list[bytes]) -> str:
    raw = b"".join(rng.choice(token_bytes) for _ in range(rng.randint(1, 30)))
    return raw.decode("utf-8", "replace")


def long_piece(rng: random.Random) -> str:
    length = rng.randint(150, 3000)
    style = rng.randrange(7)
    if style == 0:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length))
    if style == 1:
        unit = "".join(rng.choice("aeiourstln") for _ in range(rng.randint(1, 5)))
        return (unit * (length // len(unit) + 1))[:length]
    if style == 2:
        return "".join(rng.choice("0123456789") for _ in range(length))
    if style == 3:
        return "".join(rng.choice(" \t\n\r\u00a0") for _ in range(length)) + rng.choice(["", "x", "!"])
    if style == 4:
        return "".join(rng.choice("!@#$%^&*()-=+[]{};:,.<>/?|") for _ in range(length))
    if style == 5:
        return "".join(rng.choice("中文日本語한국어漢字かなカナ") for _ in range(length // 3))
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                   for _ in range(length))


def mutated_corpus(rng: random.Random) -> str:
    text = rng.choice(CASES)[1]
    if not text:
        return rng.choice(FRAGMENTS)
    a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
    piece = text[a:b] or text
    if rng.random() < 0.5:
        cut = rng.randrange(len(piece) + 1)
        piece = piece[:cut] + rng.choice(FRAGMENTS) + piece[cut:]
    return piece


def random_bytes(rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
    parts = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.5:
            parts.append(rng.choice(FRAGMENTS).encode())
        else:
            parts.append(bytes(rng.choice([0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F])
                               for _ in range(rng.randint(1, 4))))
    return b"".join(parts)


def generate(count: int, seed: int, token_bytes: list[bytes]) -> list[tuple[str, str | bytes]]:
    rng = random.Random(seed)
    makers = [
        ("alphabet", 0.24, random_alphabet_string),
        ("codepoints", 0.14, random_codepoints),
        ("fragments", 0.20, random_fragments),
        ("tokens", 0.14, lambda r: random_tokens(r, token_bytes)),
        ("long", 0.06, long_piece),
        ("mutated", 0.14, mutated_corpus),
        ("bytes", 0.08, random_bytes),
    ]
    names = [m[0] for m in makers]
    weights = [m[1] for m in makers]
    functions = {m[0]: m[2] for m in makers}
    cases = []
    for _ in range(count):
        kind = rng.choices(names, weights)[0]
        cases.append((kind, functions[kind](rng)))
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description="Swift tokenizer vs tiktoken on generated strings")
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--keep", type=Path, help="write the cases here instead of a temp folder")
    parser.add_argument("swift_args", nargs="*", help="extra `swift test` arguments (after --)")
    args = parser.parse_args()

    vocab_files = vc.vocab_files_for_reference()
    tiktoken = vc.offline_tiktoken(vocab_files)
    encodings = {name: tiktoken.get_encoding(name) for name in vc.ENCODINGS}
    token_bytes = vc.parse_tiktoken(vocab_files["o200k_base"])

    folder = args.keep or Path(tempfile.mkdtemp(prefix="llmroute-diff-"))
    folder.mkdir(parents=True, exist_ok=True)
    case_file = folder / "differential.jsonl"
    result_file = Path(str(case_file) + ".result")
    result_file.unlink(missing_ok=True)
    cases = generate(args.count, args.seed, token_bytes)
    with case_file.open("w") as out:
        for kind, value in cases:
            if isinstance(value, bytes):
                line = {"kind": kind, "hex": value.hex()}
                text = value.decode("utf-8", "replace")
            else:
                line = {"kind": kind, "text": value}
                text = value
            for name, encoding in encodings.items():
                line[name] = encoding.encode_ordinary(text)
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    expected = len(cases) * len(encodings)
    print(f"differential: {len(cases)} cases (seed {args.seed}) x {len(encodings)} encodings -> {case_file}")

    command = ["swift", "test", *args.swift_args, "--filter", "DifferentialTests"]
    env = dict(os.environ, LLMROUTE_DIFF_FILE=str(case_file))
    run = subprocess.run(command, cwd=vc.REPO_ROOT, env=env, capture_output=True, text=True)
    result = result_file.read_text().strip() if result_file.exists() else "(no result file: test did not run)"
    if run.returncode != 0 or result != f"compared {expected} mismatches 0":
        sys.stdout.write(run.stdout[-20000:])
        sys.stderr.write(run.stderr[-5000:])
        print(f"differential: FAILED: {result} (swift test exit {run.returncode}); cases kept in {case_file}")
        return 1
    print(f"differential: {expected} comparisons, 0 mismatches")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
