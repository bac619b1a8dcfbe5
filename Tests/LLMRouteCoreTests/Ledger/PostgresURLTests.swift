import Testing
@testable import LLMRouteCore

/// The shared ledger's URL and `[ledger]` settings: parsed strictly, the password never shown.
@Suite("Usage ledger: PostgreSQL URL and settings")
struct PostgresURLTests {
    @Test func parsesEveryPart() throws {
        let url = try PostgresURL("postgresql://team%40corp:p%3Ass@db.example:6543/llm?sslmode=require")
        #expect(url.user == "team@corp" && url.password == "p:ss" && url.host == "db.example" && url.port == 6543)
        #expect(url.database == "llm" && url.tls == .require)
        #expect(url.description == "postgresql://team@corp@db.example:6543/llm?sslmode=require")
        #expect(!url.description.contains("p:ss"), "the password never shows")
        let plain = try PostgresURL("postgres://me@[::1]/db")
        #expect(plain.host == "::1" && plain.port == 5432 && plain.tls == .disable && plain.password == nil)
        #expect(try PostgresURL("postgresql://me@h/db?sslmode=verify-full").tls == .verifyFull)
    }

    @Test(arguments: [
        ("mysql://me@h/db", "postgresql://"),
        ("postgresql://h/db", "no user"),
        ("postgresql://me@h", "no database"),
        ("postgresql://me@h:99999/db", "port"),
        ("postgresql://me@h:x/db", "port"),
        ("postgresql://me@/db", "no host"),
        ("postgresql://me@h/db?sslmode=maybe", "sslmode"),
        ("postgresql://me@h/db?timeout=3", "unknown URL parameter"),
    ])
    func rejectsWithTheReason(text: String, reason: String) {
        #expect(throws: PostgresURL.Invalid.self) { try PostgresURL(text) }
        do { _ = try PostgresURL(text) } catch { #expect(error.reason.contains(reason), "\(error.reason)") }
    }

    @Test func configReadsTheLedgerTableAndChecksTheURL() throws {
        let config = try ConfigParser.parse("""
        [ledger]
        url = "postgresql://me@127.0.0.1:5432/llm"
        user = "alice"
        password_env = "TEAM_DB_PASSWORD"
        log_text = true
        """, file: "c.toml")
        #expect(config.ledger.url == "postgresql://me@127.0.0.1:5432/llm" && config.ledger.user == "alice")
        #expect(config.logText == true)
        let environment = Environment(["TEAM_DB_PASSWORD": "s3cret", "PGPASSWORD": "other"])
        #expect(config.ledger.password(environment: environment) == "s3cret")
        #expect(LedgerSettings().password(environment: environment) == "other", "PGPASSWORD without password_env")
        #expect(config.ledger.userName(environment: environment) == "alice")
        #expect(LedgerSettings().userName(environment: Environment(["USER": "bob"])) == "bob")
        #expect(config.ledger.url(environment: Environment(["LLMROUTE_LEDGER_URL": "postgresql://x@y/z"])) == "postgresql://x@y/z")
        do {
            _ = try ConfigParser.parse("[ledger]\nurl = \"sqlite:///tmp/x\"\n", file: "c.toml")
            Issue.record("a bad URL is a config error")
        } catch {
            #expect(error.line == 2 && error.message.contains("ledger.url"), "\(error)")
        }
    }
}
