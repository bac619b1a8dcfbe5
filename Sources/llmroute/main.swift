import LLMRouteCLI
exitProcess(CLI.run(CommandLine.arguments))
