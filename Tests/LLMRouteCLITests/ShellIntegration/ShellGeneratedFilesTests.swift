import Foundation
import Testing
@testable import LLMRouteCLI

/// The committed completions and man page are what the generators produce from the spec now.
/// A change to a command or flag fails here until `make generate-shell` rewrites them.
@Suite("Committed shell-integration files")
struct ShellGeneratedFilesTests {
    /// Tests/LLMRouteCLITests/ShellIntegration/ShellGeneratedFilesTests.swift → the repository root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func committed(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Records the first line where the committed file and the generator's output differ
    /// (comparing whole texts with #expect would print both files).
    static func expectSame(_ path: String, _ generated: String) throws {
        let committed = try Self.committed(path)
        guard committed != generated else { return }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let committedLine = line < old.count ? String(old[line]) : "(end of file)"
        let generatedLine = line < new.count ? String(new[line]) : "(end of file)"
        Issue.record("\(path) is stale (run `make generate-shell`); line \(line + 1):\n  committed: \(committedLine)\n  generated: \(generatedLine)")
    }

    @Test(arguments: CompletionShell.allCases)
    func completionScriptIsUpToDate(shell: CompletionShell) throws {
        try Self.expectSame(shell.committedPath, shell.script())
    }

    @Test func manPageIsUpToDate() throws {
        try Self.expectSame("man/llmroute.1", ManPage.render())
    }

    @Test func specOffersTheShellsTheCommandAccepts() {
        #expect(CLISpec.completions.operandCompletion == .choices(CompletionShell.allCases.map(\.rawValue)))
    }
}
