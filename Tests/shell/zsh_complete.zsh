#!/usr/bin/env zsh
# Prints, one per line, the matches zsh's completion system offers for a command line, as a
# user pressing TAB at its end would get them:
#
#   zsh -f Tests/shell/zsh_complete.zsh FPATH_DIR 'llmroute route --str'
#
# Completion only runs inside the line editor, so this starts an interactive `zsh -f` on a
# pseudo-terminal (zsh/zpty), runs compinit there with FPATH_DIR first in $fpath, types the
# line and a TAB, and records every match the completion functions add: compadd is wrapped
# to report what it added (after matching against the typed prefix) before adding it.
emulate -L zsh
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 2 }
local fpath_dir=$1 line=$2

local setup=$(mktemp)
trap 'rm -f $setup' EXIT
cat > $setup <<'SETUP'
PROMPT='' RPROMPT=''
unsetopt zle_bracketed_paste 2>/dev/null
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' list-grouped false
# Calls with -O, -A or -D only compute matches for the caller; the others add them.
compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a __hits
  builtin compadd -A __hits "$@"
  local __hit
  for __hit in $__hits; do print -r -- "<<MATCH>>$__hit"; done
  builtin compadd "$@"
}
# Leave once the completion has run: the line is never executed.
comppostfuncs=(exit)
bindkey '^I' complete-word
print '<<READY>>'
SETUP

zpty llmroute_complete "zsh -f -i"
zpty -w llmroute_complete "fpath=(${(q)fpath_dir} \$fpath); source ${(q)setup}"
local out chunk
# Wait for the setup to finish before typing, so the keys meet the new bindings.
while zpty -r llmroute_complete chunk; do
  out+=$chunk
  [[ $out == *'<<READY>>'$'\r'* ]] && break
done
zpty -n -w llmroute_complete "$line"$'\t'
out=
while zpty -r llmroute_complete chunk; do out+=$chunk; done
zpty -d llmroute_complete
[[ -n $ZSH_COMPLETE_DEBUG ]] && print -r -- "$out" | cat -v >&2
# A match can share its line with the echo of the typed text: take what follows the marker.
local -a matches
matches=(${${(M)${(f)out//$'\r'/}:#*'<<MATCH>>'*}##*'<<MATCH>>'})
print -rl -- ${(u)matches}
