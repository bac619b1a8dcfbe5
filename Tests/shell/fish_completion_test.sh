# fish: `complete -C LINE` in a `fish --no-config` that sourced completions/llmroute.fish lists
# what fish offers at the end of LINE (one "match<TAB>description" per line).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# complete_line LINE: the matches, descriptions dropped. LINE goes through the environment so
# no quoting of it reaches fish's parser.
complete_line() {
    LINE=$1 fish --no-config -c 'source $LLMROUTE_ROOT/completions/llmroute.fish; complete -C $LINE' | cut -f1
}

expect_set "ro<TAB> gives route" "$(complete_line 'llmroute ro')" route
expect_has "route --<TAB> lists --strategy" "$(complete_line 'llmroute route --')" --strategy --model --json
expect_set "route --strategy <TAB> gives the four strategies" "$(complete_line 'llmroute route --strategy ')" \
    tier task cost threshold
expect_set "route --strategy=c<TAB>" "$(complete_line 'llmroute route --strategy=c')" --strategy=cost
expect_has "route -m <TAB> gives model names (dynamic)" "$(complete_line 'llmroute route -m ')" gpt-4o-mini claude-haiku-4-5
expect_set "route -qm gpt-4o<TAB>: a short cluster" "$(complete_line 'llmroute route -qm gpt-4o')" gpt-4o gpt-4o-mini
config=$(make_test_config)
expect_set "--config FILE route -m local<TAB> uses that config" \
    "$(complete_line "llmroute --config $config route -m local-")" local-test-model
expect_set "route -s <TAB>: free text, nothing offered" "$(complete_line 'llmroute route -s ')"
expect_set "llmroute <TAB>: the commands" "$(complete_line 'llmroute ')" \
    ask classify route eval repl serve cost ledger models config completions manpage help
expect_set "after --config FILE, still the commands" "$(complete_line "llmroute --config $config con")" config
expect_set "config <TAB>: its subcommands" "$(complete_line 'llmroute config ')" show init check path
expect_set "config init --f<TAB>" "$(complete_line 'llmroute config init --f')" --force
expect_set "completions <TAB>" "$(complete_line 'llmroute completions ')" bash zsh fish
expect_set "completions bash <TAB>: one shell only" "$(complete_line 'llmroute completions bash ')"
expect_set "help c<TAB>: command names" "$(complete_line 'llmroute help c')" classify cost config completions
expect_set "an unknown command: only global flags" "$(complete_line 'llmroute frobnicate --c')" --config
mkdir -p "$SHELL_TEST_WORK/files"
touch "$SHELL_TEST_WORK/files/report.md"
expect_set "cost -f <TAB>: files" "$(complete_line "llmroute cost -f $SHELL_TEST_WORK/files/r")" \
    "$SHELL_TEST_WORK/files/report.md"

# Every command's long flags, as its --help lists them, are offered after `--`.
for path in ask classify route cost models "config init" "config show" completions manpage help; do
    offered=$(complete_line "llmroute $path --")
    expect_set "$path: the flags --help lists" "$offered" $(help_flags $path | grep -- '^--')
done
