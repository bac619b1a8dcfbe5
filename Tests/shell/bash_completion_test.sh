# bash: completions/llmroute.bash loaded into this bash, driven the way readline drives it
# (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT set, then the registered function called).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$LLMROUTE_ROOT/completions/llmroute.bash"

# complete WORD...: the matches for a line whose words are the arguments, the cursor at the end
# of the last one. Words are given as bash splits them: `--strategy=c` is `--strategy = c`.
complete_line() {
    COMP_WORDS=(llmroute "$@")
    COMP_CWORD=$#
    COMP_LINE="llmroute $*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    local function
    function=$(complete -p llmroute | sed -n 's/.*-F \([^ ]*\).*/\1/p')
    "$function" llmroute "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\n' "${COMPREPLY[@]}"
}

expect_set "registered for llmroute" "$(complete -p llmroute)" "complete -F _llmroute llmroute"
expect_set "ro<TAB> gives route" "$(complete_line ro)" route
expect_has "route --str<TAB> gives --strategy" "$(complete_line route --str)" --strategy --strong-share
expect_set "route --strategy <TAB> gives the four strategies" "$(complete_line route --strategy '')" tier task cost threshold
expect_has "route -m <TAB> gives model names (dynamic)" "$(complete_line route -m '')" gpt-4o-mini claude-haiku-4-5
expect_lacks "route -m gpt-4o<TAB> keeps the prefix" "$(complete_line route -m gpt-4o)" claude-haiku-4-5
expect_has "route -qm <TAB>: a short cluster ending in -m" "$(complete_line route -qm '')" gpt-4o-mini
expect_set "route -s <TAB>: free text, nothing offered" "$(complete_line route -s '')"
expect_set "route --strategy=<TAB>" "$(complete_line route --strategy =)" tier task cost threshold
expect_set "route --strategy=c<TAB>" "$(complete_line route --strategy = c)" cost
expect_set "route --task <TAB>: the tasks" "$(complete_line route --task '')" \
    coding reasoning simple_qa creative analysis summarization
expect_set "route --classifier <TAB>" "$(complete_line route --classifier '')" local heuristic llm
expect_has "route --require <TAB>: the capabilities" "$(complete_line route --require '')" vision function_calling
expect_set "cost --encoding <TAB>" "$(complete_line cost --encoding '')" o200k_base cl100k_base

config=$(make_test_config)
expect_has "--config FILE route -m <TAB> uses that config's models" \
    "$(complete_line --config "$config" route -m local-)" local-test-model
expect_has "route -m <TAB> honours LLMROUTE_CONFIG" "$(LLMROUTE_CONFIG=$config complete_line route -m local-)" local-test-model
expect_set "route -m <TAB> without that config has no such model" "$(complete_line route -m local-)"
errors=$(LLMROUTE_CONFIG=/nonexistent/config.toml complete_line route -m '' 2>&1)
expect_set "a broken config: nothing offered, nothing printed" "$errors"

expect_set "llmroute <TAB>: the commands" "$(complete_line '')" \
    ask classify route eval repl serve cost ledger models config completions manpage help
expect_set "after global flags, still the commands" "$(complete_line --json -v con)" config
expect_set "config <TAB>: its subcommands" "$(complete_line config '')" show init check path
expect_has "config init --<TAB>" "$(complete_line config init --)" --force --config --json
expect_lacks "route --<TAB> lacks other commands' flags" "$(complete_line route --)" --force --csv --names
expect_set "completions <TAB>" "$(complete_line completions '')" bash zsh fish
expect_set "completions bash <TAB>: one shell only" "$(complete_line completions bash '')"
expect_set "help c<TAB>: command names" "$(complete_line help c)" classify cost config completions
expect_set "an unknown command: nothing" "$(complete_line frobnicate --)"
expect_set "after --, no flags" "$(complete_line route -- --s)"

mkdir -p "$SHELL_TEST_WORK/files"
touch "$SHELL_TEST_WORK/files/report.md" "$SHELL_TEST_WORK/files/notes.txt"
expect_set "cost -f <TAB>: files" "$(complete_line cost -f "$SHELL_TEST_WORK/files/")" \
    "$SHELL_TEST_WORK/files/notes.txt" "$SHELL_TEST_WORK/files/report.md"
expect_set "eval <TAB>: the outcome file" "$(complete_line eval "$SHELL_TEST_WORK/files/n")" "$SHELL_TEST_WORK/files/notes.txt"
expect_set "eval --svg <TAB>: files" "$(complete_line eval --svg "$SHELL_TEST_WORK/files/r")" "$SHELL_TEST_WORK/files/report.md"
expect_set "--config <TAB>: files" "$(complete_line --config "$SHELL_TEST_WORK/files/r")" "$SHELL_TEST_WORK/files/report.md"

# Every command's flags, as its --help lists them, are offered after `--` / `-`.
for path in ask classify route cost models "config init" "config show" completions manpage help; do
    read -ra words <<<"$path"
    offered=$( (complete_line "${words[@]}" --; complete_line "${words[@]}" -) | sort -u)
    expect_set "$path: the flags --help lists" "$offered" $(help_flags "${words[@]}")
done

# Installed where bash-completion looks (…/share/bash-completion/completions/llmroute), it is
# loaded on first use by the bash-completion package's loader.
if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    mkdir -p "$SHELL_TEST_WORK/share/bash-completion/completions"
    cp "$LLMROUTE_ROOT/completions/llmroute.bash" "$SHELL_TEST_WORK/share/bash-completion/completions/llmroute"
    loaded=$(XDG_DATA_DIRS=$SHELL_TEST_WORK/share bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        complete -r llmroute 2>/dev/null
        _completion_loader llmroute
        complete -p llmroute' 2>&1)
    expect_set "bash-completion's loader finds the installed file" "$loaded" "complete -F _llmroute llmroute"
else
    fail "bash-completion's loader finds the installed file" "/usr/share/bash-completion/bash_completion is missing (apt-get install bash-completion)"
fi
