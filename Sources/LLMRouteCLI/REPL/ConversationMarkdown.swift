/// `/save FILE`: the conversation as Markdown, one section per message.
enum ConversationMarkdown {
    static func render(system: String?, exchanges: [Exchange]) -> String {
        var text = "# llmroute conversation\n"
        if let system, !system.isEmpty {
            text += "\n## System\n\n\(system)\n"
        }
        for exchange in exchanges {
            text += "\n## You\n\n\(exchange.prompt)\n"
            text += "\n## \(exchange.model)\n\n\(exchange.answer)"
            if !exchange.answer.hasSuffix("\n") { text += "\n" }
        }
        return text
    }
}
