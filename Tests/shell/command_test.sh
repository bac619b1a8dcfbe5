# `llmroute completions` and `llmroute manpage` as commands: output, errors, exit statuses, and
# the committed scripts' syntax in each shell.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$LLMROUTE_ROOT

for pair in bash:completions/llmroute.bash zsh:completions/_llmroute fish:completions/llmroute.fish; do
    shell=${pair%%:*} file=${pair#*:}
    if llmroute completions "$shell" | cmp -s - "$root/$file"; then
        pass "$file is what llmroute completions $shell prints"
    else
        fail "$file is what llmroute completions $shell prints" "regenerate it: make generate-shell"
    fi
done
expect_status "bash -n accepts the bash script" 0 bash -n "$root/completions/llmroute.bash"
expect_status "zsh -n accepts the zsh script" 0 zsh -n "$root/completions/_llmroute"
expect_status "fish -n accepts the fish script" 0 fish --no-config -n "$root/completions/llmroute.fish"

# A missing, unknown or extra SHELL is a usage error (exit 2) that names the choices.
for args in "" "tcsh" "bash zsh"; do
    err=$(llmroute completions $args 2>&1 >/dev/null)
    status=$?
    if ((status == 2)) && [[ $err == *bash* && $err == *zsh* && $err == *fish* ]]; then
        pass "completions ${args:-(no shell)}: exit 2 naming the shells"
    else
        fail "completions ${args:-(no shell)}: exit 2 naming the shells" "status $status" "$err"
    fi
done
out=$(llmroute completions 2>/dev/null)
expect_set "completions (no shell) prints nothing on stdout" "$out"
expect_status "completions --help" 0 llmroute completions --help
expect_status "manpage takes no arguments" 2 llmroute manpage extra
