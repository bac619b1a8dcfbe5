import Foundation
import Testing

/// Slow clients: one that sends its headers and then trickles the body (each byte restarting
/// the idle timeout) is disconnected once the read timeout has passed; the timeout covers only
/// the body's arrival, never the time the upstream takes to answer.
@Suite("End to end: serve slow clients", .serialized)
struct ServeSlowClientTests {
    @Test func tricklingBodyIsCutOff() throws {
        try GatewayProcess.with(environment: ["LLMROUTE_SERVE_READ_TIMEOUT_MS": "1000"]) { _, gateway in
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/trickle_client.py").path
            let output = try GatewayProcess.capture("/usr/bin/env", ["python3", script, "\(gateway.port)"])
            let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
            let closed = try #require(result["closed_after"] as? Double, "the trickling client was never cut off: \(output)")
            #expect(closed >= 0.9 && closed < 5, "closed after \(closed) s with a 1 s read timeout")
            let fine = try gateway.curl("/v1/chat/completions", body: ServeEndToEndTests.request())
            #expect(fine.status == 200, "a client that sends its body at once is served")
        }
    }

    @Test func slowUpstreamIsNotCutByTheReadTimeout() throws {
        // The primary's upstream answers after 3 s (then fails over to the backup): longer than the read timeout.
        try GatewayProcess.with(primary: "timeout", environment: ["LLMROUTE_SERVE_READ_TIMEOUT_MS": "1000"]) { _, gateway in
            let started = Date()
            let answer = try gateway.curl("/v1/chat/completions", body: ServeEndToEndTests.request(model: "primary"))
            #expect(Date().timeIntervalSince(started) > 2.5)
            #expect([200, 502].contains(answer.status), "an answer, not a dropped connection: \(answer.status) \(answer.body)")
        }
    }
}
