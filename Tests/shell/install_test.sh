# make install-files / uninstall into a scratch DESTDIR with PREFIX=/usr, from the binary under
# test (a release build would cost minutes); then each shell and man find the installed files
# where they look by default under that prefix.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dest=$SHELL_TEST_WORK/dest
files=(bin/llmroute:755 share/man/man1/llmroute.1:644 share/bash-completion/completions/llmroute:644
    share/zsh/site-functions/_llmroute:644 share/fish/vendor_completions.d/llmroute.fish:644)

log=$(make -s -C "$LLMROUTE_ROOT" install-files DESTDIR="$dest" PREFIX=/usr BIN="$LLMROUTE_BIN" 2>&1)
status=$?
if ((status == 0)); then pass "make install-files"; else fail "make install-files" "$log"; fi
for entry in "${files[@]}"; do
    file=$dest/usr/${entry%%:*} mode=${entry##*:}
    if [[ -f $file && $(stat -c %a "$file") == "$mode" ]]; then
        pass "installed /usr/${entry%%:*} with mode $mode"
    else
        fail "installed /usr/${entry%%:*} with mode $mode" "$(ls -l "$file" 2>&1)"
    fi
done
installed=$(find "$dest" -type f | sed "s|^$dest/usr/||" | sort)
expect_set "nothing else installed" "$installed" $(printf '%s\n' "${files[@]%%:*}")
expect_status "the installed binary runs" 0 "$dest/usr/bin/llmroute" --version
# Stripped: no symbol table and no debug sections (the binary under test is a debug build).
sections=$(readelf -SW "$dest/usr/bin/llmroute" 2>&1 | grep -oE '\.symtab|\.debug_[a-z_]+' | sort -u)
expect_set "the installed binary is stripped" "$sections"

# Found where each tool looks under the prefix: man through MANPATH, fish's vendor directory
# and bash-completion's directory through XDG_DATA_DIRS, zsh's site-functions through fpath.
expect_status "man finds the installed page" 0 bash -c "MANPATH='$dest/usr/share/man' MANWIDTH=80 man llmroute | grep -q 'ROUTING STRATEGIES'"
# Not --no-config: fish's own config.fish is what puts the vendor directories in its path.
offered=$(XDG_DATA_DIRS=$dest/usr/share fish -c 'complete -C "llmroute route --str"' | cut -f1)
expect_has "fish loads the vendor completion" "$offered" --strategy
offered=$(timeout 30 zsh -f "$(dirname "${BASH_SOURCE[0]}")/zsh_complete.zsh" "$dest/usr/share/zsh/site-functions" 'llmroute route --str')
expect_has "zsh loads _llmroute from site-functions" "$offered" --strategy
loaded=$(XDG_DATA_DIRS=$dest/usr/share bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    _completion_loader llmroute
    complete -p llmroute' 2>&1)
expect_set "bash-completion loads the installed completion" "$loaded" "complete -F _llmroute llmroute"

log=$(make -s -C "$LLMROUTE_ROOT" uninstall DESTDIR="$dest" PREFIX=/usr 2>&1)
status=$?
if ((status == 0)); then pass "make uninstall"; else fail "make uninstall" "$log"; fi
expect_set "uninstall removed every installed file" "$(find "$dest" -type f)"
