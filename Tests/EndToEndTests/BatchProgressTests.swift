import Foundation
import Testing

/// The batch progress bar is for people: drawn on stderr only when stderr is a terminal (here a
/// pseudo-terminal from util-linux `script`), never mixed into stdout, and cleared at the end.
@Suite("End to end: batch progress bar", .serialized)
struct BatchProgressTests {
    let lines = #"{"id": "a", "prompt": "hi"}"# + "\n" + "not json\n" + #"{"id": "c", "prompt": "hello"}"# + "\n"

    @Test func drawnOnATerminalAndClearedAtTheEnd() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let input = runner.home.appendingPathComponent("in.jsonl").path
        let output = runner.home.appendingPathComponent("out.jsonl").path
        try lines.write(toFile: input, atomically: true, encoding: .utf8)
        // stdin and stdout are files; only stderr stays on the pseudo-terminal `script` makes.
        let command = "'\(BinaryRunner.binaryPath)' ask --jsonl -m primary --concurrency 1 < '\(input)' > '\(output)'"
        let result = try runner.run(["-qec", command, "/dev/null"], extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"],
                                    executable: "/usr/bin/script")
        #expect(result.status == 4, "one line was malformed: \(result.stdout)")
        let terminal = result.stdout
        #expect(terminal.contains("] 1/3"), "\(terminal.debugDescription)")
        #expect(terminal.contains("[==============================] 3/3 (1 failed)"), "\(terminal.debugDescription)")
        #expect(terminal.hasSuffix("\r\u{1B}[K"), "the bar is erased when the batch ends: \(terminal.debugDescription)")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 3)
        #expect(!written.contains("\r") && !written.contains("/3"), "no progress on stdout")
    }

    @Test func notDrawnWhenStderrIsAPipeOrWithQuiet() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let (piped, _) = try runner.ask(["--jsonl", "-m", "primary"], stdin: lines)
        #expect(piped.stdout.split(separator: "\n").count == 3)
        #expect(!piped.stderr.contains("3/3") && !piped.stderr.contains("\r"), "\(piped.stderr.debugDescription)")
        let output = runner.home.appendingPathComponent("out.jsonl").path
        let input = runner.home.appendingPathComponent("in.jsonl").path
        try lines.write(toFile: input, atomically: true, encoding: .utf8)
        let command = "'\(BinaryRunner.binaryPath)' ask -q --jsonl -m primary < '\(input)' > '\(output)'"
        let quiet = try runner.run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(!quiet.stdout.contains("3/3"), "-q: no bar: \(quiet.stdout.debugDescription)")
    }
}
