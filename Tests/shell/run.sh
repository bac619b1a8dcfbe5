#!/usr/bin/env bash
# Runs the shell-integration tests, Tests/shell/*_test.sh, against a built llmroute:
#
#   LLMROUTE_BIN=.build/debug/llmroute bash Tests/shell/run.sh     (or: make check-shell)
#
# Each test file prints "ok - ..." / "not ok - ..." lines; this counts them and exits 1 on any
# failure. Needs bash 4+, zsh, fish, mandoc and man (apt: bash-completion zsh fish mandoc man-db).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ -z ${LLMROUTE_BIN:-} || ! -x $LLMROUTE_BIN ]]; then
    echo "run.sh: set LLMROUTE_BIN to a built llmroute binary (got '${LLMROUTE_BIN:-}')" >&2
    exit 2
fi
missing=()
for tool in zsh fish mandoc man; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
    echo "run.sh: missing ${missing[*]}; install with: apt-get install bash-completion zsh fish mandoc man-db" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
ln -s "$(realpath "$LLMROUTE_BIN")" "$work/bin/llmroute"
# A private HOME and XDG tree: no user config, no API keys, nothing written outside $work.
env_clean=(env -u LLMROUTE_CONFIG -u OPENAI_API_KEY -u ANTHROPIC_API_KEY -u NO_COLOR
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
    XDG_STATE_HOME="$work/home/.local/state" XDG_DATA_DIRS=/usr/local/share:/usr/share
    PATH="$work/bin:$PATH" LLMROUTE_ROOT="$root" LLMROUTE_BIN="$(realpath "$LLMROUTE_BIN")")

passed=0 failed=0
for test in "$here"/*_test.sh; do
    name=$(basename "$test" .sh)
    mkdir -p "$work/$name"
    echo "# $name"
    output=$("${env_clean[@]}" SHELL_TEST_WORK="$work/$name" bash "$test" 2>&1)
    status=$?
    echo "$output"
    ok=$(grep -c '^ok - ' <<<"$output")
    bad=$(grep -c '^not ok - ' <<<"$output")
    if ((status != 0 && bad == 0)); then
        echo "not ok - $name exited with status $status"
        bad=1
    fi
    passed=$((passed + ok)) failed=$((failed + bad))
done
echo "check-shell: $passed passed, $failed failed"
((failed == 0))
