/// Agreement metrics for the cross-validation report.
enum Metrics {
    static func accuracy(_ truth: [Int], _ guess: [Int]) -> Double {
        guard !truth.isEmpty else { return 0 }
        return Double(zip(truth, guess).filter { $0 == $1 }.count) / Double(truth.count)
    }

    static func confusion(_ truth: [Int], _ guess: [Int], classes: Int) -> [[Int]] {
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (label, predicted) in zip(truth, guess) { matrix[label][predicted] += 1 }
        return matrix
    }

    /// Per-class recall and precision, and the unweighted mean F1 over classes.
    static func perClass(_ truth: [Int], _ guess: [Int], classes: Int) -> (recall: [Double], precision: [Double], macroF1: Double) {
        let matrix = confusion(truth, guess, classes: classes)
        var recall = [Double](), precision = [Double](), f1Total = 0.0
        for k in 0..<classes {
            let hits = Double(matrix[k][k])
            let labelled = Double(matrix[k].reduce(0, +))
            let predicted = Double(matrix.reduce(0) { $0 + $1[k] })
            let r = labelled > 0 ? hits / labelled : 0
            let p = predicted > 0 ? hits / predicted : 0
            recall.append(r)
            precision.append(p)
            f1Total += r + p > 0 ? 2 * r * p / (r + p) : 0
        }
        return (recall, precision, f1Total / Double(classes))
    }

    /// Spearman's rho with average ranks for ties (the difficulty label has many).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let rx = ranks(x), ry = ranks(y)
        let n = Double(x.count)
        guard n > 1 else { return 0 }
        let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
        var covariance = 0.0, vx = 0.0, vy = 0.0
        for index in rx.indices {
            covariance += (rx[index] - mx) * (ry[index] - my)
            vx += (rx[index] - mx) * (rx[index] - mx)
            vy += (ry[index] - my) * (ry[index] - my)
        }
        return vx > 0 && vy > 0 ? covariance / (vx * vy).squareRoot() : 0
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { result[order[position]] = rank }
            start = end + 1
        }
        return result
    }
}
