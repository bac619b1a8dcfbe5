import Foundation
import LLMRouteCore
import Testing

/// 10,000 random argument vectors against the built binary: valid words shuffled, junk, huge
/// strings, invalid UTF-8, empty strings. Every run must end by itself with a documented exit
/// code (0-5), no signal, and a failure must say something on stderr.
@Suite("Hardening: random argument vectors")
struct RandomArgumentsTests {
    static let commands = ["ask", "classify", "route", "cost", "models", "config", "show", "check", "path", "init",
                           "completions", "bash", "zsh", "fish", "manpage", "help"]
    static let flags = [
        "--calibrate", "--classifier", "--concurrency", "--config", "--continue", "--csv", "--dry-run", "--encoding",
        "--explain", "--file", "--force", "--help", "--json", "--jsonl", "--max-cost", "--max-tokens", "--min-quality",
        "--model", "--names", "--no-color", "--no-stream", "--output-tokens", "--quiet", "--require", "--restart",
        "--retries", "--show-reasoning", "--strategy", "--strong-share", "--system", "--task", "--temperature",
        "--threshold", "--timeout", "--tokens", "--unordered", "--usable", "--verbose", "--version", "--write-config",
        "-v", "-q", "-h", "-m", "-s", "-f", "-c", "-qv", "-vvm", "--", "-",
    ]
    static let values = [
        "0", "1", "-1", "0.5", "1e308", "-0", "nan", "inf", "99999999999999999999", "4", "cost", "tier", "quality",
        "cascade", "code", "vision", "local", "heuristic", "o200k_base", "gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5",
        "nonexistent-model", "hello world", "what is 2+2?", "/dev/null", "/nonexistent/file", ".", "..", "/",
        "config.toml", "--json=1", "--strategy=", "=", "-1e-9",
    ]

    /// Deterministic, so a failure reproduces: SplitMix64.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func word(_ random: inout Generator) -> [UInt8] {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<25: return Array(commands.randomElement(using: &random)!.utf8)
        case 25..<55: return Array(flags.randomElement(using: &random)!.utf8)
        case 55..<75: return Array(values.randomElement(using: &random)!.utf8)
        case 75..<80: return []
        case 80..<85:  // invalid UTF-8, alone or inside a flag
            let junk: [[UInt8]] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80, 0x80]]
            let prefix: [UInt8] = Bool.random(using: &random) ? Array("--model=".utf8) : []
            return prefix + junk.randomElement(using: &random)!
        case 85..<88:  // huge
            let length = [4_096, 65_536, 100_000].randomElement(using: &random)!
            let prefix: [UInt8] = Bool.random(using: &random) ? Array("--".utf8) : []
            return prefix + Array(repeating: UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &random), count: length)
        default:  // printable and control junk, no NUL (argv cannot hold one)
            return (0..<Int.random(in: 1..<24, using: &random)).map { _ in UInt8.random(in: 1...0x7F, using: &random) }
        }
    }

    @Test func tenThousandVectorsEndCleanly() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        // Random words include `config init --force --config /dev/null`: as root that would
        // replace system files, so the runs drop to nobody, who owns only the sandbox.
        PrivilegeDrop.giveAway(sandbox)
        let (executable, prefix) = PrivilegeDrop.command
        let count = 10_000
        let failures = Locked<[String]>([])
        let codes = Locked<[Int32: Int]>([:])
        let started = Date()
        RawProcess.parallel(count) { index in
            var random = Generator(state: UInt64(index) &* 7919 &+ 1)
            var vector: [[UInt8]] = []
            if Bool.random(using: &random) { vector.append(Array(Self.commands.randomElement(using: &random)!.utf8)) }
            for _ in 0..<Int.random(in: 0..<8, using: &random) { vector.append(Self.word(&random)) }
            // `ask` must never hang on a terminal or on the network: the config's providers are dead ports.
            let outcome = RawProcess.run(executable, prefix.map { Array($0.utf8) } + vector, environment: sandbox.environment,
                                         directory: sandbox.workDirectory, timeout: 30)
            let shown = vector.map { String(decoding: $0.prefix(40), as: UTF8.self) }.joined(separator: " ")
            if outcome.timedOut || outcome.signal != nil {
                failures.withLock { $0.append("#\(index) [\(shown)]: \(outcome)") }
            } else if let status = outcome.status {
                codes.withLock { $0[status, default: 0] += 1 }
                if !(0...5).contains(status) {
                    failures.withLock { $0.append("#\(index) [\(shown)]: undocumented exit \(status)") }
                } else if status != 0 && outcome.stderr.isEmpty {
                    failures.withLock { $0.append("#\(index) [\(shown)]: exit \(status) with nothing on stderr") }
                } else if status == 2 && !outcome.stderrText.contains("error") {
                    failures.withLock { $0.append("#\(index) [\(shown)]: usage error without 'error': \(outcome.stderrText.prefix(200))") }
                }
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let counts = codes.withLock { $0 }
        print("random argument vectors: \(count) in \(Int(elapsed)) s, exit codes \(counts.sorted { $0.key < $1.key })")
        let found = failures.withLock { $0 }
        #expect(found.isEmpty, "\(found.count) bad runs, first: \(found.prefix(5).joined(separator: "\n"))")
        #expect(counts.values.reduce(0, +) == count)
        #expect((counts[2] ?? 0) > count / 4, "most random vectors are usage errors")
        #expect((counts[0] ?? 0) > 100, "and some are valid commands")
    }
}
