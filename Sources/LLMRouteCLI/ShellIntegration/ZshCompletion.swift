/// Generates the zsh completion function `_llmroute` from the CLI spec (`llmroute completions zsh`).
///
/// Each command path gets a function with one `_arguments` call listing its flags (global ones
/// included, since the parser takes them anywhere), their values and its operands; a command
/// with subcommands hands the rest of the line to the subcommand's function (`*:: :->next`).
enum ZshCompletion {
    static func script(tree: CompletionTree = CompletionTree()) -> String {
        let config = "--" + Flags.config.long
        var out = """
        #compdef llmroute
        # zsh completion for llmroute. Generated from llmroute's CLI spec by `llmroute completions zsh`;
        # do not edit (regenerate with `make generate-shell`). Install it as _llmroute in a directory
        # of $fpath before compinit runs, or load it with `source <(llmroute completions zsh)`
        # after compinit.

        # Model names come from the same llmroute that is being completed, so they follow the user's
        # config, including a \(config) given earlier on the line. Errors are silenced: completion
        # must never print into the prompt.
        _llmroute_models() {
          local -a models cmdline
          cmdline=(${_llmroute_program/#\\~/$HOME})
          [[ -n $_llmroute_config_file ]] && cmdline+=(\(config) ${_llmroute_config_file/#\\~/$HOME})
          models=(${(f)"$($cmdline models --names 2>/dev/null)"})
          _wanted models expl 'model' compadd -a models
        }


        """
        for node in tree.nodes where !node.subcommands.isEmpty {
            out += "\(describeName(node))() {\n  local -a subcommands\n  subcommands=(\n"
            for sub in node.subcommands {
                let marker = sub.name == defaultSubcommand(of: node) ? " (default)" : ""
                out += "    \(quote(escapeColons(sub.name) + ":" + sub.summary + marker))\n"
            }
            let label = node.path.isEmpty ? "llmroute command" : "\(node.name) subcommand"
            out += "  )\n  _describe -t commands \(quote(label)) subcommands\n}\n\n"
        }

        out += """
        _llmroute() {
          local curcontext=$curcontext state state_descr line ret=1
          local -A opt_args
          local _llmroute_program=$words[1] _llmroute_config_file=
          local -i i
          for (( i = 2; i < CURRENT; i++ )); do
            case $words[i] in
              \(config)) _llmroute_config_file=$words[i+1] ;;
              \(config)=*) _llmroute_config_file=${words[i]#\(config)=} ;;
            esac
          done
          local -a global
          global=(

        """
        for flag in Flags.global { out += "    \(optionSpec(flag))\n" }
        out += "  )\n"
        out += body(for: tree.nodes[0], tree: tree)
        out += "}\n"
        for node in tree.commandNodes {
            out += "\n\(functionName(node))() {\n"
            out += body(for: node, tree: tree)
            out += "}\n"
        }
        // Autoloaded from $fpath, this file is the body of _llmroute: define, then complete. Sourced
        // (`source <(llmroute completions zsh)`), it registers itself instead.
        out += """

        if [[ $funcstack[1] == _llmroute ]]; then
          _llmroute "$@"
        else
          compdef _llmroute llmroute
        fi

        """
        return out
    }

    /// The body of a command path's function: its `_arguments` call, and the hand-off to its
    /// subcommands when it has them.
    static func body(for node: CompletionTree.Node, tree: CompletionTree) -> String {
        var specs = node.ownFlags.map(optionSpec)
        if !node.subcommands.isEmpty {
            specs += [quote(": :" + describeName(node)), quote("*:: :->next")]
        } else if let operands = node.operands {
            specs.append(operandSpec(operands, name: node.operandName))
        }
        var out = ""
        if !node.path.isEmpty && !node.subcommands.isEmpty {
            out += "  local curcontext=$curcontext state state_descr line ret=1\n  local -A opt_args\n"
        }
        let lead = node.subcommands.isEmpty ? "  _arguments -s -S : $global" : "  _arguments -C -s -S : $global"
        out += ([lead] + specs).joined(separator: " \\\n    ")
        if node.subcommands.isEmpty {
            out += "\n"
            return out
        }
        out += " && ret=0\n"
        let context = (["llmroute"] + node.path).joined(separator: "-")
        out += "  if [[ $state == next ]]; then\n"
        out += "    curcontext=${curcontext%:*:*}:\(context)-$words[1]:\n"
        out += "    case $words[1] in\n"
        for sub in node.subcommands {
            let child = tree.nodes.first { $0.path == node.path + [sub.name] }!
            out += "      \(sub.name)) \(functionName(child)) && ret=0 ;;\n"
        }
        out += "    esac\n  fi\n  return ret\n"
        return out
    }

    /// One `_arguments` option spec, e.g. `'(-m --model)'{-m+,--model=}'[Use this model]:NAME:_llmroute_models'`.
    static func optionSpec(_ flag: FlagSpec) -> String {
        let takesValue = flag.value.takesValue
        let long = "--" + flag.long + (takesValue ? "=" : "")
        var tail = "[" + escapeDescription(flag.help) + "]"
        if takesValue {
            let placeholder = escapeColons(flag.value.placeholder ?? "VALUE")
            tail += ":" + placeholder + ":" + action(CompletionTree.values(of: flag.value))
        }
        guard let short = flag.short else {
            return quote((flag.repeatable ? "*" : "") + long + tail)
        }
        let shortSpelling = "-\(short)" + (takesValue ? "+" : "")
        let prefix = flag.repeatable ? "'*'" : quote("(-\(short) --\(flag.long))")
        return "\(prefix){\(shortSpelling),\(long)}\(quote(tail))"
    }

    static func operandSpec(_ values: CompletionTree.Values, name: String) -> String {
        let message = escapeColons(name.isEmpty ? "argument" : name)
        switch values {
        case .free, .files: return quote("*:" + message + ":" + action(values))
        case .choices, .models, .commands: return quote("1:" + message + ":" + action(values))
        }
    }

    static func action(_ values: CompletionTree.Values) -> String {
        switch values {
        // A space: show the placeholder, offer nothing.
        case .free: " "
        case .choices(let words): "(" + words.joined(separator: " ") + ")"
        case .files: "_files"
        case .models: "_llmroute_models"
        case .commands: "_llmroute_commands"
        }
    }

    static func functionName(_ node: CompletionTree.Node) -> String {
        node.path.isEmpty ? "_llmroute" : "_llmroute_cmd_" + node.identifier
    }

    /// The function that lists a path's subcommands (the commands at the top level).
    static func describeName(_ node: CompletionTree.Node) -> String {
        node.path.isEmpty ? "_llmroute_commands" : "_llmroute_\(node.identifier)_subcommands"
    }

    static func defaultSubcommand(of node: CompletionTree.Node) -> String? {
        guard let name = node.path.first, node.path.count == 1 else { return nil }
        return CLISpec.command(named: name)?.defaultSubcommand
    }

    /// `_arguments` reads `[...]` as the description: brackets and backslashes inside are escaped.
    static func escapeDescription(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "[" || character == "]" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Colons separate the fields of a spec or a `_describe` item.
    static func escapeColons(_ text: String) -> String {
        text.split(separator: ":", omittingEmptySubsequences: false).joined(separator: "\\:")
    }

    /// Single-quotes a word for zsh.
    static func quote(_ text: String) -> String { BashCompletion.quote(text) }
}
