#!/usr/bin/env python3
"""Writes the golden vectors the Swift tests compare against, produced by tiktoken itself:
Tests/LLMRouteCoreTests/Tokens/Fixtures/golden_<encoding>.jsonl, one JSON object a line:

  {"name": ..., "text": ..., "ids": [...]}                 a string case
  {"name": ..., "hex": ..., "decoded": ..., "ids": [...]}  raw bytes that are not valid UTF-8:
      "decoded" is Python's bytes.decode("utf-8", "replace"), "ids" tiktoken's encode_ordinary
      of it (what llmroute must count for those bytes)

Runs offline: tiktoken's cache is pre-filled from data/tiktoken (or the committed blobs), see
vocab_common.offline_tiktoken. Needs: pip install tiktoken==0.14.0
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab_common as vc  # noqa: E402
from golden_corpus import BYTE_CASES, CASES  # noqa: E402

FIXTURES = vc.REPO_ROOT / "Tests" / "LLMRouteCoreTests" / "Tokens" / "Fixtures"


def main() -> int:
    tiktoken = vc.offline_tiktoken(vc.vocab_files_for_reference())
    FIXTURES.mkdir(parents=True, exist_ok=True)
    names = [name for name, _ in CASES] + [name for name, _ in BYTE_CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    for encoding_name in vc.ENCODINGS:
        encoding = tiktoken.get_encoding(encoding_name)
        lines = []
        for name, text in CASES:
            ids = encoding.encode_ordinary(text)
            assert encoding.decode(ids) == text
            lines.append({"name": name, "text": text, "ids": ids})
        for name, raw in BYTE_CASES:
            decoded = raw.decode("utf-8", "replace")
            lines.append({"name": name, "hex": raw.hex(), "decoded": decoded,
                          "ids": encoding.encode_ordinary(decoded)})
        path = FIXTURES / f"golden_{encoding_name}.jsonl"
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
        print(f"{path.relative_to(vc.REPO_ROOT)}: {len(lines)} cases, "
              f"{sum(len(line['ids']) for line in lines)} tokens, tiktoken {tiktoken.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
