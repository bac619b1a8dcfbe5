# bash completion for llmroute                                  -*- shell-script -*-
# Generated from llmroute's CLI spec by `llmroute completions bash`; do not edit
# (regenerate with `make generate-shell`). Load it with `source`, or install it as
# ~/.local/share/bash-completion/completions/llmroute.

# Sets what command path $1 accepts ('' is before the command, 'config init' a subcommand):
# subcommands, flags (global ones included), valued (the flags that take a value) and
# operands (words to offer, @files, @commands, or empty for nothing to offer).
_llmroute_spec() {
    local global='--config --json --no-color -v --verbose -q --quiet -h --help --version' global_valued='--config'
    subcommands= operands=
    flags=$global valued=$global_valued
    case $1 in
        '')
            subcommands='classify route eval ask repl serve cost ledger models config completions manpage help'
            ;;
        'classify')
            flags="--jsonl --explain --classifier --classifier-model $flags"
            valued="--classifier --classifier-model $valued"
            ;;
        'route')
            flags="--strategy -m --model --min-quality --max-cost --task --threshold --output-tokens -s --system --require --classifier --classifier-model -c --continue --calibrate --strong-share --write-config $flags"
            valued="--strategy -m --model --min-quality --max-cost --task --threshold --output-tokens -s --system --require --classifier --classifier-model --strong-share $valued"
            ;;
        'eval')
            flags="--classifier --classifier-model --score-field --svg --bootstrap --seed $flags"
            valued="--classifier --classifier-model --score-field --svg --bootstrap --seed $valued"
            operands=@files
            ;;
        'ask')
            flags="--strategy -m --model --min-quality --max-cost --task --threshold --output-tokens -s --system --require --classifier --classifier-model --max-tokens --temperature --no-stream -c --continue --show-reasoning --retries --timeout --dry-run --restart --jsonl --unordered --concurrency --log-text --no-log --force $flags"
            valued="--strategy -m --model --min-quality --max-cost --task --threshold --output-tokens -s --system --require --classifier --classifier-model --max-tokens --temperature --retries --timeout --concurrency $valued"
            ;;
        'repl')
            flags="--strategy -m --model --min-quality --max-cost --task --threshold --output-tokens -s --system --require --classifier --classifier-model --max-tokens --temperature --show-reasoning --retries --timeout --restart --log-text --no-log --force $flags"
            valued="--strategy -m --model --min-quality --max-cost --task --threshold --output-tokens -s --system --require --classifier --classifier-model --max-tokens --temperature --retries --timeout $valued"
            ;;
        'serve')
            flags="--host --port --api-key-env --strategy --min-quality --max-cost --threshold --classifier --retries --timeout --log-text --no-log --force $flags"
            valued="--host --port --api-key-env --strategy --min-quality --max-cost --threshold --classifier --retries --timeout $valued"
            ;;
        'cost')
            subcommands='report'
            flags="-m --model -f --file --output-tokens -s --system --csv --tokens --encoding $flags"
            valued="-m --model -f --file --output-tokens -s --system --encoding $valued"
            ;;
        'cost report')
            flags="--since --until --by --user --routes --csv $flags"
            valued="--since --until --by --user $valued"
            ;;
        'ledger')
            subcommands='copy'
            ;;
        'ledger copy')
            flags="--to $flags"
            valued="--to $valued"
            ;;
        'models')
            flags="--names --usable $flags"
            ;;
        'config')
            subcommands='show init check path'
            ;;
        'config init')
            flags="--force $flags"
            ;;
        'completions')
            operands='bash zsh fish'
            ;;
        'help')
            operands=@commands
            ;;
        'config show'|'config check'|'config path'|'manpage') ;;
        *) return 1 ;;
    esac
}

# Completes the value of flag $2 in command path $1, for the partial value $3.
_llmroute_value() {
    case "$1:$2" in
        *:--config|*:--svg|*:-f|*:--file) _llmroute_files "$3" ;;
        *:--classifier) _llmroute_words 'local heuristic llm' "$3" ;;
        *:--classifier-model|*:-m|*:--model) _llmroute_matching "$3" < <(_llmroute_models) ;;
        *:--strategy) _llmroute_words 'tier task cost threshold' "$3" ;;
        *:--task) _llmroute_words 'coding reasoning simple_qa creative analysis summarization' "$3" ;;
        *:--require) _llmroute_words 'vision function_calling response_schema reasoning prompt_caching' "$3" ;;
        *:--encoding) _llmroute_words 'o200k_base cl100k_base' "$3" ;;
        *:--by) _llmroute_words 'day model provider tier task strategy user' "$3" ;;
        *) COMPREPLY=() ;; # free text or a number: nothing to offer
    esac
}

# The spec's words (flags, choices) that start with $2.
_llmroute_words() {
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# The lines of stdin that start with $1. Not compgen -W: it would expand $(...) in the
# words, and model names come from the user's config.
_llmroute_matching() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        [[ $line == "$1"* ]] && COMPREPLY+=("$line")
    done
}

_llmroute_files() {
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

# Model names come from the same llmroute that is being completed, so they follow the user's
# config, including a --config given earlier on the line. Errors are silenced: completion
# must never print into the prompt.
_llmroute_models() {
    local -a command=("${cmd/#\~/$HOME}")
    [[ -n $config ]] && command+=(--config "${config/#\~/$HOME}")
    "${command[@]}" models --names 2>/dev/null
}

# Sets expect to the flag in word $1 that takes the next word as its value, if any: --model,
# or the last letter of a short cluster (-qm). -mNAME and --model=NAME carry their value.
_llmroute_expect() {
    local word=$1 i letter
    expect=
    case $word in
        --*=*) ;;
        --*) [[ " $valued " == *" $word "* ]] && expect=$word ;;
        -*)
            for ((i = 1; i < ${#word}; i++)); do
                letter=-${word:i:1}
                if [[ " $valued " == *" $letter "* ]]; then
                    ((i == ${#word} - 1)) && expect=$letter
                    return 0
                fi
            done
            ;;
    esac
}

_llmroute() {
    local cmd=${COMP_WORDS[0]} config= path= expect= dashdash= word lead= glue= i nargs=0
    local subcommands flags valued operands
    local -a words=()
    # COMP_WORDBREAKS splits --strategy=cost and ollama:llama3 into three words; the parser
    # sees one, so join them back. lead is the joined part before the text readline replaces.
    for ((i = 1; i <= COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ ${#words[@]} -gt 0 && $word == [=:] && $COMP_WORDBREAKS == *"$word"* ]]; then
            words[${#words[@]}-1]+=$word
            lead=${words[${#words[@]}-1]} glue=1
        elif [[ -n $glue ]]; then
            words[${#words[@]}-1]+=$word
            glue=
        else
            words+=("$word")
            lead=
        fi
    done
    local cur=${words[${#words[@]}-1]}

    for ((i = 0; i < ${#words[@]} - 1; i++)); do
        word=${words[i]}
        if [[ -n $expect ]]; then
            [[ $expect == --config ]] && config=$word
            expect=
            continue
        fi
        if [[ -z $dashdash && $word == -?* ]]; then
            if [[ $word == -- ]]; then
                dashdash=1
            else
                [[ $word == --config=* ]] && config=${word#--config=}
                _llmroute_spec "$path" && _llmroute_expect "$word"
            fi
            continue
        fi
        _llmroute_spec "$path" || return 0
        if [[ -n $subcommands ]]; then
            # A command or subcommand name; anything else is an error the parser reports.
            [[ " $subcommands " == *" $word "* ]] || return 0
            path=${path:+$path }$word
        else
            ((nargs++))
        fi
    done

    _llmroute_spec "$path" || return 0
    COMPREPLY=()
    if [[ -n $expect ]]; then
        _llmroute_value "$path" "$expect" "$cur"
    elif [[ -z $dashdash && $cur == --*=* ]]; then
        _llmroute_value "$path" "${cur%%=*}" "${cur#*=}"
        COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
    elif [[ -z $dashdash && $cur == -* ]]; then
        _llmroute_words "$flags" "$cur"
    elif [[ -n $subcommands ]]; then
        _llmroute_words "$subcommands" "$cur"
    elif [[ $operands == @files ]]; then
        _llmroute_files "$cur"
    elif ((nargs == 0)); then
        # Only one operand has a fixed set of values (SHELL, COMMAND); prompts have none.
        case $operands in
            '') ;;
            @models) _llmroute_matching "$cur" < <(_llmroute_models) ;;
            @commands) _llmroute_spec '' && _llmroute_words "$subcommands" "$cur" ;;
            *) _llmroute_words "$operands" "$cur" ;;
        esac
    fi
    [[ -n $lead ]] && COMPREPLY=("${COMPREPLY[@]#"$lead"}")
    return 0
}

complete -F _llmroute llmroute
