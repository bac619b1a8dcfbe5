#!/usr/bin/env python3
"""Builds Sources/CLLMRouteData/blobs/{o200k_base,cl100k_base}.bin from the public .tiktoken files.

The blob is linked into the binary (.incbin, see Sources/CLLMRouteData/vocab.S) and searched in
place, so start-up builds nothing. Layout (little-endian, every section 16-byte aligned):

  header (128 bytes)     magic "LRBPE\\0\\0\\1", format version, sizes, section offsets,
                         hash seed, Unicode version, SHA-256 of the source .tiktoken, name
  slots   u32[S]         open-addressing hash table of all tokens, S a power of two, load
                         <= 0.40, linear probing from hash & (S-1). A slot is
                         (fingerprint << 20) | (record offset / 4); 0 = empty. The fingerprint
                         is the hash's top 12 bits, so most misses stop at the slot.
  records                per token, 4-byte aligned: u32 (rank << 8 | length), then the token's
                         bytes, zero-padded to 4; starts with 4 zero bytes (no record sits at
                         offset 0) and ends with 16 zero bytes, so 8-byte loads stay inside.
                         A hit reads one slot and one record: rank, length and bytes together.
  index   u32[n]         rank -> record offset (decoding)
  pairs   u32[65536]     rank of each 2-byte string (b0 << 8 | b1), 0xFFFFFFFF if none: the
                         first round of every merge looks these up, so they skip the hash
  stage1  u8[0x1100]     Unicode class table, stage 1: code point >> 8 -> block number
  stage2  u8[blocks*256] stage 2: block * 256 + (code point & 0xFF) -> ScalarClass raw value

The hash (vocab_common.byte_hash) and the classes must match VocabularyTable.swift and
ScalarClass.swift.

Usage: make_vocab_blob.py [--source-dir DIR] [--check]
  --check  rebuild in memory and fail if the committed blobs differ (reproducibility test);
           skipped, with a message, when no source folder exists.
Needs unicodedata2==16.0.0 (pip) for the class table: the Unicode version tiktoken's regex uses.
"""

from __future__ import annotations

import argparse
import hashlib
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab_common as vc  # noqa: E402

# ScalarClass raw values (Sources/LLMRouteCore/Tokens/ScalarClass.swift).
OTHER, UPPER, LOWER, LETTER_OTHER, MARK, NUMBER, SPACE, NEWLINE = range(8)
CATEGORY_CLASS = {
    "Lu": UPPER, "Lt": UPPER, "Ll": LOWER, "Lm": LETTER_OTHER, "Lo": LETTER_OTHER,
    "Mn": MARK, "Mc": MARK, "Me": MARK, "Nd": NUMBER, "Nl": NUMBER, "No": NUMBER,
}
# Unicode's White_Space property (what `\s` means in Rust's regex crate). Stable since 6.3.
WHITE_SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
               0x2028, 0x2029, 0x202F, 0x205F, 0x3000}


def align16(n: int) -> int:
    return (n + 15) & ~15


def scalar_class(cp: int, category) -> int:
    if cp in (0x0A, 0x0D):
        return NEWLINE
    if cp in WHITE_SPACE:
        return SPACE
    return CATEGORY_CLASS.get(category(chr(cp)), OTHER)


def unicode_tables() -> tuple[bytes, bytes, int, int]:
    try:
        import unicodedata2 as ud
    except ImportError:
        sys.exit("needs unicodedata2==%s: pip install unicodedata2==%s" % ((vc.UNICODE_VERSION,) * 2))
    if ud.unidata_version != vc.UNICODE_VERSION:
        sys.exit(f"unicodedata2 has Unicode {ud.unidata_version}, need {vc.UNICODE_VERSION}")
    blocks: dict[bytes, int] = {}
    stage1 = bytearray()
    for hi in range(0x1100):
        block = bytes(scalar_class(cp, ud.category) for cp in range(hi << 8, (hi + 1) << 8))
        stage1.append(blocks.setdefault(block, len(blocks)))
    assert len(blocks) < 256
    stage2 = b"".join(blocks)  # dicts keep insertion order = block number order
    major, minor, patch = map(int, vc.UNICODE_VERSION.split("."))
    return bytes(stage1), stage2, len(blocks), (major << 16) | (minor << 8) | patch


def build_records(tokens: list[bytes]) -> tuple[bytes, list[int]]:
    records = bytearray(4)  # offset 0 stays unused: slot payload 0 means "empty"
    index = []
    for rank, token in enumerate(tokens):
        assert len(token) < 256 and rank < (1 << 24)
        index.append(len(records))
        records += struct.pack("<I", rank << 8 | len(token)) + token
        records += bytes(-len(records) % 4)
    records += bytes(16)
    assert len(records) // 4 < (1 << vc.RECORD_BITS)
    return bytes(records), index


def hash_slots(tokens: list[bytes], index: list[int]) -> tuple[list[int], int]:
    slot_count = 1
    while slot_count * vc.MAX_LOAD < len(tokens):
        slot_count *= 2
    fingerprint_shift = 64 - (32 - vc.RECORD_BITS)
    slots = [0] * slot_count
    for rank, token in enumerate(tokens):
        h = vc.byte_hash(token)
        i = h & (slot_count - 1)
        while slots[i]:
            i = (i + 1) & (slot_count - 1)
        slots[i] = ((h >> fingerprint_shift) << vc.RECORD_BITS) | (index[rank] // 4)
    return slots, slot_count


def pair_table(tokens: list[bytes]) -> list[int]:
    table = [0xFFFFFFFF] * 65536
    for rank, token in enumerate(tokens):
        if len(token) == 2:
            table[token[0] << 8 | token[1]] = rank
    return table


def build_blob(name: str, source: bytes) -> bytes:
    digest = hashlib.sha256(source).digest()
    if digest.hex() != vc.SOURCE_SHA256[name]:
        sys.exit(f"{name}: source SHA-256 {digest.hex()} != pinned {vc.SOURCE_SHA256[name]}")
    tokens = vc.parse_tiktoken(source)
    records, index = build_records(tokens)
    slots, slot_count = hash_slots(tokens, index)
    pairs = pair_table(tokens)
    stage1, stage2, block_count, unicode_version = unicode_tables()

    slots_offset = vc.HEADER_SIZE
    records_offset = align16(slots_offset + 4 * slot_count)
    index_offset = align16(records_offset + len(records))
    pairs_offset = align16(index_offset + 4 * len(index))
    stage1_offset = align16(pairs_offset + 4 * len(pairs))
    stage2_offset = align16(stage1_offset + len(stage1))
    total = align16(stage2_offset + len(stage2))
    header = vc.BlobHeader(
        token_count=len(tokens), max_token_length=max(map(len, tokens)), slot_count=slot_count,
        record_bits=vc.RECORD_BITS, seed=vc.HASH_SEED, slots_offset=slots_offset,
        record_index_offset=index_offset, records_offset=records_offset,
        records_length=len(records), stage1_offset=stage1_offset, stage2_offset=stage2_offset,
        block_count=block_count, unicode_version=unicode_version, total_size=total,
        pair_table_offset=pairs_offset, source_sha256=digest, name=name,
    )
    blob = bytearray(total)
    blob[0:vc.HEADER_SIZE] = header.pack()
    struct.pack_into(f"<{slot_count}I", blob, slots_offset, *slots)
    blob[records_offset:records_offset + len(records)] = records
    struct.pack_into(f"<{len(index)}I", blob, index_offset, *index)
    struct.pack_into(f"<{len(pairs)}I", blob, pairs_offset, *pairs)
    blob[stage1_offset:stage1_offset + len(stage1)] = stage1
    blob[stage2_offset:stage2_offset + len(stage2)] = stage2
    assert vc.tokens_from_blob(bytes(blob)) == tokens
    return bytes(blob)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source-dir", type=Path, help="folder with the .tiktoken files")
    parser.add_argument("--check", action="store_true", help="compare with the committed blobs")
    args = parser.parse_args()
    source_dir = args.source_dir or vc.find_source_dir()
    if source_dir is None and args.check:
        # Without data/tiktoken (a trimmed checkout), the differential test still proves the blobs by
        # rebuilding the .tiktoken files from them and checking the pinned SHA-256.
        print("blob reproducibility check skipped: no .tiktoken source folder")
        return 0
    if source_dir is None:
        sys.exit("no .tiktoken files: pass --source-dir or set LLMROUTE_TIKTOKEN_DIR")
    failed = False
    for name in vc.ENCODINGS:
        blob = build_blob(name, (source_dir / f"{name}.tiktoken").read_bytes())
        target = vc.BLOB_DIR / f"{name}.bin"
        if args.check:
            same = target.is_file() and target.read_bytes() == blob
            print(f"{name}: committed blob {'matches' if same else 'DIFFERS from'} a fresh build")
            failed |= not same
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
            print(f"{name}: wrote {target} ({len(blob):,} bytes)")
    if not args.check:
        # SwiftPM does not track .incbin inputs: touch the assembly file so builds pick up the
        # new blobs instead of linking the old ones.
        (vc.BLOB_DIR.parent / "vocab.S").touch()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
