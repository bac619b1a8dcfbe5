import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// One connection to the shared ledger's server, used synchronously: the ledger protocol is
/// synchronous (the CLI's commands record from plain threads), so each statement is sent on
/// NIO's event loop and waited for here. No Swift concurrency task is involved: a batch worker
/// blocked on the database never holds a thread of the cooperative pool.
///
/// Connects on first use; after a failure the connection is dropped and the next statement
/// connects again. Statements of one process are serialised on the one connection.
final class PostgresLink: Sendable {
    let url: PostgresURL
    private let password: String?
    private let connection = Locked<PostgresConnection?>(nil)
    /// Past this a statement (or the connect) is abandoned and the connection closed: a server
    /// that hangs must not hold up the answer's exit for ever.
    let timeoutSeconds: Int64

    /// postgres-nio logs through swift-log; nothing of it reaches the terminal (its metadata
    /// carries queries, never shown).
    static let logger = Logger(label: "llmroute.ledger", factory: { _ in SwiftLogNoOpLogHandler() })

    init(url: PostgresURL, password: String?, timeoutSeconds: Int64 = 10) {
        self.url = url
        self.password = password ?? url.password
        self.timeoutSeconds = timeoutSeconds
    }

    /// Runs `body` with the connection held: a transaction's statements go together.
    func withConnection<T>(_ body: (Session) throws -> T) throws -> T {
        try connection.withLock { held -> T in
            if held == nil { held = try connect() }
            do {
                return try body(Session(connection: held!, timeoutSeconds: timeoutSeconds))
            } catch {
                // The connection may be dead or mid-transaction: start afresh next time.
                Self.close(held)
                held = nil
                throw error
            }
        }
    }

    /// Closes politely (the server sees a Terminate, not a reset) and waits for it: postgres-nio
    /// requires a connection closed before it is released.
    deinit {
        connection.withLock { held in
            Self.close(held)
            held = nil
        }
    }

    private static func close(_ connection: PostgresConnection?) {
        guard let connection else { return }
        let closing: EventLoopFuture<Void> = connection.close()
        _ = try? closing.wait()
    }

    private func connect() throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database, tls: try tls())
        configuration.options.connectTimeout = .seconds(timeoutSeconds)
        if url.tls == .verifyFull { configuration.options.tlsServerName = url.host }
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        return try PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: Self.logger).wait()
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        switch url.tls {
        case .disable: return .disable
        case .require, .verifyFull:
            var tls = TLSConfiguration.makeClientConfiguration()
            // libpq's sslmode=require encrypts without checking the certificate; verify-full checks both.
            if url.tls == .require { tls.certificateVerification = .none }
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    /// The connection for one `withConnection` body.
    struct Session {
        let connection: PostgresConnection
        let timeoutSeconds: Int64

        /// A statement's rows, and how many rows it inserted, updated or deleted.
        struct Result {
            var rows: [PostgresRandomAccessRow]
            var affected: Int
        }

        /// Runs one statement; `$1`, `$2`… in `sql` are `values`.
        @discardableResult
        func run(_ sql: String, _ values: [LedgerValue] = []) throws -> Result {
            var binds = PostgresBindings(capacity: values.count)
            for value in values {
                switch value {
                case .text(let text): binds.append(text)
                case .real(let real): binds.append(real)
                case .integer(let integer): binds.append(integer)
                }
            }
            let connection = connection
            let watchdog = connection.eventLoop.scheduleTask(in: .seconds(timeoutSeconds)) { let _: EventLoopFuture<Void> = connection.close() }
            defer { watchdog.cancel() }
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: PostgresLink.logger).wait()
            return Result(rows: result.rows.map { $0.makeRandomAccess() }, affected: result.metadata.rows ?? 0)
        }

        /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
        func transaction<T>(_ body: () throws -> T) throws -> T {
            try run("BEGIN")
            do {
                let value = try body()
                try run("COMMIT")
                return value
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        }
    }

    /// The server's or the network's words, never the password or the statement's values.
    static func explain(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            switch error.code {
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return "the connection was closed" + (error.underlying.map { ": \($0)" } ?? "")
            default:
                return error.underlying.map { "\($0)" } ?? "\(error.code)"
            }
        }
        return "\(error)"
    }
}

extension PostgresRandomAccessRow: LedgerRowReader {
    public func text(_ column: String) -> String? { contains(column) ? (try? self[column].decode(String?.self)) ?? nil : nil }
    public func real(_ column: String) -> Double? { contains(column) ? (try? self[column].decode(Double?.self)) ?? nil : nil }
    public func integer(_ column: String) -> Int? { contains(column) ? (try? self[column].decode(Int?.self)) ?? nil : nil }
}
