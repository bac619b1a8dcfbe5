# Assertions for the shell-integration tests, sourced by each *_test.sh. Every check prints one
# line, "ok - NAME" or "not ok - NAME" followed by indented details; run.sh counts them.
#
# Environment (set by run.sh): LLMROUTE_ROOT (the repository), LLMROUTE_BIN (the binary under
# test, also on PATH as `llmroute`), SHELL_TEST_WORK (a scratch directory), and a private HOME
# and XDG tree so the user's own config and keys never leak in.

pass() { echo "ok - $1"; }

fail() {
    echo "not ok - $1"
    shift
    local line
    for line in "$@"; do echo "    $line"; done
}

# expect_has NAME ACTUAL WORD...: every WORD is a line of ACTUAL.
expect_has() {
    local name=$1 actual=$2 word
    shift 2
    local -a missing=()
    for word in "$@"; do
        grep -qxF -- "$word" <<<"$actual" || missing+=("$word")
    done
    if ((${#missing[@]})); then
        fail "$name" "missing: ${missing[*]}" "got: $(tr '\n' ' ' <<<"$actual")"
    else
        pass "$name"
    fi
}

# expect_lacks NAME ACTUAL WORD...: no WORD is a line of ACTUAL.
expect_lacks() {
    local name=$1 actual=$2 word
    shift 2
    local -a present=()
    for word in "$@"; do
        grep -qxF -- "$word" <<<"$actual" && present+=("$word")
    done
    if ((${#present[@]})); then
        fail "$name" "unexpected: ${present[*]}" "got: $(tr '\n' ' ' <<<"$actual")"
    else
        pass "$name"
    fi
}

# expect_set NAME ACTUAL WORD...: the lines of ACTUAL are exactly the WORDs, in any order.
expect_set() {
    local name=$1 actual=$2
    shift 2
    local want got
    want=$(printf '%s\n' "$@" | sed '/^$/d' | sort -u)
    got=$(sed '/^$/d' <<<"$actual" | sort -u)
    if [[ $want == "$got" ]]; then
        pass "$name"
    else
        fail "$name" "want: $(tr '\n' ' ' <<<"$want")" "got:  $(tr '\n' ' ' <<<"$got")"
    fi
}

# expect_status NAME WANT COMMAND...: COMMAND exits with status WANT.
expect_status() {
    local name=$1 want=$2 status=0
    shift 2
    "$@" >/dev/null 2>&1 || status=$?
    if ((status == want)); then pass "$name"; else fail "$name" "exit status $status, want $want: $*"; fi
}

# The flags `llmroute PATH... --help` lists: the spec as the parser and help see it, to check
# that completions offer the same ones.
# Only the rows of its option tables count: "  -m, --model NAME  ..." and "      --json  ...".
help_flags() {
    llmroute "$@" --help | grep -oE '^  (-[a-zA-Z], |    )--[a-z][a-z-]*' | tr ',' '\n' | tr -d ' ' | sort -u
}

# A config that adds a model, to see that model completion honours the user's config.
make_test_config() {
    local file=$SHELL_TEST_WORK/test-config.toml
    cat > "$file" <<'TOML'
[providers.localtest]
kind = "openai"
base_url = "http://127.0.0.1:9/v1"

[models."local-test-model"]
provider = "localtest"
input_price = 0
output_price = 0
context_window = 8192
TOML
    echo "$file"
}
