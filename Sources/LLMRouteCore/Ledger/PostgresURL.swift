/// A shared ledger's address: `postgresql://user[:password]@host[:port]/database[?sslmode=…]`
/// (`postgres://` too). `description` never includes the password, so the URL can go into
/// messages; the password itself is best given through PGPASSWORD or `[ledger] password_env`.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        /// No TLS (libpq's disable, allow and prefer: we do not guess, we say).
        case disable
        /// Encrypted, the server's certificate not checked (libpq's require).
        case require
        /// Encrypted and the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    public struct Invalid: Error, Sendable, Equatable {
        public var reason: String
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public init(_ text: String) throws(Invalid) {
        var rest = Substring(text)
        guard let scheme = ["postgresql://", "postgres://"].first(where: { rest.hasPrefix($0) }) else {
            throw Invalid(reason: "a ledger URL starts with postgresql:// (postgresql://user@host:port/database)")
        }
        rest = rest.dropFirst(scheme.count)
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw Invalid(reason: "the URL names no database (…/DATABASE)") }
        database = Self.decode(rest[rest.index(after: slash)...])
        guard !database.isEmpty else { throw Invalid(reason: "the URL names no database (…/DATABASE)") }
        var authority = rest[..<slash]
        user = ""
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = Self.decode(credentials[..<colon])
                password = Self.decode(credentials[credentials.index(after: colon)...])
            } else {
                user = Self.decode(credentials)
            }
        }
        guard !user.isEmpty else { throw Invalid(reason: "the URL names no user (postgresql://USER@host/database)") }
        port = 5432
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            authority = authority[colon...]
        } else {
            host = String(authority)
            authority = ""
        }
        if authority.hasPrefix(":") {
            guard let value = Int(authority.dropFirst()), (1...65535).contains(value) else {
                throw Invalid(reason: "the port must be a number from 1 to 65535")
            }
            port = value
        }
        guard !host.isEmpty else { throw Invalid(reason: "the URL names no host") }
        tls = .disable
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw Invalid(reason: "the query parameter \(pair) has no value") }
            switch parts[0] {
            case "sslmode":
                switch parts[1] {
                case "disable", "allow", "prefer": tls = .disable
                case "require", "verify-ca": tls = .require
                case "verify-full": tls = .verifyFull
                default: throw Invalid(reason: "sslmode must be disable, require, verify-ca or verify-full, not \(parts[1])")
                }
            default:
                throw Invalid(reason: "unknown URL parameter \(parts[0]) (only sslmode is read)")
            }
        }
    }

    /// The URL without the password: safe for messages.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(shownHost):\(port)/\(database)" + (tls == .disable ? "" : "?sslmode=\(tls.rawValue)")
    }

    /// %XX escapes decoded (a user or password may hold '@' or ':'); invalid escapes stay as written.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
               let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
