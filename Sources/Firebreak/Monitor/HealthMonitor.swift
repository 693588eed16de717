import Foundation

/// Tells a hijack from a success, one closed minute at a time, in event time.
///
/// A hijack needs the composition signal (a CUSUM on critical labels against the campaign's own early
/// baseline) together with corroboration: enough critical posts from enough distinct authors, and either
/// a volume rise against the baseline rate or an absolute floor of critical posts. States move
/// healthy → watch → hijacked → recovering → healthy with hysteresis. O(1) per minute.
public struct HealthMonitor: Sendable {
    /// The thresholds in use.
    public let configuration: MonitorConfiguration
    /// The current state.
    public private(set) var health: Health = .healthy
    /// Alerts raised so far.
    public private(set) var alerts: [Alert] = []

    private let baselineEnd: Int
    private var baselinePosts = 0
    private var baselineCritical = 0
    private var baselineMinutesSeen = 0
    private var cusum: CompositionCUSUM?
    private var window: [MinuteFigures] = []
    private var lowMinutes = 0
    private var lastVolumeAlert: Int?

    /// The per-minute figures the monitor reads.
    public struct MinuteFigures: Sendable, Hashable {
        /// Minutes since the epoch.
        public var minute: Int
        /// Posts.
        public var posts: Int
        /// Critical posts.
        public var critical: Int
        /// Distinct authors of critical posts.
        public var criticalAuthors: Int
        /// Event time of the latest post in the minute.
        public var lastPostAt: Date
        /// A few critical post ids.
        public var criticalExamples: [String]
        /// The critical posts' authors as a sketch, so the corroboration window can count distinct authors
        /// across minutes (the same troll in every minute counts once). Without it the window adds up the
        /// per-minute counts, an upper bound.
        public var criticalAuthorSketch: SmallDistinctCounter?

        /// Creates figures for one minute.
        public init(
            minute: Int, posts: Int, critical: Int, criticalAuthors: Int, lastPostAt: Date, criticalExamples: [String],
            criticalAuthorSketch: SmallDistinctCounter? = nil
        ) {
            self.minute = minute
            self.posts = posts
            self.critical = critical
            self.criticalAuthors = criticalAuthors
            self.lastPostAt = lastPostAt
            self.criticalExamples = criticalExamples
            self.criticalAuthorSketch = criticalAuthorSketch
        }
    }

    /// Creates a monitor whose baseline is the first `baselineMinutes` from `start` (launch or first post).
    public init(start: Date, configuration: MonitorConfiguration = MonitorConfiguration()) {
        self.configuration = configuration
        baselineEnd = Int((start.timeIntervalSince1970 / 60).rounded(.down)) + configuration.baselineMinutes
    }

    /// Reads one closed minute (empty minutes included, in order); returns the health after it.
    @discardableResult
    public mutating func close(_ figures: MinuteFigures) -> Health {
        let c = configuration
        window.append(figures)
        if window.count > c.corroborationMinutes { window.removeFirst(window.count - c.corroborationMinutes) }
        if figures.minute < baselineEnd || baselinePosts < 20 && cusum == nil {
            baselinePosts += figures.posts
            baselineCritical += figures.critical
            baselineMinutesSeen += 1
            if figures.minute < baselineEnd { return health }
        }
        if cusum == nil {
            let share = (Double(baselineCritical) + c.baselinePriorCritical) / (Double(baselinePosts) + c.baselinePriorTotal)
            cusum = CompositionCUSUM(baselineShare: share)
        }
        guard var test = cusum else { return health }
        let statistic = test.add(minute: figures.minute, critical: figures.critical, total: figures.posts)
        cusum = test

        let windowPosts = window.reduce(0) { $0 + $1.posts }
        let windowCritical = window.reduce(0) { $0 + $1.critical }
        let windowCriticalAuthors = distinctCriticalAuthors()
        let baselineRate = Double(baselinePosts) / Double(max(1, baselineMinutesSeen))
        let expected = baselineRate * Double(window.count)
        let volumeUp = Double(windowPosts) >= max(c.volumeRatio * expected, 1)
        // The campaign's usual crowd brings critical voices of its own (at most one per critical post at the
        // baseline share); only the ones beyond them say the change comes from many people, not a handful.
        let usualCriticalAuthors = test.p0 * min(Double(windowPosts), expected)
        let corroborated =
            windowCritical >= c.criticalFloor
            && Double(windowCriticalAuthors) - usualCriticalAuthors >= Double(c.criticalAuthorFloor)
            && (volumeUp || windowCritical >= c.absoluteCriticalFloor)
        let windowShare = windowPosts > 0 ? Double(windowCritical) / Double(windowPosts) : 0
        let midpoint = (test.p0 + test.p1) / 2

        switch health {
        case .healthy, .watch:
            if statistic >= c.cusumThreshold && corroborated {
                health = .hijacked
                raiseHijack(figures, test: test, windowPosts: windowPosts, windowCritical: windowCritical, baselineRate: baselineRate)
            } else if statistic >= c.cusumThreshold / 2 {
                health = .watch
            } else if health == .watch && statistic == 0 {
                health = .healthy
            }
            if volumeUp, windowPosts >= 100, Double(windowPosts) >= 5 * expected,
                lastVolumeAlert.map({ figures.minute - $0 >= 120 }) ?? true
            {
                lastVolumeAlert = figures.minute
                raise(
                    kind: .volumeBurst, level: .watch, figures, onset: window.first?.minute,
                    summary: "Volume is \(format(Double(windowPosts) / max(expected, 1)))× the campaign's baseline rate over the last \(window.count) minutes.",
                    values: ["posts_in_window": Double(windowPosts), "baseline_posts_per_minute": baselineRate],
                    actions: ["Check whether the rise is the campaign succeeding or a change of tone before replying."]
                )
            }
        case .hijacked, .recovering:
            lowMinutes = windowShare < midpoint ? lowMinutes + 1 : 0
            if health == .hijacked && lowMinutes >= c.recoveryMinutes {
                health = .recovering
                lowMinutes = 0
                test.reset()
                cusum = test
            } else if health == .recovering {
                if statistic >= c.cusumThreshold && corroborated {
                    health = .hijacked
                    raiseHijack(figures, test: test, windowPosts: windowPosts, windowCritical: windowCritical, baselineRate: baselineRate)
                } else if lowMinutes >= c.recoveryMinutes {
                    health = .healthy
                    lowMinutes = 0
                }
            }
        }
        return health
    }

    /// Distinct critical authors in the window: the union of the minutes' sketches when every minute with
    /// critical posts carries one, otherwise the sum of the per-minute counts (an upper bound).
    private func distinctCriticalAuthors() -> Int {
        guard window.allSatisfy({ $0.criticalAuthorSketch != nil || $0.criticalAuthors == 0 }) else {
            return window.reduce(0) { $0 + $1.criticalAuthors }
        }
        var union = SmallDistinctCounter()
        for minute in window { if let sketch = minute.criticalAuthorSketch { union.formUnion(sketch) } }
        return union.estimate
    }

    private mutating func raiseHijack(_ figures: MinuteFigures, test: CompositionCUSUM, windowPosts: Int, windowCritical: Int, baselineRate: Double) {
        let share = windowPosts > 0 ? Double(windowCritical) / Double(windowPosts) : 0
        let examples = window.reversed().flatMap(\.criticalExamples).prefix(10)
        raise(
            kind: .hijack, level: .alert, figures, onset: test.runStart,
            summary: "The campaign is being hijacked: \(Int((share * 100).rounded())) % of the last \(windowPosts) posts are critical, against \(Int((test.p0 * 100).rounded())) % at the start.",
            values: [
                "critical_share": share, "baseline_critical_share": test.p0, "cusum": test.statistic,
                "posts_in_window": Double(windowPosts), "critical_in_window": Double(windowCritical),
                "baseline_posts_per_minute": baselineRate,
                "posts_per_hour": Double(windowPosts) * 60 / Double(max(1, window.count)),
            ],
            examples: Array(examples),
            actions: [
                "Pause automatic replies and thank-you messages.",
                "Freeze the featured gallery; publish nothing new until a person has reviewed it.",
                "Tell the communications lead and agree a holding statement.",
                "Do not argue with critics from the campaign account.",
            ]
        )
    }

    private mutating func raise(
        kind: Alert.Kind, level: Alert.Level, _ figures: MinuteFigures, onset: Int?, summary: String, values: [String: Double],
        examples: [String] = [], actions: [String]
    ) {
        alerts.append(
            Alert(
                id: "A\(alerts.count + 1)", kind: kind, level: level, raisedAt: figures.lastPostAt,
                onsetEstimate: onset.map { Date(timeIntervalSince1970: TimeInterval($0 * 60)) }, summary: summary,
                figures: values, examplePostIDs: examples, recommendedActions: actions
            ))
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
