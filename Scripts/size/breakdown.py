#!/usr/bin/env python3
"""What the release binary is made of: bytes per component, from GNU ld's link map.

    python3 Scripts/size/breakdown.py LINK.map   (make size-report writes the map and runs this)

Counts the sections that stay in a stripped binary (code, read-only data, Swift metadata, data),
by the object file or archive member each input section came from. The unwind tables
(.eh_frame) and merged strings are merged by the linker across files, so they get rows of their
own. Symbols and debug info (what `strip` removes) are not counted.
"""
import collections
import re
import sys

# Output sections a stripped binary keeps, grouped into the report's columns.
COLUMNS = {"code": (".text", ".init", ".fini", ".plt"),
           "read-only data": (".rodata",),
           "Swift metadata, data": ("swift5_", ".data", ".swift_modhash", ".got", ".init_array",
                                    ".fini_array", ".cfstr.data", ".lldbsummaries", ".gcc_except_table")}
SKIPPED = (".debug", ".comment", ".bss", ".tbss", ".symtab", ".strtab", ".shstrtab")

# (component, pattern over the input's path), first match wins. Archive members are path(member).
COMPONENTS = [
    ("ICU data tables (_FoundationICU)", r"lib_FoundationICU\.a\(icu_packaged_data"),
    ("ICU code (_FoundationICU)", r"lib_FoundationICU\.a"),
    ("Foundation + CoreFoundation", r"lib(Foundation|CoreFoundation|_CFURLSession\w*|_CFXML\w*)\.a"),
    ("FoundationInternationalization", r"libFoundationInternationalization\.a"),
    ("FoundationEssentials", r"lib(FoundationEssentials|_FoundationCollections|_FoundationCShims)\.a"),
    ("Swift runtime + stdlib, Dispatch", r"/swift_static/|/lib/swift/"),
    ("data blobs (vocabularies, classifier weights)", r"/CLLMRouteData\.build/"),
    ("LLMRouteCore", r"/(LLMRouteCore|CLLMRouteThreads)\.build/"),
    ("LLMRouteCLI + main", r"/(LLMRouteCLI|llmroute)\.build/"),
    ("BoringSSL (TLS, via swift-nio-ssl)", r"/CNIOBoringSSL(Shims)?\.build/"),
    ("swift-crypto, X509, ASN1", r"/(Crypto|CryptoExtras|CryptoBoringWrapper|CCryptoBoringSSL\w*|X509|SwiftASN1|_CertificateInternals|_CryptoExtras\w*)\.build/"),
    ("SwiftNIO (NIO*, CNIO*, NIOSSL, HTTP/2)", r"/C?NIO\w*\.build/|/_NIO\w*\.build/"),
    ("AsyncHTTPClient", r"/C?AsyncHTTPClient\.build/"),
    ("GRDB", r"/GRDB\.build/"),
    ("TOMLKit (+ toml++)", r"/(TOMLKit|CTOML)\.build/"),
    ("other Swift packages (collections, log, configuration, ...)", r"\.build/"),
    ("C/C++ runtime (libstdc++, libgcc, crt)", r"^/usr/lib/|^/lib/"),
]
FIELD = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)(?:\s+(\S.*))?$")


def component(path):
    for name, pattern in COMPONENTS:
        if re.search(pattern, path):
            return name
    return "other"


def column(section):
    for name, prefixes in COLUMNS.items():
        if any(section == p or section.startswith(p + ".") or (p.endswith("_") and section.startswith(p))
               for p in prefixes):
            return name
    return None


def main(path):
    lines = open(path, errors="replace").read().split("\n")
    start = lines.index("Memory map") if "Memory map" in lines else lines.index("Linker script and memory map")
    sizes = collections.defaultdict(lambda: collections.Counter())
    totals = collections.Counter()
    out = None
    header_next = False  # a long output section name has its address and size on the next line

    def add_total(section, size):
        col = column(section) or ("unwind tables (all code)" if section.startswith(".eh_frame")
                                  else "ELF headers, dynamic linking")
        totals[col] += size

    for line in lines[start + 1:]:
        if line and not line[0].isspace():
            parts = line.split()
            out = None if parts[0].startswith(SKIPPED) else parts[0]
            header_next = len(parts) == 1
            if out and len(parts) >= 3 and parts[2].startswith("0x"):
                add_total(out, int(parts[2], 16))
            continue
        if header_next:
            header_next = False
            m = FIELD.match(line)
            if out and m and not m.group(3):
                add_total(out, int(m.group(2), 16))
                continue
        if out is None:
            continue
        # An input section: " name 0xADDR 0xSIZE file" (the name may be on the line before).
        fields = line.split()
        if fields and not fields[0].startswith("0x"):
            fields = fields[1:]
            line = " " + " ".join(fields)
        m = FIELD.match(line)
        if not m:
            continue
        size, source = int(m.group(2), 16), m.group(3)
        col = column(out)
        if col is None:
            continue
        who = component(source) if source else "merged strings, padding"
        sizes[who][col] += size
    # What the merged sections and padding leave over goes to their own rows.
    for col, total in totals.items():
        counted = sum(s[col] for s in sizes.values())
        if total > counted:
            row = col if col in ("unwind tables (all code)", "ELF headers, dynamic linking") else "merged strings, padding"
            sizes[row][col if row == "merged strings, padding" else "other"] += total - counted
    cols = list(COLUMNS) + ["other"]
    mb = lambda n: f"{n / 1e6:.1f}"
    print("| component | " + " | ".join(cols) + " | total MB |")
    print("|---|" + "---:|" * (len(cols) + 1))
    grand = 0
    for who, s in sorted(sizes.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(s.values())
        grand += total
        print(f"| {who} | " + " | ".join(mb(s[c]) if s[c] else "" for c in cols) + f" | {mb(total)} |")
    print(f"| **all** | " + " | ".join(mb(sum(s[c] for s in sizes.values())) for c in cols) + f" | **{mb(grand)}** |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
