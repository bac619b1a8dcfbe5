import CLLMRouteFuzz
import Glibc
import LLMRouteCore

// The `llmroute eval` outcome reader and the APGR computation behind it: whatever the bytes,
// every non-blank line becomes exactly one record or one problem naming its line, records hold
// finite numbers only, and the evaluation of what was read is well-formed (a curve from share 0
// to 1, an APGR that is finite whenever it is defined).
//
// The first byte picks the mode: odd reads scores from a field ("s", as `--score-field s`),
// even scores each record by its prompt's length (as a classifier would score the prompt).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0, let start else { return 0 }
    let scoreField: String? = start[0] & 1 == 1 ? "s" : nil
    let bytes = Array(UnsafeBufferPointer(start: start + 1, count: size - 1))
    let file = OutcomeFile(bytes, scoreField: scoreField)

    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let blank = lines.filter { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }.count
    precondition(file.records.count + file.problems.count + blank == lines.count,
                 "\(lines.count) lines, \(blank) blank, but \(file.records.count) records and \(file.problems.count) problems")
    let numbers = (file.records.map(\.line) + file.problems.map(\.line)).sorted()
    precondition(Set(numbers).count == numbers.count, "a line counted twice")
    precondition(numbers.allSatisfy { 1...lines.count ~= $0 }, "a line number outside the file")
    for problem in file.problems {
        precondition(!problem.message.isEmpty, "a problem without a message on line \(problem.line)")
    }
    for record in file.records {
        precondition(record.weak.isFinite && record.strong.isFinite, "a non-finite outcome on line \(record.line)")
        if scoreField != nil {
            precondition(record.score?.isFinite == true, "a missing or non-finite score on line \(record.line)")
        } else {
            precondition(record.prompt != nil, "a record without a prompt on line \(record.line)")
        }
    }

    let outcomes = file.records.map {
        RoutedOutcome(score: $0.score ?? Double($0.prompt?.utf8.count ?? 0), weak: $0.weak, strong: $0.strong)
    }
    let evaluation = RoutingEvaluation(outcomes)
    precondition(evaluation.count == outcomes.count)
    let shares = evaluation.knots.map(\.share)
    precondition(shares.first == 0 && zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 }, "shares not increasing")
    if !outcomes.isEmpty { precondition(abs(shares.last! - 1) < 1e-9, "the curve ends at share \(shares.last!)") }
    if let apgr = evaluation.apgr { precondition(apgr.isFinite, "APGR \(apgr) for \(outcomes.count) outcomes") }
    precondition((evaluation.apgr != nil) == evaluation.isDefined)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
