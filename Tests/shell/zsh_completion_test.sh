# zsh: a clean interactive `zsh -f` on a pseudo-terminal runs compinit with completions/ in
# $fpath, gets the line typed and a TAB, and zsh_complete.zsh reports the matches offered.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here=$(dirname "${BASH_SOURCE[0]}")

# complete_line LINE: the matches zsh offers at the end of LINE (completions/ in $fpath).
complete_line() {
    timeout 30 zsh -f "$here/zsh_complete.zsh" "$LLMROUTE_ROOT/completions" "$1"
}

expect_set "ro<TAB> gives route" "$(complete_line 'llmroute ro')" route
expect_has "route --str<TAB> gives --strategy" "$(complete_line 'llmroute route --str')" --strategy --strong-share
expect_set "route --strategy <TAB> gives the four strategies" "$(complete_line 'llmroute route --strategy ')" \
    tier task cost threshold
expect_set "route --strategy=c<TAB>" "$(complete_line 'llmroute route --strategy=c')" cost
expect_has "route -m <TAB> gives model names (dynamic)" "$(complete_line 'llmroute route -m ')" gpt-4o-mini claude-haiku-4-5
expect_set "route -m gpt-4o<TAB>" "$(complete_line 'llmroute route -m gpt-4o')" gpt-4o gpt-4o-mini
expect_set "route -qm gpt-4o<TAB>: a short cluster" "$(complete_line 'llmroute route -qm gpt-4o')" gpt-4o gpt-4o-mini
config=$(make_test_config)
expect_set "--config FILE route -m local<TAB> uses that config" \
    "$(complete_line "llmroute --config $config route -m local-")" local-test-model
expect_set "llmroute <TAB>: the commands" "$(complete_line 'llmroute ')" \
    ask classify route eval repl serve cost ledger models config completions manpage help
expect_set "config <TAB>: its subcommands" "$(complete_line 'llmroute config ')" show init check path
expect_set "config init --f<TAB>" "$(complete_line 'llmroute config init --f')" --force
expect_set "completions <TAB>" "$(complete_line 'llmroute completions ')" bash zsh fish
expect_set "cost --encoding <TAB>" "$(complete_line 'llmroute cost --encoding ')" o200k_base cl100k_base
mkdir -p "$SHELL_TEST_WORK/files"
touch "$SHELL_TEST_WORK/files/report.md"
expect_set "cost -f <TAB>: files" "$(complete_line "llmroute cost -f $SHELL_TEST_WORK/files/r")" report.md
offered=$(complete_line 'llmroute route --')
expect_has "route --<TAB> offers the global flags too" "$offered" --json --config --verbose --quiet
expect_lacks "route --<TAB> lacks other commands' flags" "$offered" --force --csv --names

# `source <(llmroute completions zsh)` after compinit registers the function too.
registered=$(zsh -f -c 'autoload -Uz compinit && compinit -u -D && source <(llmroute completions zsh) && print -r -- $_comps[llmroute]' 2>&1)
expect_set "sourced after compinit, it registers itself" "$registered" _llmroute
