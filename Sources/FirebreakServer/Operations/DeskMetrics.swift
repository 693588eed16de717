import Foundation
import NIOConcurrencyHelpers

/// Counters and gauges in the Prometheus text format (`/metrics`).
public final class DeskMetrics: Sendable {
    private struct Series: Hashable {
        var name: String
        var labels: String
    }

    private struct State {
        var counters: [Series: Double] = [:]
        var gauges: [Series: Double] = [:]
        var help: [String: (type: String, text: String)] = [:]
        /// Request latency buckets (seconds), cumulative as Prometheus wants them.
        var latency: [Series: [Int]] = [:]
        var latencySum: [Series: Double] = [:]
    }

    private let state = NIOLockedValueBox(State())
    /// The histogram's bucket bounds in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5]

    /// Creates an empty registry.
    public init() {
        describe("firebreak_http_requests_total", type: "counter", "HTTP requests by route and status class")
        describe("firebreak_http_request_seconds", type: "histogram", "HTTP request latency by route")
        describe("firebreak_ingested_posts_total", type: "counter", "Posts new to the desk, by campaign")
        describe("firebreak_duplicate_posts_total", type: "counter", "Posts the desk already had, by campaign")
        describe("firebreak_rejected_records_total", type: "counter", "Records that could not be read, by campaign")
        describe("firebreak_campaign_health", type: "gauge", "1 for the campaign's current health state")
        describe("firebreak_breaker_tripped", type: "gauge", "1 when the campaign's circuit breaker is tripped")
        describe("firebreak_sse_clients", type: "gauge", "Pages listening for live events, by campaign")
        describe("firebreak_outbox_sent_total", type: "counter", "Outbox items sent or dry-run, by kind and status")
    }

    private func describe(_ name: String, type: String, _ text: String) {
        state.withLockedValue { $0.help[name] = (type, text) }
    }

    /// Adds to a counter.
    public func increment(_ name: String, by value: Double = 1, labels: [String: String] = [:]) {
        let series = Series(name: name, labels: Self.render(labels))
        state.withLockedValue { $0.counters[series, default: 0] += value }
    }

    /// Sets a gauge.
    public func set(_ name: String, _ value: Double, labels: [String: String] = [:]) {
        let series = Series(name: name, labels: Self.render(labels))
        state.withLockedValue { $0.gauges[series] = value }
    }

    /// Records one request's latency.
    public func observe(_ name: String, seconds: Double, labels: [String: String] = [:]) {
        let series = Series(name: name, labels: Self.render(labels))
        state.withLockedValue { state in
            var counts = state.latency[series] ?? Array(repeating: 0, count: Self.buckets.count + 1)
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { counts[index] += 1 }
            counts[Self.buckets.count] += 1
            state.latency[series] = counts
            state.latencySum[series, default: 0] += seconds
        }
    }

    /// The exposition text.
    public func render() -> String {
        state.withLockedValue { state in
            var lines: [String] = []
            var described = Set<String>()
            func header(_ name: String) {
                guard described.insert(name).inserted, let help = state.help[name] else { return }
                lines.append("# HELP \(name) \(help.text)")
                lines.append("# TYPE \(name) \(help.type)")
            }
            for (series, value) in state.counters.sorted(by: { ($0.key.name, $0.key.labels) < ($1.key.name, $1.key.labels) }) {
                header(series.name)
                lines.append("\(series.name)\(series.labels) \(Self.number(value))")
            }
            for (series, value) in state.gauges.sorted(by: { ($0.key.name, $0.key.labels) < ($1.key.name, $1.key.labels) }) {
                header(series.name)
                lines.append("\(series.name)\(series.labels) \(Self.number(value))")
            }
            for (series, counts) in state.latency.sorted(by: { ($0.key.name, $0.key.labels) < ($1.key.name, $1.key.labels) }) {
                header(series.name)
                let inner = series.labels.isEmpty ? "" : String(series.labels.dropFirst().dropLast()) + ","
                for (index, bound) in Self.buckets.enumerated() {
                    lines.append("\(series.name)_bucket{\(inner)le=\"\(bound)\"} \(counts[index])")
                }
                lines.append("\(series.name)_bucket{\(inner)le=\"+Inf\"} \(counts[Self.buckets.count])")
                lines.append("\(series.name)_sum\(series.labels) \(Self.number(state.latencySum[series] ?? 0))")
                lines.append("\(series.name)_count\(series.labels) \(counts[Self.buckets.count])")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Label values are escaped as the exposition format requires (backslash, quote, newline).
    private static func render(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "" }
        let body = labels.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(key)=\"\(escaped)\""
        }
        return "{" + body.joined(separator: ",") + "}"
    }
}
