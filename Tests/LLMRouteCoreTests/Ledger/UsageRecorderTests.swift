import Foundation
import Testing
@testable import LLMRouteCore

@Suite("Usage ledger: recorder")
struct UsageRecorderTests {
    let fallbackAttempts = [
        Attempt(provider: "p-cheap", model: "cheap", outcome: "server_error", message: "500", latency: 0.1),
        Attempt(provider: "p-other", model: "other", outcome: "no_api_key", message: "not set"),
        Attempt(provider: "p-strong", model: "strong", outcome: "ok", latency: 0.4),
    ]

    @Test func oneRowPerAttemptThenTheRequest() {
        let recorder = UsageRecorder(ledger: nil, command: "batch", logText: false, warn: { _ in })
        let rows = recorder.rows(.init(decision: LedgerFixtures.decision(), prompt: "p", conversationID: "c",
                                       result: LedgerFixtures.result(LedgerFixtures.strong), attempts: fallbackAttempts,
                                       outcome: "ok", latency: 0.6), now: 10)
        #expect(rows.map(\.kind) == [.attempt, .attempt, .attempt, .request])
        #expect(Set(rows.map(\.requestID)).count == 1, "attempts are tied to their request")
        #expect(rows.map(\.outcome) == ["server_error", "no_api_key", "ok", "ok"])
        #expect(rows[0].errorKind == "server_error" && rows[2].errorKind == nil)
        let request = rows[3]
        #expect(request.command == "batch" && request.conversationID == "c")
        #expect(request.chosenModel == "cheap" && request.finalModel == "strong" && request.finalProvider == "p-strong")
        #expect(request.attempts == 2, "no_api_key sent nothing")
        #expect(request.fallbacks == 1)
        #expect(request.tier == "simple" && request.task == "simple_qa" && request.strategy == "cost" && request.score == 0.25)
        #expect(request.inputTokens == 12 && request.outputTokens == 34 && !request.tokensEstimated)
        #expect(abs(request.costUSD - (12 * 10e-6 + 34 * 30e-6)) < 1e-15)
        #expect(rows[2].costUSD == request.costUSD, "the answering attempt carries the cost too")
        #expect(rows[0].costUSD == 0)
        #expect(request.latencyMs == 600 && request.timeToFirstTokenMs == 200)
    }

    @Test func textOnlyWhenOptedIn() {
        let args = UsageRecorder.Request(decision: LedgerFixtures.decision(), prompt: "secret prompt", conversationID: nil,
                                         result: LedgerFixtures.result(text: "secret answer"), attempts: [], outcome: "ok", latency: 1)
        let hashed = UsageRecorder(ledger: nil, command: "ask", logText: false, warn: { _ in }).rows(args, now: 0).last!
        #expect(hashed.promptText == nil && hashed.answerText == nil)
        #expect(hashed.promptHash == SHA256.hex(Array("secret prompt".utf8)))
        #expect(hashed.answerHash == SHA256.hex(Array("secret answer".utf8)))
        let kept = UsageRecorder(ledger: nil, command: "ask", logText: true, warn: { _ in }).rows(args, now: 0).last!
        #expect(kept.promptText == "secret prompt" && kept.answerText == "secret answer")
    }

    @Test func missingUsageIsEstimatedAndFlagged() {
        let row = UsageRecorder(ledger: nil, command: "ask", logText: false, warn: { _ in }).rows(
            .init(decision: LedgerFixtures.decision(), prompt: "p", conversationID: nil,
                  result: LedgerFixtures.result(reported: false, text: String(repeating: "x", count: 80)),
                  attempts: [], outcome: "ok", latency: 1), now: 0).last!
        #expect(row.tokensEstimated)
        #expect(row.inputTokens == 40, "the routing estimate")
        #expect(row.outputTokens == 20, "about 4 bytes a token")
        #expect(row.costUSD > 0)
    }

    @Test func savingsComparedWithTheStrongestCandidate() {
        let row = UsageRecorder(ledger: nil, command: "ask", logText: false, warn: { _ in }).rows(
            .init(decision: LedgerFixtures.decision(), prompt: "p", conversationID: nil, result: LedgerFixtures.result(),
                  attempts: [], outcome: "ok", latency: 1), now: 0).last!
        #expect(row.strongestModel == "strong")
        #expect(abs(row.strongestCostUSD! - (12 * 10e-6 + 34 * 30e-6)) < 1e-15)
    }

    @Test func failuresAreRecordedWithoutCost() {
        let row = UsageRecorder(ledger: nil, command: "ask", logText: false, warn: { _ in }).rows(
            .init(decision: LedgerFixtures.decision(), prompt: "p", conversationID: nil, result: nil,
                  attempts: [fallbackAttempts[0]], outcome: "failed", errorKind: "server_error", latency: 1), now: 0).last!
        #expect(row.outcome == "failed" && row.errorKind == "server_error")
        #expect(row.costUSD == 0 && row.finalModel == "cheap")
        #expect(row.answerHash == nil)
    }

    /// A ledger that fails warns once and reports false; it never throws at the caller.
    @Test func aBrokenLedgerWarnsOnce() {
        struct Broken: UsageLedger {
            func append(_ records: [UsageRecord]) throws { throw LedgerError(path: "/x", reason: "disk full") }
            func spent(since: Double) throws -> Double { 0 }
            func records(kind: UsageRecord.Kind, from: Double?, until: Double?) throws -> [UsageRecord] { [] }
            func appendSession(id: String, time: Double, command: String, mode: String?, strategy: String?) throws {
                throw LedgerError(path: "/x", reason: "disk full")
            }
            func sessions(from: Double?, until: Double?) throws -> [(id: String, time: Double, command: String)] { [] }
        }
        let warnings = Counter()
        let recorder = UsageRecorder(ledger: Broken(), command: "ask", logText: false, warn: { _ in warnings.increment() })
        let request = UsageRecorder.Request(decision: nil, prompt: "p", conversationID: nil, result: nil, attempts: [], outcome: "failed", latency: 0)
        #expect(!recorder.record(request))
        #expect(!recorder.record(request))
        #expect(!recorder.recordSession(id: "s", mode: "auto", strategy: "cost"))
        #expect(warnings.value == 1)
    }

    @Test func idsAreSixteenHexDigits() {
        let ids = (0..<50).map { _ in UsageRecorder.newID() }
        #expect(ids.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(ids).count == 50)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func increment() { lock.lock(); count += 1; lock.unlock() }
}
