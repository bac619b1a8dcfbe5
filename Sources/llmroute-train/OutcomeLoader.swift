// Reads the graded outcome files into training examples (docs/classifier.md, "The score").
import Foundation
import LLMRouteCore

struct OutcomeGroups {
    var field: String
    var weak: [String]
    var strong: [String]
}

enum OutcomeLoader {
    /// routing-pairs.tsv: family → field and the cheap and strong model lists.
    static func groups(_ path: String) throws -> [String: OutcomeGroups] {
        var result: [String: OutcomeGroups] = [:]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("family\t") {
            let cells = line.split(separator: "\t").map(String.init)
            guard cells.count == 4 else { throw failure("\(path): bad line: \(line)") }
            var groups = result[cells[0]] ?? OutcomeGroups(field: cells[1], weak: [], strong: [])
            let models = cells[3].split(separator: ",").map(String.init)
            if cells[2] == "weak" { groups.weak = models } else { groups.strong = models }
            result[cells[0]] = groups
        }
        return result
    }

    /// One example per line of each file whose family has both groups answered; lines missing
    /// every model of a group are skipped (a few RouterBench items lack gpt-4's answer).
    static func load(files: [String], groups: [String: OutcomeGroups]) throws -> [OutcomeExample] {
        var examples: [OutcomeExample] = []
        for path in files {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let id = object["id"] as? String, let prompt = object["prompt"] as? String
                else { throw failure("\(path):\(number + 1): not an outcome line") }
                let source = object["source"] as? String ?? "alpacaeval"
                let family = String(source.prefix { $0 != "-" })
                guard let group = groups[family] else { throw failure("\(path):\(number + 1): no model groups for \(family)") }
                let outcomes = object[group.field] as? [String: Any] ?? [:]
                func mean(_ models: [String]) -> Double? {
                    let values = models.compactMap { (outcomes[$0] as? NSNumber)?.doubleValue }
                    return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
                }
                guard let weak = mean(group.weak), let strong = mean(group.strong) else { continue }
                examples.append(OutcomeExample(id: id, source: source, prompt: prompt, weak: weak, strong: strong))
            }
        }
        return examples
    }

    static func failure(_ message: String) -> NSError {
        NSError(domain: "llmroute-train", code: 1, userInfo: [NSLocalizedDescriptionKey: message])
    }
}
