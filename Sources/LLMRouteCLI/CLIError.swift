import LLMRouteCore

/// An error a command reports, with the exit status it implies.
public struct CLIError: Error, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32
    /// Printed after the message: what to do about it.
    public var hint: String?

    public init(_ message: String, exitCode: Int32 = ExitCode.failure, hint: String? = nil) {
        self.message = message
        self.exitCode = exitCode
        self.hint = hint
    }

    public var description: String { message }
}

public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 2
    public static let config: Int32 = 3
    public static let providersFailed: Int32 = 4
    public static let refused: Int32 = 5
    public static let interrupted: Int32 = 130
}
