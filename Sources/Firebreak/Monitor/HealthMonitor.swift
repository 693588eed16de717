import Foundation

/// Tells a hijack from a success, one closed minute at a time, in event time.
///
/// A hijack needs the composition signal — a CUSUM on critical labels, a CUSUM on the mean p_critical
/// (`MeanShiftCUSUM`), or Bayesian online change-point detection on the p_critical sums, against the campaign's own
/// early baseline, with a shift of at least `minimumShareShift` (`minimumMeanShift` for the mean) — together with
/// corroboration: enough critical posts from enough distinct authors beyond the baseline's usual critics, and either a
/// volume rise against the baseline rate or an excess of critical posts that chance cannot explain. Alongside it run a
/// Poisson CUSUM on volume (`volume_burst`), EWMAs of the critical share and of the balance of opinion (`drift`) and a
/// new-author surge detector (`coordination`). States move healthy → watch → hijacked → recovering → healthy with
/// hysteresis. Every detector is O(1) or O(bounded run lengths) per minute, never per post. An account counts for at most
/// `repeatCap` critical posts in `repeatCapMinutes` (`AccountRepeatCap`).
public struct HealthMonitor: Sendable {
    /// The per-minute figures the monitor reads.
    public typealias MinuteFigures = MinuteSummary

    /// The thresholds in use.
    public let configuration: MonitorConfiguration
    /// The current state.
    public private(set) var health: Health = .healthy
    /// Alerts raised so far.
    public private(set) var alerts: [Alert] = []
    /// The 5, 15 and 60 minute roll-ups.
    public private(set) var windows = MinuteWindows()

    /// The campaign's first minute: launch, the first post, or the first post after a stray start (`restartBaseline`).
    private var startMinute: Int
    private var baselineEnd: Int
    /// The last minute with posts before this one.
    private var lastBusyMinute: Int?
    /// The composition baseline: the first minutes, then (optionally) minutes followed by a healthy hour.
    private var baseline = WindowTotals()
    /// The first minutes only: the volume and drift references, which must not learn a rise as normal.
    private var initialBaseline = WindowTotals()
    private var lastUnsettledMinute: Int?
    private var cusum: CompositionCUSUM?
    private var changePoint: BetaBinomialChangePoint?
    /// A CUSUM on the critical share among opinionated posts (critical / (critical + supportive)): a noisy stance
    /// model spreads a hijack's posts over neutral and critical, but the balance of opinion still swings hard.
    /// Nil when the baseline has too few opinionated posts or is already mostly critical.
    private var opinionCusum: CompositionCUSUM?
    /// A CUSUM on the mean p_critical (nil when `meanShiftTest` is off or the minutes carry labels only).
    private var meanCusum: MeanShiftCUSUM?
    /// Whether every minute with posts so far carried p_critical sums: on labels alone the mean test would only be a
    /// looser copy of the label CUSUM.
    private var probabilitiesKnown = true
    private var volume: PoissonCUSUM?
    private var drift: ShareEWMA?
    /// The same EWMA on the balance of opinion (critical / opinionated), when the baseline has enough opinion.
    private var opinionDrift: ShareEWMA?
    private var newAuthors = NewAuthorSurge()
    private var corroboration: WindowRollup
    private var lowMinutes = 0
    /// The per-account cap on critical posts (nil when `repeatCap` is 0).
    private var repeats: AccountRepeatCap?
    private var lastRaised: [Alert.Kind: Int] = [:]
    /// Clusters detected but not yet in an alert (the last cluster alert was raised too recently).
    private var pendingClusters: [CoordinationCluster] = []
    /// Clusters detected so far, and the accounts of the largest: what sets a cluster alert's level.
    private var clustersSeen = (count: 0, largest: 0)
    /// The last coordination alert raised for clusters: its minute and level (it keeps a repeat gap of its own).
    private var lastClusterAlert: (minute: Int, level: Alert.Level)?
    /// The level of a cluster alert now: alert once the run has three clusters or one of 20 accounts, which is past what
    /// a popular line or link does by chance; a watch before.
    private var clusterLevel: Alert.Level {
        clustersSeen.count >= 3 || clustersSeen.largest >= CopyBurst.floodAccounts ? .alert : .watch
    }

    /// Creates a monitor whose baseline is the first `baselineMinutes` from `start` (launch or first post).
    public init(start: Date, configuration: MonitorConfiguration = MonitorConfiguration()) {
        self.configuration = configuration
        startMinute = Int((start.timeIntervalSince1970 / 60).rounded(.down))
        baselineEnd = startMinute + configuration.baselineMinutes
        corroboration = WindowRollup(length: configuration.corroborationMinutes)
        if configuration.repeatCap > 0 { repeats = AccountRepeatCap(cap: configuration.repeatCap, minutes: configuration.repeatCapMinutes) }
    }

    /// The composition CUSUMs' decision threshold for this campaign's baseline rate (see `cusumReferenceRate`).
    private var cusumThreshold: Double {
        let c = configuration
        let rate = Double(initialBaseline.posts) / Double(max(1, initialBaseline.minutes))
        guard rate > 0, rate < c.cusumReferenceRate else { return c.cusumThreshold }
        return max(c.minimumCUSUMThreshold, c.cusumThreshold - log(c.cusumReferenceRate / rate))
    }

    /// The baseline critical share (labels), once learnt.
    public var baselineShare: Double? { cusum?.p0 }

    /// Reads one closed minute (empty minutes included, in order); returns the health after it. `clusters` are the
    /// coordination clusters detected in this minute (`CoordinationCluster.detectedAt`): they raise a coordination
    /// alert at once, or at the first minute the alert may repeat, whether or not the baseline is learnt yet.
    @discardableResult
    public mutating func close(_ minute: MinuteFigures, clusters: [CoordinationCluster] = []) -> Health {
        let c = configuration
        // Every figure below but the volume CUSUM's reads an account's repeats beyond the cap as if not posted.
        let figures = repeats?.admit(minute) ?? minute
        if figures.posts > 0 && figures.sumPCritical == nil {
            probabilitiesKnown = false
            meanCusum = nil
        }
        let leaving = windows.sixty.isFull ? windows.sixty.oldest : nil
        windows.close(figures)
        corroboration.close(figures)
        let surge = newAuthors.add(newAuthors: figures.newAuthors)
        pendingClusters += clusters
        clustersSeen = (clustersSeen.count + clusters.count, clusters.reduce(clustersSeen.largest) { max($0, $1.accounts.count) })
        // Apart from the new-author surge's repeat gap: a cluster is no reason to hold back a surge, or the reverse.
        // A watch that has become an alert does not wait for the gap.
        if !pendingClusters.isEmpty,
            lastClusterAlert.map({ figures.minute - $0.minute >= c.repeatMinutes || clusterLevel != $0.level }) ?? true
        {
            raiseClusters(figures)
        }
        defer { if minute.posts > 0 { lastBusyMinute = minute.minute } }
        // A stray early use of the hashtag: fewer posts than the baseline wants, then hours of silence. Read as the
        // campaign's start it would leave the baseline a post or two and its rate diluted by the empty hours, so
        // the campaign starts again at the first post after the silence.
        if figures.posts > 0, figures.minute >= baselineEnd, initialBaseline.posts < c.baselinePosts,
            health != .hijacked, health != .recovering,
            let last = lastBusyMinute, figures.minute - last >= c.strayQuietMinutes
        {
            restartBaseline(at: figures.minute)
        }
        // The baseline is the first `baselineMinutes`, extended on a quiet launch until it holds `baselinePosts`.
        let thin = baseline.posts < c.baselinePosts && figures.minute < baselineEnd + c.baselineMinutes
        if cusum == nil && (figures.minute < baselineEnd || thin) {
            // Minutes before the start (teasers, an archive that begins early) are not the campaign's usual.
            if figures.minute >= startMinute {
                baseline.apply(figures, sign: 1)
                initialBaseline.apply(figures, sign: 1)
            }
            return health
        }
        var excursion = false
        defer { learn(leaving, now: figures.minute, excursion: excursion) }
        if cusum == nil { startDetectors() }
        guard var test = cusum, var bocpd = changePoint, var rate = volume, var ewma = drift else { return health }
        let statistic = test.add(minute: figures.minute, critical: figures.critical, total: figures.posts)
        var opinion = opinionCusum
        opinion?.add(minute: figures.minute, critical: figures.critical, total: figures.critical + figures.supportive)
        var mean = meanCusum
        mean?.add(minute: figures.minute, .init(posts: figures.posts, sum: figures.softCritical, squares: figures.softCriticalSquares))
        bocpd.add(minute: figures.minute, critical: figures.softCritical, total: Double(figures.posts))
        rate.add(minute: figures.minute, posts: minute.posts)
        ewma.add(minute: figures.minute, critical: Double(figures.critical), total: Double(figures.posts))
        var opinionEWMA = opinionDrift
        opinionEWMA?.add(minute: figures.minute, critical: Double(figures.critical), total: Double(figures.critical + figures.supportive))
        let souring = ewma.isAboveLimit || opinionEWMA?.isAboveLimit == true
        defer {
            opinionDrift = opinionEWMA
            cusum = test
            changePoint = bocpd
            opinionCusum = opinion
            meanCusum = mean
            volume = rate
            drift = ewma
        }

        let w = corroboration.totals
        let softBaseline = baselineSoftShare
        let threshold = cusumThreshold
        let z = c.shiftConfidenceZ
        // A run longer than an hour has its size read over its latest hour (the hour window's running totals): one that
        // began in chance noise well before a small campaign's turn would otherwise dilute the turn with its quiet start.
        // A younger run reads its own sums.
        func latestHour(_ start: Int?) -> WindowTotals? {
            guard c.shiftOverLatestHour, let start, figures.minute - start >= windows.sixty.length else { return nil }
            return windows.sixty.totals
        }
        let cusumFires =
            statistic >= threshold
            && (latestHour(test.runStart).map { CompositionCUSUM.shareLowerBound(critical: $0.critical, total: $0.posts, z: z) }
                ?? test.runShareLowerBound(z: z)) >= test.p0 + c.minimumShareShift
        let changeProbability = bocpd.changeProbability(within: c.changePointHorizon)
        let bocpdShare = bocpd.mapShare ?? softBaseline
        let bocpdFires =
            changeProbability >= c.changePointProbability && (bocpd.mapRunLength ?? 0) >= 2
            && (bocpd.mapShareLowerBound(z: z) ?? 0) >= softBaseline + 0.75 * c.minimumShareShift
        let opinionFires =
            opinion.map { o in
                o.statistic >= threshold
                    && (latestHour(o.runStart).map {
                        CompositionCUSUM.shareLowerBound(critical: $0.critical, total: $0.critical + $0.supportive, z: z)
                    } ?? o.runShareLowerBound(z: z)) >= o.p0 + c.minimumOpinionShift
            } ?? false
        let meanFires =
            mean.map { m in
                m.statistic >= threshold
                    && (latestHour(m.runStart).map { m.meanLowerBound(.init($0), z: z) } ?? m.runMeanLowerBound(z: z))
                        >= m.mean0 + c.minimumMeanShift
            } ?? false
        let composition = cusumFires || bocpdFires || opinionFires || meanFires
        if c.excursionsPauseLearning {
            let late = baselineEnd + c.learningGraceMinutes
            excursion =
                statistic >= threshold && (test.runStart ?? .min) >= late
                || opinion.map { $0.statistic >= threshold && ($0.runStart ?? .min) >= late } == true
                || mean.map { $0.statistic >= threshold && ($0.runStart ?? .min) >= late } == true
        }
        let onset = [
            cusumFires ? test.runStart : nil, bocpdFires ? bocpd.onset : nil, opinionFires ? opinion?.runStart : nil,
            meanFires ? mean?.runStart : nil,
        ]
        .compactMap { $0 }.min()
        let baselineRate = Double(initialBaseline.posts) / Double(max(1, initialBaseline.minutes))
        let expected = baselineRate * Double(w.minutes)
        let volumeUp = Double(w.posts) >= max(c.volumeRatio * expected, 1)
        let opinionated = w.critical + w.supportive
        // The excess is read over the last 5 and the last 15 minutes, and since the CUSUM's run began: the short
        // window answers quickly after an abrupt turn, the longer ones accumulate a slower or a smaller campaign's.
        let labelExcess =
            [windows.five.totals, w].contains { t in
                Double(t.critical) - test.p0 * Double(t.posts) >= Double(c.absoluteCriticalFloor)
                    && BinomialTail.upper(k: t.critical, n: t.posts, p: test.p0) <= c.excessCriticalPValue
            }
            || (Double(test.runCritical) - test.p0 * Double(test.runTotal) >= Double(c.absoluteCriticalFloor)
                && BinomialTail.upper(k: test.runCritical, n: test.runTotal, p: test.p0) <= c.excessCriticalPValue)
        let opinionExcess =
            opinion.map { o in
                [windows.five.totals, w].contains { t in
                    Double(t.critical) - o.p0 * Double(t.critical + t.supportive) >= Double(c.absoluteCriticalFloor)
                        && BinomialTail.upper(k: t.critical, n: t.critical + t.supportive, p: o.p0) <= c.excessCriticalPValue
                }
            } ?? false
        // Enough critical posts from enough authors beyond the usual critics: over the last 15 minutes, or over the run
        // since the change began (up to the last hour) once it is longer, since a small campaign's 15 minutes hold too
        // few posts to clear the floors (25 at 100 posts an hour) however far its mix has turned.
        var crowd = floorsCleared(w, criticalAuthors: corroboration.distinctCriticalAuthors, baseline: test.p0)
        if !crowd, composition, let start = onset, figures.minute - start >= c.corroborationMinutes {
            let run = windows.sixty.since(start)
            crowd = floorsCleared(run.totals, criticalAuthors: run.distinctCriticalAuthors, baseline: test.p0)
        }
        let corroborated = crowd && (volumeUp || labelExcess || opinionExcess)

        let midpoint = (test.p0 + test.p1) / 2
        let evidence = Evidence(
            cusum: statistic, changeProbability: changeProbability, runShare: cusumFires ? test.runShare : bocpdShare,
            baselineRate: baselineRate,
            detectors: [
                cusumFires ? "CUSUM" : nil, bocpdFires ? "change-point" : nil, opinionFires ? "balance of opinion" : nil,
                meanFires ? "mean p_critical" : nil,
            ].compactMap { $0 })

        switch health {
        case .healthy, .watch:
            if composition && corroborated {
                health = .hijacked
                lowMinutes = 0
                raiseHijack(figures, test: test, onset: onset, evidence: evidence)
            } else if statistic >= threshold / 2 || (opinion?.statistic ?? 0) >= threshold / 2
                || changeProbability >= 0.5 && bocpdShare > softBaseline + c.minimumShareShift / 2
                || souring
            {
                health = .watch
            } else if health == .watch && statistic == 0 && (opinion?.statistic ?? 0) == 0 {
                health = .healthy
            }
        case .hijacked, .recovering:
            let opinionLow = opinion.map { opinionated == 0 || Double(w.critical) / Double(opinionated) < ($0.p0 + $0.p1) / 2 } ?? true
            lowMinutes = w.criticalShare < midpoint && opinionLow ? lowMinutes + 1 : 0
            if health == .hijacked && lowMinutes >= c.recoveryMinutes {
                health = .recovering
                lowMinutes = 0
                test.reset()
                opinion?.reset()
                mean?.reset()
            } else if health == .recovering {
                if (cusumFires || opinionFires) && corroborated {
                    health = .hijacked
                    raiseHijack(figures, test: test, onset: onset, evidence: evidence)
                } else if lowMinutes >= c.recoveryMinutes {
                    health = .healthy
                    lowMinutes = 0
                    ewma.reset()
                    opinionEWMA?.reset()
                }
            }
        }

        if rate.statistic >= c.volumeThreshold, w.posts >= 100, mayRaise(.volumeBurst, at: figures.minute) {
            raise(
                kind: .volumeBurst, level: .watch, figures, onset: rate.runStart,
                summary: "Volume is \(format(Double(w.posts) / max(expected, 1)))× the campaign's baseline rate over the last \(w.minutes) minutes.",
                values: ["posts_in_window": Double(w.posts), "baseline_posts_per_minute": baselineRate, "volume_cusum": rate.statistic],
                actions: ["Check whether the rise is the campaign succeeding or a change of tone before replying."])
        }
        if souring, health != .hijacked, mayRaise(.drift, at: figures.minute) {
            // The balance-of-opinion EWMA when it is the one above its limit (nil otherwise).
            let sourOpinion = opinionEWMA.flatMap { $0.isAboveLimit ? $0 : nil }
            let farOff =
                ewma.share >= test.p0 + 2 * c.minimumShareShift
                || sourOpinion.map { $0.share >= $0.baselineShare + 2 * c.minimumOpinionShift } == true
            let level: Alert.Level = farOff ? .alert : .watch
            var values = ["critical_share_ewma": ewma.share, "upper_limit": ewma.upperLimit, "baseline_critical_share": test.p0]
            var summary =
                "The campaign is souring: the critical share has drifted to \(percent(ewma.share)) (smoothed over about 20 minutes), against \(percent(test.p0)) at the start."
            if let opinion = sourOpinion {
                values["opinion_critical_share_ewma"] = opinion.share
                values["opinion_upper_limit"] = opinion.upperLimit
                values["baseline_opinion_critical_share"] = opinion.baselineShare
                if !ewma.isAboveLimit {
                    summary =
                        "The campaign is souring: of the posts that take a side, \(percent(opinion.share)) are critical (smoothed over about 20 minutes), against \(percent(opinion.baselineShare)) at the start."
                }
            }
            raise(
                kind: .drift, level: level, figures, onset: ewma.isAboveLimit ? ewma.excursionStart : opinionEWMA?.excursionStart,
                summary: summary, values: values,
                examples: corroboration.criticalExamples(limit: 5),
                actions: [
                    "Review the latest critical posts for a common complaint.",
                    "Hold automatic thank-you replies to critical threads.",
                ])
        }
        if surge, mayRaise(.coordination, at: figures.minute) {
            raise(
                kind: .coordination, level: .watch, figures, onset: figures.minute - newAuthors.shortMinutes + 1,
                summary:
                    "\(newAuthors.recent) accounts new to the campaign joined in the last \(newAuthors.shortMinutes) minutes, \(format(Double(newAuthors.recent) / max(newAuthors.expected, 1)))× the rate of the hour before.",
                values: ["new_authors": Double(newAuthors.recent), "expected_new_authors": newAuthors.expected],
                examples: windows.five.criticalExamples(limit: 5),
                actions: ["Look at who the new accounts are and what they post before engaging."])
        }
        return health
    }

    /// Raises the alerts that are read from the whole run's trackers: emerging themes. They fire when the run is
    /// summarised, so `raised_at` is the last post seen then.
    public mutating func closeRun(themes: [Theme], lastPostAt: Date) {
        let end = Int((lastPostAt.timeIntervalSince1970 / 60).rounded(.down))
        let figures = MinuteFigures(minute: end, posts: 0, critical: 0, criticalAuthors: 0, lastPostAt: lastPostAt, criticalExamples: [])
        let start = Date(timeIntervalSince1970: TimeInterval(baselineEnd * 60))
        for theme in themes.prefix(3) where theme.firstSeen >= start && theme.posts >= 20 && !theme.examplePostIDs.isEmpty {
            raise(
                kind: .theme, level: .watch, figures, onset: Int((theme.firstSeen.timeIntervalSince1970 / 60).rounded(.down)),
                summary: "An emerging theme in critical posts: \(theme.terms.prefix(4).joined(separator: ", ")) (\(theme.posts) posts).",
                values: ["posts": Double(theme.posts)], examples: theme.examplePostIDs,
                actions: ["Read the example posts; prepare an answer to the theme rather than to each post."], themes: theme.terms)
        }
    }

    /// Whether `t` holds enough critical posts (`criticalFloor`) from enough distinct authors beyond those the campaign's
    /// usual crowd brings (at most one per critical post at the baseline share): the change comes from many people, not
    /// a handful. The crowd's size is read from its non-critical posts, which trolls do not add to, so neither a handful
    /// posting a lot nor a crowd grown since a quiet launch inflates the count.
    private func floorsCleared(_ t: WindowTotals, criticalAuthors: Int, baseline p0: Double) -> Bool {
        let c = configuration
        let usual = p0 / (1 - p0) * Double(t.posts - t.critical)
        let extra = Double(criticalAuthors) - usual
        return t.critical >= c.criticalFloor
            && extra >= max(Double(c.criticalAuthorFloor), 0.1 * usual, c.criticalAuthorZ * usual.squareRoot())
    }

    private struct Evidence {
        var cusum: Double
        var changeProbability: Double
        var runShare: Double
        var baselineRate: Double
        var detectors: [String]
    }

    /// Forgets the baseline and every detector that reads it, and starts the campaign at `minute`; the rolling windows,
    /// the coordination state and the alerts raised so far stay.
    private mutating func restartBaseline(at minute: Int) {
        startMinute = minute
        baselineEnd = minute + configuration.baselineMinutes
        baseline = WindowTotals()
        initialBaseline = WindowTotals()
        lastUnsettledMinute = nil
        (cusum, changePoint, opinionCusum, meanCusum) = (nil, nil, nil, nil)
        (volume, drift, opinionDrift) = (nil, nil, nil)
        health = .healthy
        lowMinutes = 0
    }

    private mutating func startDetectors() {
        cusum = CompositionCUSUM(baselineShare: baselineLabelShare)
        if configuration.meanShiftTest && probabilitiesKnown {
            meanCusum = MeanShiftCUSUM(baseline: .init(baseline), shift: configuration.meanShift)
        }
        changePoint = BetaBinomialChangePoint(baselineShare: baselineSoftShare)
        let opinionated = baseline.critical + baseline.supportive
        let opinionShare = (Double(baseline.critical) + 1) / (Double(opinionated) + 5)
        if opinionated >= configuration.opinionatedFloor, opinionShare <= 0.6 {
            opinionCusum = CompositionCUSUM(baselineShare: opinionShare)
            opinionDrift = ShareEWMA(
                baselineShare: opinionShare, baselinePosts: Double(opinionated), memoryMinutes: 20, limit: 3,
                minimumShift: configuration.minimumOpinionShift)
        }
        volume = PoissonCUSUM(baselineRate: Double(initialBaseline.posts) / Double(max(1, initialBaseline.minutes)))
        drift = ShareEWMA(
            baselineShare: cusum!.p0, baselinePosts: Double(initialBaseline.posts), memoryMinutes: 20, limit: 3, minimumShift: 0.05)
    }

    /// Adds the minute leaving the hour-long window to the composition baseline when no minute since it was
    /// hijacked, recovering or in an excursion that pauses learning, and rebases the CUSUM on the new share once an
    /// hour. O(1) a minute.
    private mutating func learn(_ leaving: MinuteSummary?, now: Int, excursion: Bool) {
        // Watch does not stop learning (a poor first estimate would otherwise hold the monitor in watch for good);
        // a hijack and its recovery do, and so does an excursion past the CUSUM threshold that began after the grace.
        if health == .hijacked || health == .recovering || excursion { lastUnsettledMinute = now }
        guard configuration.baselineKeepsLearning, let leaving, let test = cusum, leaving.minute >= baselineEnd,
            lastUnsettledMinute.map({ $0 < leaving.minute }) ?? true
        else { return }
        baseline.apply(leaving, sign: 1)
        if (now - baselineEnd) % 60 == 0 {
            cusum = test.rebased(on: baselineLabelShare)
            meanCusum = meanCusum?.rebased(on: .init(baseline))
            let opinionated = baseline.critical + baseline.supportive
            opinionCusum = opinionCusum?.rebased(on: (Double(baseline.critical) + 1) / (Double(opinionated) + 5))
        }
    }

    /// The baseline's critical label share, with a weak prior.
    private var baselineLabelShare: Double {
        let c = configuration
        return (Double(baseline.critical) + c.baselinePriorCritical) / (Double(baseline.posts) + c.baselinePriorTotal)
    }

    /// The baseline's mean p_critical, with the same prior as the label share.
    private var baselineSoftShare: Double {
        let c = configuration
        return min(max((baseline.sumPCritical + c.baselinePriorCritical) / (Double(baseline.posts) + c.baselinePriorTotal), 0.02), 0.6)
    }

    private func mayRaise(_ kind: Alert.Kind, at minute: Int) -> Bool {
        lastRaised[kind].map { minute - $0 >= configuration.repeatMinutes } ?? true
    }

    /// A coordination alert for the clusters detected since the last one, at `clusterLevel`.
    private mutating func raiseClusters(_ figures: MinuteFigures) {
        let level = clusterLevel
        let clusters = pendingClusters.sorted { $0.accounts.count > $1.accounts.count }
        pendingClusters = []
        lastClusterAlert = (figures.minute, level)
        let largest = clusters[0]
        raise(
            kind: .coordination, level: level, figures, startsRepeatGap: false,
            // The first cluster's window began at most a minute before it was detected.
            onset: clusters.compactMap(\.detectedAt).min().map { Int((($0.timeIntervalSince1970 - 60) / 60).rounded(.down)) },
            summary:
                "\(clusters.count) group\(clusters.count == 1 ? "" : "s") of accounts posted the same thing within about a minute; the largest has \(largest.accounts.count) accounts (\(largest.kind.replacingOccurrences(of: "_", with: " "))).",
            values: [
                "clusters": Double(clusters.count), "largest_cluster_accounts": Double(largest.accounts.count),
                "clusters_in_run": Double(clustersSeen.count),
            ],
            examples: Array(clusters.compactMap(\.examplePostID).prefix(10)),
            actions: [
                "Do not treat coordinated posts as the public's voice; exclude them from the gallery.",
                "Report clear platform-manipulation to the platform.",
            ], accounts: Array(largest.accounts.prefix(10)), clusters: Array(clusters.prefix(5)))
    }

    private mutating func raiseHijack(_ figures: MinuteFigures, test: CompositionCUSUM, onset: Int?, evidence: Evidence) {
        let w = corroboration.totals
        raise(
            kind: .hijack, level: .alert, figures, onset: onset,
            summary:
                "The campaign is being hijacked: \(percent(w.criticalShare)) of the last \(w.posts) posts are critical (\(percent(evidence.runShare)) since the change began), against \(percent(test.p0)) at the start (\(evidence.detectors.joined(separator: " and "))).",
            values: [
                "critical_share": w.criticalShare, "baseline_critical_share": test.p0, "cusum": evidence.cusum,
                "change_probability": evidence.changeProbability, "critical_share_since_onset": evidence.runShare,
                "posts_in_window": Double(w.posts), "critical_in_window": Double(w.critical),
                "critical_authors_in_window": Double(corroboration.distinctCriticalAuthors),
                "opinion_critical_share": w.critical + w.supportive > 0 ? Double(w.critical) / Double(w.critical + w.supportive) : 0,
                "baseline_opinion_critical_share": opinionCusum?.p0 ?? 0,
                "sarcastic_share": w.sarcasticShare, "baseline_sarcastic_share": baseline.sarcasticShare,
                "mean_p_critical": w.meanPCritical, "baseline_posts_per_minute": evidence.baselineRate,
                "posts_per_hour": Double(w.posts) * 60 / Double(max(1, w.minutes)),
                "repeat_posts_left_out": Double(repeats?.leftOut ?? 0),
            ],
            examples: corroboration.criticalExamples(limit: 10),
            actions: [
                "Pause automatic replies and thank-you messages.",
                "Freeze the featured gallery; publish nothing new until a person has reviewed it.",
                "Tell the communications lead and agree a holding statement.",
                "Do not argue with critics from the campaign account.",
            ])
    }

    private mutating func raise(
        kind: Alert.Kind, level: Alert.Level, _ figures: MinuteFigures, startsRepeatGap: Bool = true, onset: Int?, summary: String,
        values: [String: Double], examples: [String] = [], actions: [String], themes: [String] = [], accounts: [String] = [],
        clusters: [CoordinationCluster] = []
    ) {
        if startsRepeatGap { lastRaised[kind] = figures.minute }
        alerts.append(
            Alert(
                id: "A\(alerts.count + 1)", kind: kind, level: level, raisedAt: figures.lastPostAt,
                onsetEstimate: onset.map { Date(timeIntervalSince1970: TimeInterval($0 * 60)) }, summary: summary,
                figures: values, themes: themes, accounts: accounts, examplePostIDs: examples, recommendedActions: actions,
                clusters: clusters))
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
