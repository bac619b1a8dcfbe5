/// Where a contribution comes from.
enum ContributionSource {
    case hashed(FeatureNamespace, FeatureSpan)
    case structural(StructuralFeature)
}

/// One hashed feature as seen during the scan: its weight row and its text. The column it is
/// explained for (the chosen kind) is known only once the scan is done.
struct ExplainRecord {
    var row: Int32
    var namespace: FeatureNamespace
    var span: FeatureSpan
}

/// Owns the explain log's memory: a plain buffer appended to from the scan (the sink keeps the
/// count), so logging a feature is one store.
final class ExplainLog {
    let capacity: Int
    let records: UnsafeMutablePointer<ExplainRecord>

    init(capacity: Int) {
        self.capacity = capacity
        records = .allocate(capacity: capacity)
    }

    deinit { records.deallocate() }
}
