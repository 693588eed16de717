import Firebreak

/// The monitor thresholds a campaign may set in `firebreak.yml` (`monitor:`), by their snake_case names.
enum MonitorSettings {
    /// A whole-number threshold.
    static var integers: [(key: String, path: WritableKeyPath<MonitorConfiguration, Int>, range: ClosedRange<Int>)] {
        [
        ("baseline_minutes", \.baselineMinutes, 5...1440),
        ("baseline_posts", \.baselinePosts, 1...100_000),
        ("corroboration_minutes", \.corroborationMinutes, 1...240),
        ("critical_floor", \.criticalFloor, 1...100_000),
        ("critical_author_floor", \.criticalAuthorFloor, 1...100_000),
        ("absolute_critical_floor", \.absoluteCriticalFloor, 1...100_000),
        ("recovery_minutes", \.recoveryMinutes, 1...1440),
        ("repeat_minutes", \.repeatMinutes, 1...10_080),
        ("repeat_cap", \.repeatCap, 0...100_000),
        ("repeat_cap_minutes", \.repeatCapMinutes, 1...240),
        ("learning_grace_minutes", \.learningGraceMinutes, 0...1440),
        ]
    }

    /// A threshold with a fractional part.
    static var decimals: [(key: String, path: WritableKeyPath<MonitorConfiguration, Double>, range: ClosedRange<Double>)] {
        [
        ("cusum_threshold", \.cusumThreshold, 0.5...100),
        ("minimum_cusum_threshold", \.minimumCUSUMThreshold, 0.5...100),
        ("minimum_share_shift", \.minimumShareShift, 0.001...1),
        ("minimum_opinion_shift", \.minimumOpinionShift, 0.001...1),
        ("mean_shift", \.meanShift, 0.01...1),
        ("minimum_mean_shift", \.minimumMeanShift, 0.001...1),
        ("volume_ratio", \.volumeRatio, 1...100),
        ("volume_threshold", \.volumeThreshold, 0.5...1000),
        ("change_point_probability", \.changePointProbability, 0.5...0.99999),
        ]
    }

    /// Every settable key, for error messages and the settings page.
    static var keys: [String] { integers.map(\.key) + decimals.map(\.key) }

    /// The defaults with the given keys applied; the problems (unknown keys, wrong types, out of range) are returned.
    static func apply(_ map: [String: Any]) -> (MonitorConfiguration, [String]) {
        var configuration = MonitorConfiguration()
        var problems: [String] = []
        for key in map.keys.sorted() where !keys.contains(key) {
            problems.append("monitor.\(key) is not a setting (use \(keys.joined(separator: ", ")))")
        }
        for setting in integers {
            guard let raw = map[setting.key] else { continue }
            guard let value = raw as? Int, setting.range.contains(value) else {
                problems.append("monitor.\(setting.key) must be a whole number from \(setting.range.lowerBound) to \(setting.range.upperBound)")
                continue
            }
            configuration[keyPath: setting.path] = value
        }
        for setting in decimals {
            guard let raw = map[setting.key] else { continue }
            guard let value = (raw as? Double) ?? (raw as? Int).map(Double.init), setting.range.contains(value) else {
                problems.append("monitor.\(setting.key) must be a number from \(setting.range.lowerBound) to \(setting.range.upperBound)")
                continue
            }
            configuration[keyPath: setting.path] = value
        }
        return (configuration, problems)
    }

    /// The settable thresholds with their values, for showing.
    static func values(_ configuration: MonitorConfiguration) -> [(key: String, value: String)] {
        integers.map { ($0.key, "\(configuration[keyPath: $0.path])") } + decimals.map { ($0.key, "\(configuration[keyPath: $0.path])") }
    }
}
