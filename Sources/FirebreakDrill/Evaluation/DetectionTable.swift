import Foundation

/// The evaluation's tables, as plain text for the terminal and as Markdown for the docs.
public struct DetectionTable: Sendable {
    /// The streams evaluated, in order.
    public var evaluations: [StreamEvaluation]

    /// Creates the tables.
    public init(evaluations: [StreamEvaluation]) {
        self.evaluations = evaluations
    }

    /// Every result, stream by stream.
    public var results: [DetectionResult] { evaluations.flatMap(\.results) }

    // MARK: Figures

    /// The median delay in minutes of the detector's catches on hijacks of the class; nil when none.
    public func medianDelay(_ detector: Detector, _ rateClass: RateClass) -> Double? {
        Self.median(
            results.filter { $0.detector == detector && $0.rateClass == rateClass && !$0.isBenign }
                .compactMap(\.outcome.delayMinutes))
    }

    /// Hijacks of the class the detector scored, and how many it missed.
    public func hijacks(_ detector: Detector, _ rateClass: RateClass) -> (count: Int, missed: Int) {
        let picked = results.filter { $0.detector == detector && $0.rateClass == rateClass && !$0.isBenign }
        return (picked.count, picked.filter(\.outcome.missed).count)
    }

    /// False alerts of the detector: on benign streams, and before the onset on hijacks.
    public func falseAlerts(_ detector: Detector) -> (benign: Int, early: Int) {
        let picked = results.filter { $0.detector == detector }
        return (
            picked.filter(\.isBenign).reduce(0) { $0 + $1.outcome.falseAlerts },
            picked.filter { !$0.isBenign }.reduce(0) { $0 + $1.outcome.falseAlerts }
        )
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    // MARK: Rendering

    private var detailHeader: [String] {
        ["scenario", "posts/h", "truth", "detector", "delay (min)", "delay (posts)", "false alerts", "result", "alerts at (min from start)"]
    }

    private func detailRows() -> [[String]] {
        results.map { r in
            let truth = r.onset.map { "onset +\(Self.minutes($0.timeIntervalSince(r.start)))" } ?? "benign"
            let outcome = r.outcome
            let verdict: String
            if r.isBenign {
                verdict = outcome.falseAlerts == 0 ? "quiet" : "FALSE ALARM"
            } else if outcome.missed {
                verdict = "MISSED"
            } else {
                verdict = outcome.falseAlerts > 0 ? "caught, after a false alarm" : "caught"
            }
            var times = outcome.alerts.prefix(6).map { "+" + Self.minutes($0.timeIntervalSince(r.start)) }
            if outcome.alerts.count > 6 { times.append("… (\(outcome.alerts.count))") }
            return [
                r.stream, String(Int(r.postsPerHour.rounded())), truth, r.detector.rawValue,
                outcome.delayMinutes.map { String(format: "%.1f", $0) } ?? "–", outcome.delayPosts.map(String.init) ?? "–",
                String(outcome.falseAlerts), verdict, times.isEmpty ? "–" : times.joined(separator: " "),
            ]
        }
    }

    private var summaryHeader: [String] {
        ["detector"] + RateClass.allCases.map { "median delay \($0.rawValue)" } + ["misses", "false alerts (benign)", "false alerts (before onset)"]
    }

    private func summaryRows() -> [[String]] {
        Detector.allCases.map { detector in
            var row = [detector.rawValue]
            var missed = 0
            var total = 0
            for rateClass in RateClass.allCases {
                let (count, misses) = hijacks(detector, rateClass)
                missed += misses
                total += count
                guard count > 0 else {
                    row.append("–")
                    continue
                }
                let median = medianDelay(detector, rateClass).map { String(format: "%.1f min", $0) } ?? "none caught"
                row.append("\(median) (\(count - misses)/\(count) caught)")
            }
            let (benign, early) = falseAlerts(detector)
            row += ["\(missed) of \(total)", String(benign), String(early)]
            return row
        }
    }

    private var lexiconHeader: [String] {
        ["scenario", "sarcastic share", "critical share", "lexicon mean: sarcastic", "lexicon mean: plain critical", "lexicon mean: all"]
    }

    private func lexiconRows() -> [[String]] {
        evaluations.compactMap { evaluation in
            guard let b = evaluation.lexicon else { return nil }
            func signed(_ value: Double?) -> String { value.map { String(format: "%+.2f", $0) } ?? "–" }
            return [
                evaluation.stream, String(format: "%.0f%%", b.sarcasticShare * 100), String(format: "%.0f%%", b.criticalShare * 100),
                signed(b.sarcasticMean), signed(b.plainCriticalMean), signed(b.overallMean),
            ]
        }
    }

    private var readingHeader: [String] {
        ["scenario", "truly critical posts", "labelled critical (recall)", "non-critical labelled critical"]
    }

    private func readingRows() -> [[String]] {
        evaluations.compactMap { evaluation in
            guard let r = evaluation.assessorReading else { return nil }
            return [
                evaluation.stream, String(r.critical), String(format: "%.0f%%", r.criticalRecall * 100),
                String(format: "%.0f%%", r.falseCriticalRate * 100),
            ]
        }
    }

    private func monitorRows() -> [[String]] {
        evaluations.map { evaluation in
            let listed = evaluation.monitorAlerts.map { "\($0.kind) +\(String(format: "%.1f", $0.minute))" }
            return [evaluation.stream, listed.isEmpty ? "–" : listed.joined(separator: ", ")]
        }
    }

    /// Fixed-width text for the terminal.
    public func text() -> String {
        var out = Self.aligned([detailHeader] + detailRows()) + "\n\n"
        out += "Median delay from onset to first alert, by rate class (hijack streams):\n"
        out += Self.aligned([summaryHeader] + summaryRows())
        let lexicon = lexiconRows()
        if !lexicon.isEmpty {
            out += "\n\nWhat the lexicon reads after the onset (score = P(positive) - P(negative); the rule alerts below "
            out += "the threshold):\n" + Self.aligned([lexiconHeader] + lexicon)
        }
        let reading = readingRows()
        if !reading.isEmpty {
            out += "\n\nHow the monitor's assessor read the stance (whole stream):\n" + Self.aligned([readingHeader] + reading)
        }
        out += "\n\nEvery alert the monitor raised (minutes from the first post):\n"
        out += Self.aligned([["scenario", "alerts"]] + monitorRows())
        return out + "\n"
    }

    /// Markdown tables for the docs.
    public func markdown() -> String {
        var out = Self.markdownTable(detailHeader, detailRows()) + "\n"
        out += "Median delay from onset to first alert, by rate class (hijack streams; posts/h is the hour after the onset):\n\n"
        out += Self.markdownTable(summaryHeader, summaryRows())
        let lexicon = lexiconRows()
        if !lexicon.isEmpty {
            out += "\nWhat the lexicon reads after the onset (score = P(positive) − P(negative)):\n\n"
            out += Self.markdownTable(lexiconHeader, lexicon)
        }
        let reading = readingRows()
        if !reading.isEmpty {
            out += "\nHow the monitor's assessor read the stance (whole stream):\n\n" + Self.markdownTable(readingHeader, reading)
        }
        out += "\nEvery alert the monitor raised (minutes from the first post):\n\n"
        out += Self.markdownTable(["scenario", "alerts"], monitorRows())
        return out
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        String(format: "%.1f", seconds / 60)
    }

    static func aligned(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    static func markdownTable(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        return ([line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
