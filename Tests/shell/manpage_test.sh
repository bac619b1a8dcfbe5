# The man page: the committed man/llmroute.1 is what `llmroute manpage` prints, mandoc's lint
# has nothing to say about it, and man(1) renders it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
page=$LLMROUTE_ROOT/man/llmroute.1

if llmroute manpage | cmp -s - "$page"; then
    pass "man/llmroute.1 is what llmroute manpage prints"
else
    fail "man/llmroute.1 is what llmroute manpage prints" "regenerate it: make generate-shell"
fi

lint=$(mandoc -T lint "$page" 2>&1)
status=$?
if [[ -z $lint && $status == 0 ]]; then pass "mandoc -T lint reports nothing"; else fail "mandoc -T lint reports nothing" "$lint"; fi

rendered=$(MANWIDTH=80 man -l "$page" 2>&1)
status=$?
if ((status == 0)); then pass "man -l renders it"; else fail "man -l renders it" "$rendered"; fi
expect_has "the rendered page has its sections" "$(grep -E '^[A-Z]' <<<"$rendered" | sed 's/ *$//')" \
    NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "ROUTING STRATEGIES" CONFIGURATION ENVIRONMENT FILES \
    "EXIT STATUS" EXAMPLES "SEE ALSO"
if grep -q 'llmroute - route each prompt' <<<"$rendered"; then pass "NAME line"; else fail "NAME line" "$(head -5 <<<"$rendered")"; fi
# Escapes or requests that leaked through as text would show up as backslashes or dot lines.
leaks=$(grep -nE '\\f|\\-|^ *\.[A-Z]{2}' <<<"$rendered")
if [[ -z $leaks ]]; then pass "no roff leaks into the text"; else fail "no roff leaks into the text" "$leaks"; fi
# Hyphens stay ASCII so that flags copied from the page work in a shell.
if grep -q -- '--strategy NAME' <<<"$rendered" && ! grep -q $'\u2010' <<<"$rendered"; then
    pass "flags render with ASCII hyphens"
else
    fail "flags render with ASCII hyphens" "$(grep -n -- 'strategy' <<<"$rendered" | head -3)"
fi
expect_status "llmroute manpage | man -l - renders" 0 bash -c 'llmroute manpage | MANWIDTH=80 man -l - | grep -q "EXIT STATUS"'
