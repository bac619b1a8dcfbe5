#!/usr/bin/env bash
# Every data file is listed in data/SOURCES.md with its SHA-256, and every listed hash matches.
# A file added to data/ without a row, or changed without updating its row, fails here.
set -euo pipefail
cd "$(dirname "$0")/../../data"
table=$(grep -E '^\| `[^`]+` \|' SOURCES.md)
listed=$(sed -E 's/^\| `([^`]+)` \|.*/\1/' <<<"$table" | sort)
present=$(find . -type f ! -name '*.md' | sed 's#^\./##' | sort)
if [ "$listed" != "$present" ]; then
  echo "check-data: data/SOURCES.md and data/ disagree:"; diff <(echo "$listed") <(echo "$present") || true; exit 1
fi
sed -E 's/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/\2  \1/' <<<"$table" | sha256sum --quiet -c -
echo "check-data: $(wc -l <<<"$listed") files match data/SOURCES.md"
