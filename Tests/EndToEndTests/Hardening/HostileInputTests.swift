import Foundation
import Testing

/// Prompts and batches nobody should send but someone will: empty, whitespace, 50 MB, NUL bytes,
/// invalid UTF-8, and a 5,000-line JSONL batch with every tenth line broken.
@Suite("Hardening: hostile inputs")
struct HostileInputTests {
    func stdinFile(_ sandbox: HardeningSandbox, _ bytes: [UInt8]) -> String {
        let path = sandbox.workDirectory + "/stdin-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test func emptyAndWhitespacePromptsAreUsageErrors() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        for command in ["route", "classify", "ask", "cost"] {
            let empty = sandbox.run([command, ""])
            #expect(empty.status == 2, "\(command) '': \(empty)")
            #expect(empty.stderrText.contains("no prompt"), "\(command): \(empty.stderrText)")
            let spaces = sandbox.run([command, "  \t ", "\n"])
            #expect(spaces.status == 2, "\(command) whitespace: \(spaces)")
            #expect(spaces.stderrText.contains("only whitespace"), "\(command): \(spaces.stderrText)")
            let pipedEmpty = sandbox.run([command], stdinPath: stdinFile(sandbox, []))
            #expect(pipedEmpty.status == 2 && pipedEmpty.stderrText.contains("empty prompt"), "\(command) <empty: \(pipedEmpty)")
            let pipedSpaces = sandbox.run([command], stdinPath: stdinFile(sandbox, Array(" \n\t\r\n\u{3000}".utf8)))
            #expect(pipedSpaces.status == 2 && pipedSpaces.stderrText.contains("only whitespace"), "\(command) <spaces: \(pipedSpaces)")
        }
    }

    @Test func fiftyMegabytesOnStdin() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        let line = Array("Explain why this function leaks memory and fix it: func f() { while true { buffer.append(x) } }\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        while bytes.count < 50 << 20 { bytes += line }
        let path = stdinFile(sandbox, bytes)
        for command in [["classify", "--json"], ["cost", "-m", "gpt-4o-mini", "--json"]] {
            let result = sandbox.run(command, stdinPath: path, timeout: 300)
            #expect(result.status == 0, "\(command): \(result)")
            #expect((try? BinaryRunner.json(result.stdoutText)) != nil, "\(command): JSON on stdout")
        }
        // ~12.5 million tokens: no model's context window takes it, and route says so.
        let route = sandbox.run(["route", "--json"], stdinPath: path, timeout: 300)
        #expect(route.status == 1, "\(route)")
        #expect(route.stderrText.contains("no model can take this request") && route.stderrText.contains("tokens needed"), "\(route)")
        // Sent, such a prompt is refused by the model's context window, before any network use.
        let ask = sandbox.run(["ask", "-m", "gpt-4o-mini", "--dry-run"], stdinPath: path, timeout: 300)
        #expect([0, 1, 2, 5].contains(ask.status ?? -1) && ask.signal == nil, "\(ask)")
        #expect(!ask.stderr.isEmpty || !ask.stdout.isEmpty)
    }

    @Test func nulBytesAndInvalidUTF8() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        let nasty: [UInt8] = Array("what is\u{0}this".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x0A] + Array("end".utf8)
        for command in [["route", "--json"], ["classify", "--json"], ["cost", "-m", "gpt-4o", "--json"]] {
            let piped = sandbox.run(command, stdinPath: stdinFile(sandbox, nasty))
            #expect(piped.status == 0, "\(command): \(piped)")
            #expect((try? BinaryRunner.json(piped.stdoutText)) != nil, "\(command): \(piped.stdoutText)")
            // The same bytes as an argument (no NUL: argv cannot carry one).
            let argument = RawProcess.run(BinaryRunner.binaryPath, command.map { Array($0.utf8) } + [nasty.filter { $0 != 0 }],
                                          environment: sandbox.environment, directory: sandbox.workDirectory)
            #expect(argument.status == 0, "\(command) argv: \(argument)")
            #expect(String(validating: argument.stdout, as: UTF8.self) != nil, "stdout is valid UTF-8")
        }
    }

    @Test func jsonlBatchWithEveryTenthLineBroken() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let broken = ["{\"prompt\": \"unterminated", "not json at all", "{\"id\": 1}", "[1, 2, 3]", "{\"prompt\": \"\"}",
                      "{\"prompt\": 42}", "\u{0}\u{1}", "{\"prompt\": \"x\"} trailing", "{{}", "\"just a string\""]
        var lines: [String] = []
        for n in 1...5_000 {
            lines.append(n % 10 == 0 ? broken[(n / 10) % broken.count] : "{\"id\": \"q\(n)\", \"prompt\": \"question \(n)\"}")
        }
        let (result, seconds) = try runner.ask(["--jsonl", "-m", "primary", "--concurrency", "8", "--retries", "0"],
                                               stdin: lines.joined(separator: "\n") + "\n")
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.count == 5_000, "one output line per input line (\(seconds) s): \(result.stderr.prefix(300))")
        #expect(result.status == 4, "some lines failed, so the batch exits 4")
        var errors = 0
        for (index, text) in output.enumerated() {
            let n = index + 1
            guard let object = try? BinaryRunner.json(String(text)) as? [String: Any] else {
                Issue.record("line \(n) of the output is not JSON: \(text.prefix(200))")
                continue
            }
            if n % 10 == 0 {
                errors += 1
                let message = object["error"] as? String ?? ""
                #expect(message.hasPrefix("line \(n): "), "line \(n): \(message)")
            } else {
                #expect(object["id"] as? String == "q\(n)", "in input order")
                #expect(object["text"] as? String == "Hello from the fault server.", "line \(n): \(object)")
            }
        }
        #expect(errors == 500)
    }
}
