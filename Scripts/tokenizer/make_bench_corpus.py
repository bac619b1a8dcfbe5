#!/usr/bin/env python3
"""Writes a deterministic mixed-text benchmark corpus (default 12 MB) for Benchmarks/tokens.sh.

Mix, by bytes: ~45% the golden corpus's prose, code, JSON, Markdown and multilingual cases in a
seeded shuffle; ~35% runs of random vocabulary tokens (a realistic spread of what BPE meets);
~20% generated English-like sentences with numbers, contractions and punctuation.
Usage: make_bench_corpus.py OUT [--megabytes N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab_common as vc  # noqa: E402
from golden_corpus import CASES  # noqa: E402

WORDS = ("the of and to in is that for it as was with be by on not he I this are or his from at "
         "which but have an they you were her she there one all we their can has more would been "
         "model token router price context window request latency budget cheap strong answer code "
         "function value error return string number list table query result prompt").split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 18))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.randint(0, 10**rng.randint(1, 7))))
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), rng.choice(["don't", "it's", "we'll", "they've", "I'm"]))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", "?", "!", ";", ":"]) + rng.choice([" ", " ", "\n", "\n\n"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=float, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    blob = (vc.BLOB_DIR / "o200k_base.bin").read_bytes()
    tokens = [t for t in vc.tokens_from_blob(blob) if t.strip()]
    corpus = [text for _, text in CASES if text]
    target = int(args.megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        roll = rng.random()
        if roll < 0.45:
            chunk = rng.choice(corpus)
        elif roll < 0.80:
            chunk = b"".join(rng.choice(tokens) for _ in range(rng.randint(20, 200))).decode("utf-8", "replace") + "\n"
        else:
            chunk = "".join(sentence(rng) for _ in range(rng.randint(3, 12)))
        parts.append(chunk)
        size += len(chunk.encode())
    args.out.write_text("".join(parts), encoding="utf-8")
    print(f"{args.out}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
