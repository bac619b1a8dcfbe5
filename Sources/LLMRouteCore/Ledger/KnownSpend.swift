/// The shared ledger's spend as last seen by this machine (a one-line file beside the outbox),
/// so that budgets still hold, approximately, while the server cannot be reached.
struct KnownSpend: Sendable {
    struct Snapshot: Sendable, Equatable {
        /// Start of the day and month the figures are for (a new day or month starts at zero).
        var day: Double
        var today: Double
        var month: Double
        var thisMonth: Double
        /// When they were read.
        var time: Double
    }

    let path: String

    /// Best effort: a lost snapshot only makes the next offline check less informed.
    func save(_ snapshot: Snapshot) {
        let line = [snapshot.day, snapshot.today, snapshot.month, snapshot.thisMonth, snapshot.time].map { "\($0)" }.joined(separator: " ")
        try? FileIO.write(Array((line + "\n").utf8), to: path, mode: 0o600)
    }

    func load() -> Snapshot? {
        guard let bytes = try? FileIO.read(path) else { return nil }
        let numbers = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        guard numbers.count == 5 else { return nil }
        return Snapshot(day: numbers[0], today: numbers[1], month: numbers[2], thisMonth: numbers[3], time: numbers[4])
    }
}
