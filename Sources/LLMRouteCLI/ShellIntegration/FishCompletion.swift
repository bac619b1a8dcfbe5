/// Generates the fish completion script from the CLI spec (`llmroute completions fish`).
///
/// fish's `complete` entries say which flags and values exist; a condition on each says where
/// it applies. The condition functions walk the line the way the parser does (flags anywhere,
/// values in the next word, short clusters, `--`), which fish's own `__fish_use_subcommand`
/// does not: it would take `--config FILE`'s FILE for the command.
enum FishCompletion {
    static func script(tree: CompletionTree = CompletionTree()) -> String {
        var out = """
        # fish completion for llmroute. Generated from llmroute's CLI spec by `llmroute completions fish`;
        # do not edit (regenerate with `make generate-shell`). Install it as
        # ~/.config/fish/completions/llmroute.fish.

        # The subcommands of command path $argv[1] ('' is the top level: the commands).
        function __llmroute_subcommands --argument-names path
            switch $path

        """
        for node in tree.nodes where !node.subcommands.isEmpty {
            out += "        case \(quote(node.name))\n"
            out += "            printf '%s\\n' \(node.subcommands.map { quote($0.name) }.joined(separator: " "))\n"
        }
        out += """
            end
        end

        # The flags of command path $argv[1] that take a value (global ones included).
        function __llmroute_valued --argument-names path
            printf '%s\\n' \(Flags.global.filter(\.value.takesValue).flatMap(\.spellings).map(quote).joined(separator: " "))
            switch $path

        """
        for node in tree.nodes {
            let valued = node.ownFlags.filter(\.value.takesValue).flatMap(\.spellings)
            guard !valued.isEmpty else { continue }
            out += "        case \(quote(node.name))\n"
            out += "            printf '%s\\n' \(valued.map(quote).joined(separator: " "))\n"
        }
        out += "    end\nend\n\n"
        out += walker
        out += "\n# No file names unless a flag or operand takes a file.\ncomplete -c llmroute -f\n"

        for node in tree.nodes where !node.subcommands.isEmpty {
            out += "\n# \(node.path.isEmpty ? "Commands" : "Subcommands of \(node.name)").\n"
            let defaultName = node.path.count == 1 ? CLISpec.command(named: node.path[0])?.defaultSubcommand : nil
            for sub in node.subcommands {
                let summary = sub.summary + (sub.name == defaultName ? " (default)" : "")
                out += "complete -c llmroute -n \(quote("__llmroute_at " + fishWord(node.name))) -a \(quote(sub.name)) -d \(quote(summary))\n"
            }
        }

        out += "\n# Flags. Global ones apply everywhere; the others where their commands are.\n"
        for (flag, paths) in flagsWithPaths(tree) {
            var line = "complete -c llmroute"
            if !Flags.global.contains(flag) {
                line += " -n \(quote("__llmroute_at " + paths.map(fishWord).joined(separator: " ")))"
            }
            line += " " + options(flag)
            out += line + "\n"
        }

        out += "\n# Operands.\n"
        for node in tree.commandNodes {
            guard let operands = node.operands else { continue }
            let condition = quote("__llmroute_operand_of " + fishWord(node.name))
            switch operands {
            case .free: continue
            case .files: out += "complete -c llmroute -n \(quote("__llmroute_at " + fishWord(node.name))) -F\n"
            case .choices(let words): out += "complete -c llmroute -n \(condition) -a \(quote(words.joined(separator: " ")))\n"
            case .models: out += "complete -c llmroute -n \(condition) -a '(__llmroute_models)'\n"
            case .commands: out += "complete -c llmroute -n \(condition) -a '(__llmroute_subcommands \"\")'\n"
            }
        }
        return out
    }

    /// Each distinct flag with the command paths that accept it, in spec order; the global ones
    /// first (accepted everywhere, so their paths are not used).
    static func flagsWithPaths(_ tree: CompletionTree) -> [(FlagSpec, [String])] {
        var result: [(FlagSpec, [String])] = Flags.global.map { ($0, []) }
        for node in tree.commandNodes {
            for flag in node.ownFlags {
                if let index = result.firstIndex(where: { $0.0 == flag }) {
                    result[index].1.append(node.name)
                } else {
                    result.append((flag, [node.name]))
                }
            }
        }
        return result
    }

    /// The `complete` options for a flag: its spellings, whether it takes a value, what the
    /// value completes to, and its help.
    static func options(_ flag: FlagSpec) -> String {
        var parts: [String] = []
        if let short = flag.short { parts.append("-s \(short)") }
        parts.append("-l \(flag.long)")
        switch CompletionTree.values(of: flag.value) {
        case .free where flag.value.takesValue: parts.append("-x")
        case .free: break
        case .choices(let words): parts.append("-x -a \(quote(words.joined(separator: " ")))")
        case .files: parts.append("-r -F")
        case .models: parts.append("-x -a '(__llmroute_models)'")
        case .commands: parts.append("-x -a '(__llmroute_subcommands \"\")'")
        }
        parts.append("-d \(quote(flag.help))")
        return parts.joined(separator: " ")
    }

    /// A command path as one fish word inside a single-quoted condition ('' for the top level).
    static func fishWord(_ path: String) -> String {
        path.isEmpty ? "\"\"" : path.contains(" ") ? "\"\(path)\"" : path
    }

    /// Single-quotes a word for fish, where `\` and `'` are escaped inside single quotes.
    static func quote(_ text: String) -> String {
        var out = "'"
        for character in text {
            if character == "\\" || character == "'" { out.append("\\") }
            out.append(character)
        }
        return out + "'"
    }

    /// The fixed part: the line walker and the condition and model functions.
    static let walker = #"""
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

    """#
}
