"""Shared pieces of the tokenizer scripts: the known vocabularies, the blob format, and an
offline tiktoken.

The blob format is defined HERE and in Sources/LLMRouteCore/Tokens/VocabularyTable.swift;
the two must change together (the format version in the header guards against drift).
"""

from __future__ import annotations

import atexit
import base64
import hashlib
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BLOB_DIR = REPO_ROOT / "Sources" / "CLLMRouteData" / "blobs"

# SHA-256 of the public .tiktoken files, as pinned by tiktoken itself
# (tiktoken_ext/openai_public.py, `expected_hash`). The blob header carries the same value.
SOURCE_SHA256 = {
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}
# The URL tiktoken downloads each file from; it names its cache files by the SHA-1 of it.
SOURCE_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
ENCODINGS = tuple(SOURCE_SHA256)

# tiktoken 0.14.0's Rust regex crate classifies code points by Unicode 16.0 (checked by probing
# letters first assigned in 16.0 and 17.0). The class table must come from the same version.
UNICODE_VERSION = "16.0.0"
TIKTOKEN_VERSION = "0.14.0"

MAGIC = b"LRBPE\x00\x00\x01"
FORMAT_VERSION = 2
HEADER_SIZE = 128
HASH_SEED = 0x6C6C6D726F757465  # "llmroute"
RECORD_BITS = 20  # a slot's low bits: record offset / 4; the other 12 bits are a fingerprint
MAX_LOAD = 0.40  # open-addressing load factor ceiling: misses stop after ~2 probes on average

MASK64 = (1 << 64) - 1
K0 = 0x9E3779B97F4A7C15
K1 = 0xBF58476D1CE4E5B9
K2 = 0x94D049BB133111EB


def byte_hash(data: bytes, seed: int = HASH_SEED) -> int:
    """64-bit hash of a byte string; VocabularyTable.hash(_:_:) computes the same value."""
    n = len(data)
    h = (seed ^ (n * K0)) & MASK64
    i = 0
    while n - i >= 8:
        h = ((h ^ int.from_bytes(data[i : i + 8], "little")) * K1) & MASK64
        h ^= h >> 29
        i += 8
    if i < n:  # tail of 1...7 bytes, zero-padded
        h = ((h ^ int.from_bytes(data[i:n], "little")) * K1) & MASK64
        h ^= h >> 29
    h ^= h >> 32
    h = (h * K2) & MASK64
    h ^= h >> 29
    return h


def find_source_dir() -> Path | None:
    """Folder holding the public .tiktoken files: $LLMROUTE_TIKTOKEN_DIR, else the repository's
    data/tiktoken (see data/SOURCES.md). None when neither exists."""
    candidates = []
    if os.environ.get("LLMROUTE_TIKTOKEN_DIR"):
        candidates.append(Path(os.environ["LLMROUTE_TIKTOKEN_DIR"]))
    candidates.append(REPO_ROOT / "data" / "tiktoken")
    for folder in candidates:
        if all((folder / f"{name}.tiktoken").is_file() for name in ENCODINGS):
            return folder
    return None


def parse_tiktoken(text: bytes) -> list[bytes]:
    """Token byte strings in rank order; the files list ranks 0..n-1 in order, checked here."""
    tokens = []
    for expected_rank, line in enumerate(text.splitlines()):
        b64, rank = line.split()
        if int(rank) != expected_rank:
            raise ValueError(f"rank {rank} out of order at line {expected_rank + 1}")
        tokens.append(base64.b64decode(b64))
    return tokens


def render_tiktoken(tokens: list[bytes]) -> bytes:
    """Inverse of parse_tiktoken: byte-identical to the published files (verified by SHA-256)."""
    return b"".join(base64.b64encode(t) + b" " + str(r).encode() + b"\n" for r, t in enumerate(tokens))


@dataclass
class BlobHeader:
    token_count: int
    max_token_length: int
    slot_count: int
    record_bits: int
    seed: int
    slots_offset: int
    record_index_offset: int
    records_offset: int
    records_length: int
    stage1_offset: int
    stage2_offset: int
    block_count: int
    unicode_version: int
    total_size: int
    pair_table_offset: int
    source_sha256: bytes
    name: str

    # magic, version, header size, then the fields above in order (see make_vocab_blob.py).
    STRUCT = struct.Struct("<8sIIIIIIQIIIIIIIIII32s16s")

    def pack(self) -> bytes:
        packed = self.STRUCT.pack(
            MAGIC, FORMAT_VERSION, HEADER_SIZE, self.token_count, self.max_token_length,
            self.slot_count, self.record_bits, self.seed, self.slots_offset,
            self.record_index_offset, self.records_offset, self.records_length,
            self.stage1_offset, self.stage2_offset, self.block_count, self.unicode_version,
            self.total_size, self.pair_table_offset, self.source_sha256,
            self.name.encode().ljust(16, b"\0"),
        )
        assert len(packed) == HEADER_SIZE, len(packed)
        return packed

    @classmethod
    def unpack(cls, blob: bytes) -> "BlobHeader":
        fields = cls.STRUCT.unpack_from(blob, 0)
        magic, version, header_size = fields[:3]
        if magic != MAGIC or version != FORMAT_VERSION or header_size != HEADER_SIZE:
            raise ValueError("not a vocabulary blob of format version %d" % FORMAT_VERSION)
        rest = list(fields[3:])
        rest[-1] = rest[-1].rstrip(b"\0").decode()
        return cls(*rest)


def tokens_from_blob(blob: bytes) -> list[bytes]:
    """Token byte strings in rank order, read back through the rank -> record index."""
    header = BlobHeader.unpack(blob)
    index = struct.unpack_from(f"<{header.token_count}I", blob, header.record_index_offset)
    tokens = []
    for rank, offset in enumerate(index):
        start = header.records_offset + offset
        (word,) = struct.unpack_from("<I", blob, start)
        length, record_rank = word & 0xFF, word >> 8
        if record_rank != rank:
            raise ValueError(f"record of rank {rank} says {record_rank}")
        tokens.append(blob[start + 4 : start + 4 + length])
    return tokens


def offline_tiktoken(vocab_files: dict[str, bytes]):
    """Import tiktoken with its download cache pre-filled, so get_encoding never touches the
    network. tiktoken names a cache file by the SHA-1 of the download URL (load.read_file_cached)
    and re-checks the file's SHA-256, so a wrong file fails loudly instead of being used."""
    cache = Path(tempfile.mkdtemp(prefix="llmroute-tiktoken-"))
    atexit.register(shutil.rmtree, cache, True)
    for name, data in vocab_files.items():
        key = hashlib.sha1(SOURCE_URL.format(name=name).encode()).hexdigest()
        (cache / key).write_bytes(data)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    import tiktoken

    if tiktoken.__version__ != TIKTOKEN_VERSION:
        print(f"warning: tiktoken {tiktoken.__version__} != pinned {TIKTOKEN_VERSION}; "
              "Unicode tables may differ")
    return tiktoken


def vocab_files_for_reference() -> dict[str, bytes]:
    """The .tiktoken files to run tiktoken with: from data/tiktoken when present, else rebuilt from
    the committed blobs. Either way each must hash to the pinned SHA-256, so the blobs are
    proven to hold exactly the published vocabulary."""
    source = find_source_dir()
    files = {}
    for name in ENCODINGS:
        if source is not None:
            data = (source / f"{name}.tiktoken").read_bytes()
        else:
            data = render_tiktoken(tokens_from_blob((BLOB_DIR / f"{name}.bin").read_bytes()))
        digest = hashlib.sha256(data).hexdigest()
        if digest != SOURCE_SHA256[name]:
            raise SystemExit(f"{name}: SHA-256 {digest} != pinned {SOURCE_SHA256[name]}")
        files[name] = data
    return files
