#!/usr/bin/env bash
# Rewrites the committed shell-integration files from a built llmroute binary:
#   completions/llmroute.bash  completions/_llmroute  completions/llmroute.fish  man/llmroute.1
# Builds nothing (`make generate-shell` builds, then calls this).
#
#   Scripts/shell/regenerate.sh [BINARY]     default: .build/debug/llmroute
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${1:-$root/.build/debug/llmroute}
if [[ ! -x $bin ]]; then
    echo "regenerate.sh: no llmroute binary at $bin (build it first: swift build)" >&2
    exit 1
fi

# Each file is written next to its target and renamed, so a failing binary never leaves a
# truncated file behind.
write() {
    local target=$root/$1
    shift
    mkdir -p "$(dirname "$target")"
    "$bin" "$@" > "$target.tmp" || { rm -f "$target.tmp"; echo "regenerate.sh: '$bin $*' failed" >&2; exit 1; }
    mv "$target.tmp" "$target"
    echo "wrote ${target#"$root"/}"
}

write completions/llmroute.bash completions bash
write completions/_llmroute completions zsh
write completions/llmroute.fish completions fish
write man/llmroute.1 manpage
