# fish completion for llmroute. Generated from llmroute's CLI spec by `llmroute completions fish`;
# do not edit (regenerate with `make generate-shell`). Install it as
# ~/.config/fish/completions/llmroute.fish.

# The subcommands of command path $argv[1] ('' is the top level: the commands).
function __llmroute_subcommands --argument-names path
    switch $path
        case ''
            printf '%s\n' 'classify' 'route' 'eval' 'ask' 'repl' 'serve' 'cost' 'ledger' 'models' 'config' 'completions' 'manpage' 'help'
        case 'cost'
            printf '%s\n' 'report'
        case 'ledger'
            printf '%s\n' 'copy'
        case 'config'
            printf '%s\n' 'show' 'init' 'check' 'path'
    end
end

# The flags of command path $argv[1] that take a value (global ones included).
function __llmroute_valued --argument-names path
    printf '%s\n' '--config'
    switch $path
        case 'classify'
            printf '%s\n' '--classifier' '--classifier-model'
        case 'route'
            printf '%s\n' '--strategy' '-m' '--model' '--min-quality' '--max-cost' '--task' '--threshold' '--output-tokens' '-s' '--system' '--require' '--classifier' '--classifier-model' '--strong-share'
        case 'eval'
            printf '%s\n' '--classifier' '--classifier-model' '--score-field' '--svg' '--bootstrap' '--seed'
        case 'ask'
            printf '%s\n' '--strategy' '-m' '--model' '--min-quality' '--max-cost' '--task' '--threshold' '--output-tokens' '-s' '--system' '--require' '--classifier' '--classifier-model' '--max-tokens' '--temperature' '--retries' '--timeout' '--concurrency'
        case 'repl'
            printf '%s\n' '--strategy' '-m' '--model' '--min-quality' '--max-cost' '--task' '--threshold' '--output-tokens' '-s' '--system' '--require' '--classifier' '--classifier-model' '--max-tokens' '--temperature' '--retries' '--timeout'
        case 'serve'
            printf '%s\n' '--host' '--port' '--api-key-env' '--strategy' '--min-quality' '--max-cost' '--threshold' '--classifier' '--retries' '--timeout'
        case 'cost'
            printf '%s\n' '-m' '--model' '-f' '--file' '--output-tokens' '-s' '--system' '--encoding'
        case 'cost report'
            printf '%s\n' '--since' '--until' '--by' '--user'
        case 'ledger copy'
            printf '%s\n' '--to'
    end
end

# Prints the command path being completed ('' before the command, 'config init' for a
# subcommand, '!' after an unknown command) and how many operands follow it.
function __llmroute_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l operands 0
    set -l skip 0
    set -l dashdash 0
    for token in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        if test $dashdash = 0; and string match -q -- '-?*' $token
            if test $token = --
                set dashdash 1
            else if not string match -q -- '--*=*' $token
                set skip (__llmroute_expects "$path" $token)
            end
            continue
        end
        set -l subcommands (__llmroute_subcommands "$path")
        if set -q subcommands[1]
            if not contains -- $token $subcommands
                printf '%s\n' '!' 0
                return
            end
            set -a path $token
        else
            set operands (math $operands + 1)
        end
    end
    printf '%s\n' "$path" $operands
end

# Prints 1 when flag word $argv[2] in command path $argv[1] takes the next word as its value:
# --model, or the last letter of a short cluster (-qm). -mNAME carries its value.
function __llmroute_expects --argument-names path token
    set -l valued (__llmroute_valued "$path")
    if string match -q -- '--*' $token
        contains -- $token $valued; and echo 1; or echo 0
        return
    end
    set -l letters (string split '' -- (string sub -s 2 -- $token))
    for i in (seq (count $letters))
        if contains -- -$letters[$i] $valued
            test $i = (count $letters); and echo 1; or echo 0
            return
        end
    end
    echo 0
end

# True when the command path being completed is one of the arguments.
function __llmroute_at
    set -l state (__llmroute_state)
    contains -- "$state[1]" $argv
end

# True when the first operand of one of the given command paths is being completed.
function __llmroute_operand_of
    set -l state (__llmroute_state)
    test "$state[2]" = 0; and contains -- "$state[1]" $argv
end

# Model names come from the same llmroute that is being completed, so they follow the user's
# config, including a --config given earlier on the line. Errors are silenced: completion
# must never print into the prompt.
function __llmroute_models
    set -l tokens (commandline -opc)
    set -l program (string replace -r -- '^~' $HOME $tokens[1])
    set -l config
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --config
                set config --config (string replace -r -- '^~' $HOME $tokens[(math $i + 1)])
            case '--config=*'
                set config --config (string replace -r -- '^~' $HOME (string replace -- --config= '' $tokens[$i]))
        end
    end
    $program $config models --names 2>/dev/null
end

# No file names unless a flag or operand takes a file.
complete -c llmroute -f

# Commands.
complete -c llmroute -n '__llmroute_at ""' -a 'classify' -d 'Classify a prompt: tier, task and strong-model score'
complete -c llmroute -n '__llmroute_at ""' -a 'route' -d 'Show the routing decision without calling anything'
complete -c llmroute -n '__llmroute_at ""' -a 'eval' -d 'Evaluate routing on an outcome file: APGR and the PGR curve'
complete -c llmroute -n '__llmroute_at ""' -a 'ask' -d 'Route a prompt and stream the answer'
complete -c llmroute -n '__llmroute_at ""' -a 'repl' -d 'Interactive chat: each turn routed and streamed'
complete -c llmroute -n '__llmroute_at ""' -a 'serve' -d 'Serve an OpenAI-compatible API that routes every request'
complete -c llmroute -n '__llmroute_at ""' -a 'cost' -d 'Token counts and estimated cost per model; spend reports'
complete -c llmroute -n '__llmroute_at ""' -a 'ledger' -d 'Work with the usage ledger\'s store'
complete -c llmroute -n '__llmroute_at ""' -a 'models' -d 'List the catalog\'s models and which are usable now'
complete -c llmroute -n '__llmroute_at ""' -a 'config' -d 'Show, create or check the configuration'
complete -c llmroute -n '__llmroute_at ""' -a 'completions' -d 'Print a shell completion script'
complete -c llmroute -n '__llmroute_at ""' -a 'manpage' -d 'Print the man page (roff)'
complete -c llmroute -n '__llmroute_at ""' -a 'help' -d 'Show help for a command'

# Subcommands of cost.
complete -c llmroute -n '__llmroute_at cost' -a 'report' -d 'Spend from the usage ledger: tokens, cost, savings'

# Subcommands of ledger.
complete -c llmroute -n '__llmroute_at ledger' -a 'copy' -d 'Copy the SQLite usage ledger into a PostgreSQL ledger (default)'

# Subcommands of config.
complete -c llmroute -n '__llmroute_at config' -a 'show' -d 'Print the effective configuration (keys never shown) (default)'
complete -c llmroute -n '__llmroute_at config' -a 'init' -d 'Write a commented example config'
complete -c llmroute -n '__llmroute_at config' -a 'check' -d 'Validate the config; exit 3 with file:line on errors'
complete -c llmroute -n '__llmroute_at config' -a 'path' -d 'Print the config file path in effect'

# Flags. Global ones apply everywhere; the others where their commands are.
complete -c llmroute -l config -r -F -d 'Read the config from PATH'
complete -c llmroute -l json -d 'Print machine-readable JSON'
complete -c llmroute -l no-color -d 'Never use colour (also NO_COLOR=1)'
complete -c llmroute -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c llmroute -s q -l quiet -d 'Print only the result; no notes or warnings'
complete -c llmroute -s h -l help -d 'Show help for the command'
complete -c llmroute -l version -d 'Print the version'
complete -c llmroute -n '__llmroute_at classify' -l jsonl -d 'Batch: one JSON object per stdin line in, one per line out'
complete -c llmroute -n '__llmroute_at classify' -l explain -d 'Show the features that pushed the decision'
complete -c llmroute -n '__llmroute_at classify route eval ask repl serve' -l classifier -x -a 'local heuristic llm' -d 'Prompt classifier to use'
complete -c llmroute -n '__llmroute_at classify route eval ask repl' -l classifier-model -x -a '(__llmroute_models)' -d 'Model the llm classifier asks'
complete -c llmroute -n '__llmroute_at route ask repl serve' -l strategy -x -a 'tier task cost threshold' -d 'Routing strategy'
complete -c llmroute -n '__llmroute_at route ask repl cost' -s m -l model -x -a '(__llmroute_models)' -d 'Use this model; skip the strategy'
complete -c llmroute -n '__llmroute_at route ask repl serve' -l min-quality -x -d 'Quality bar for the cost strategy (0-1)'
complete -c llmroute -n '__llmroute_at route ask repl serve' -l max-cost -x -d 'Cost cap per request in USD'
complete -c llmroute -n '__llmroute_at route ask repl' -l task -x -a 'coding reasoning simple_qa creative analysis summarization' -d 'Task hint; overrides the classifier\'s task'
complete -c llmroute -n '__llmroute_at route ask repl serve' -l threshold -x -d 'Score at or above which the threshold strategy picks the strong model'
complete -c llmroute -n '__llmroute_at route ask repl cost' -l output-tokens -x -d 'Expected answer length in tokens, for estimates'
complete -c llmroute -n '__llmroute_at route ask repl cost' -s s -l system -x -d 'System prompt (counted in the estimate)'
complete -c llmroute -n '__llmroute_at route ask repl' -l require -x -a 'vision function_calling response_schema reasoning prompt_caching' -d 'Only route to models with this capability (repeatable)'
complete -c llmroute -n '__llmroute_at route ask' -s c -l continue -d 'Continue the last conversation'
complete -c llmroute -n '__llmroute_at route' -l calibrate -d 'Print the threshold that sends --strong-share of stdin\'s prompts to the strong model'
complete -c llmroute -n '__llmroute_at route' -l strong-share -x -d 'With --calibrate: share of prompts for the strong model (0-1)'
complete -c llmroute -n '__llmroute_at route' -l write-config -d 'With --calibrate: store the threshold as [routing] threshold in the config'
complete -c llmroute -n '__llmroute_at eval' -l score-field -x -d 'Read each line\'s score from field NAME; run no classifier'
complete -c llmroute -n '__llmroute_at eval' -l svg -r -F -d 'Also write the PGR curve as a standalone SVG image to FILE'
complete -c llmroute -n '__llmroute_at eval' -l bootstrap -x -d 'Add a 95% interval of APGR from N bootstrap resamples'
complete -c llmroute -n '__llmroute_at eval' -l seed -x -d 'Seed of the --bootstrap resampling'
complete -c llmroute -n '__llmroute_at ask repl' -l max-tokens -x -d 'Longest answer to generate, in tokens'
complete -c llmroute -n '__llmroute_at ask repl' -l temperature -x -d 'Sampling temperature (0-2)'
complete -c llmroute -n '__llmroute_at ask' -l no-stream -d 'Ask for the whole answer at once instead of streaming it'
complete -c llmroute -n '__llmroute_at ask repl' -l show-reasoning -d 'Print the model\'s reasoning/thinking text on stderr'
complete -c llmroute -n '__llmroute_at ask repl serve' -l retries -x -d 'Retries per model on 408/429/5xx/529, timeouts, resets'
complete -c llmroute -n '__llmroute_at ask repl serve' -l timeout -x -d 'Seconds without a byte (before headers or mid-stream)'
complete -c llmroute -n '__llmroute_at ask' -l dry-run -d 'Print the decision and the exact request; call nothing'
complete -c llmroute -n '__llmroute_at ask repl' -l restart -d 'After a mid-stream failure, re-ask the next fallback'
complete -c llmroute -n '__llmroute_at ask' -l jsonl -d 'Batch: one JSON request per stdin line, one result line out'
complete -c llmroute -n '__llmroute_at ask' -l unordered -d 'With --jsonl: print results as they finish'
complete -c llmroute -n '__llmroute_at ask' -l concurrency -x -d 'With --jsonl: requests in flight at once'
complete -c llmroute -n '__llmroute_at ask repl serve' -l log-text -d 'Keep this call\'s prompt and answer text in the usage ledger'
complete -c llmroute -n '__llmroute_at ask repl serve' -l no-log -d 'Record nothing in the usage ledger for this call'
complete -c llmroute -n '__llmroute_at ask repl serve' -l force -d 'Call even when it would exceed a budget'
complete -c llmroute -n '__llmroute_at serve' -l host -x -d 'Address to listen on (anything but loopback needs --api-key-env)'
complete -c llmroute -n '__llmroute_at serve' -l port -x -d 'Port to listen on; 0 picks a free one (printed on stderr)'
complete -c llmroute -n '__llmroute_at serve' -l api-key-env -x -d 'Require clients to send the key in this environment variable'
complete -c llmroute -n '__llmroute_at cost' -s f -l file -r -F -d 'Price the contents of FILE (repeatable; - for stdin)'
complete -c llmroute -n '__llmroute_at cost "cost report"' -l csv -d 'Print CSV'
complete -c llmroute -n '__llmroute_at cost' -l tokens -d 'Print only the exact token count of the input'
complete -c llmroute -n '__llmroute_at cost' -l encoding -x -a 'o200k_base cl100k_base' -d 'Tokenizer for --tokens'
complete -c llmroute -n '__llmroute_at "cost report"' -l since -x -d 'Start of the report: an age (12h, 7d, 2w), today, or a date (2026-11-01)'
complete -c llmroute -n '__llmroute_at "cost report"' -l until -x -d 'End of the report, like --since (a date includes that whole day)'
complete -c llmroute -n '__llmroute_at "cost report"' -l by -x -a 'day model provider tier task strategy user' -d 'Group the report\'s rows by this'
complete -c llmroute -n '__llmroute_at "cost report"' -l user -x -d 'Only this user\'s requests ([ledger] user, else the login name)'
complete -c llmroute -n '__llmroute_at "cost report"' -l routes -d 'Show how often each tier/task went to which model, and fallbacks'
complete -c llmroute -n '__llmroute_at "ledger copy"' -l to -x -d 'The PostgreSQL ledger to copy into (postgresql://user@host:port/db)'
complete -c llmroute -n '__llmroute_at models' -l names -d 'Print model names only, one per line'
complete -c llmroute -n '__llmroute_at models' -l usable -d 'List only models whose provider is usable now'
complete -c llmroute -n '__llmroute_at "config init"' -l force -d 'Overwrite an existing file'

# Operands.
complete -c llmroute -n '__llmroute_at eval' -F
complete -c llmroute -n '__llmroute_operand_of completions' -a 'bash zsh fish'
complete -c llmroute -n '__llmroute_operand_of help' -a '(__llmroute_subcommands "")'
