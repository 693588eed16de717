/// The thresholds of the health monitor. The defaults are set for campaigns of 100 posts an hour and up.
public struct MonitorConfiguration: Sendable, Hashable, Codable {
    /// Minutes from launch (or the first post) used to learn the campaign's own baseline.
    public var baselineMinutes = 30
    /// Posts the baseline wants: a quiet launch extends it (by up to `baselineMinutes` more) until it has them.
    public var baselinePosts = 30
    /// Minutes of silence after which a campaign whose baseline began with fewer than `baselinePosts` posts starts
    /// again at the next post: the first posts were a stray early use of the hashtag, not the launch.
    public var strayQuietMinutes = 360
    /// Prior for the baseline critical share: pseudo-critical posts.
    public var baselinePriorCritical = 1.0
    /// Prior for the baseline critical share: pseudo-posts.
    public var baselinePriorTotal = 10.0
    /// CUSUM decision threshold (log-likelihood ratio) for a composition change.
    public var cusumThreshold = 8.0
    /// Baseline posts per minute at and above which the full `cusumThreshold` applies. A quieter campaign tests
    /// fewer posts an hour, so chance takes longer to carry its CUSUM anywhere; its threshold is lowered by
    /// log(reference / rate), down to `minimumCUSUMThreshold`, which keeps false alarms per hour, not per post,
    /// level across campaign sizes.
    public var cusumReferenceRate = 1000.0 / 60
    /// The lowest CUSUM threshold a quiet campaign gets.
    public var minimumCUSUMThreshold = 5.0
    /// Smallest rise of the critical share over the baseline, measured since the change began, that can be a
    /// hijack: with thousands of posts a minute, evidence piles up for shifts too small to matter.
    public var minimumShareShift = 0.08
    /// Standard errors below the observed share since the change began at which the minimum shift is checked.
    public var shiftConfidenceZ = 3.0
    /// Whether a change that began more than an hour ago has its size (the checks above) measured over its latest
    /// hour rather than since it began.
    public var shiftOverLatestHour = true
    /// Whether the composition baseline keeps learning after `baselineMinutes` from minutes an hour old that were
    /// followed by an hour without a hijack: a small campaign's first half hour is a poor estimate of its mix.
    public var baselineKeepsLearning = true
    /// Whether the baseline stops learning while a composition CUSUM is past its threshold, as it does in a hijack:
    /// otherwise a turn that the guards are slow to confirm (a small campaign, a slow souring) is learnt as normal
    /// within the hour and never confirmed.
    public var excursionsPauseLearning = true
    /// An excursion that began within this many minutes of the baseline's end does not pause learning: it says the
    /// first estimate was poor (a launch among fans), not that the campaign changed.
    public var learningGraceMinutes = 45
    /// Critical posts an account counts for in the composition figures within `repeatCapMinutes` (0: no cap): a
    /// handful of accounts posting abuse all afternoon is not a change in what the crowd says.
    public var repeatCap = 3
    /// Minutes over which `repeatCap` applies.
    public var repeatCapMinutes = 15
    /// Smallest rise of the critical share among opinionated posts (critical / (critical + supportive)) that can be
    /// a hijack; larger than `minimumShareShift` because the share has fewer posts behind it.
    public var minimumOpinionShift = 0.12
    /// Whether a CUSUM on the mean p_critical joins the composition tests (`MeanShiftCUSUM`).
    public var meanShiftTest = true
    /// The shift of the mean p_critical that test is tuned to.
    public var meanShift = 0.07
    /// Smallest rise of the mean p_critical since the change began that can be a hijack (the mean moves less than the
    /// label share: by about 0.11 where the labels move by 0.2 on a turn of real tweets).
    public var minimumMeanShift = 0.04
    /// Opinionated posts (critical or supportive) the baseline needs before the balance of opinion is watched.
    public var opinionatedFloor = 20
    /// Posterior probability of a change within `changePointHorizon` minutes that makes the change-point detector fire.
    public var changePointProbability = 0.95
    /// Minutes back the change-point detector looks for a change.
    public var changePointHorizon = 30
    /// Minutes in the corroboration window.
    public var corroborationMinutes = 15
    /// Critical posts needed in the corroboration window.
    public var criticalFloor = 10
    /// Distinct critical authors needed in the corroboration window beyond those the baseline critical share
    /// accounts for (a handful of trolls is not a hijack); at least a tenth of the usual count on busy campaigns.
    public var criticalAuthorFloor = 8
    /// The extra critical authors must also exceed this many Poisson standard deviations of the usual count: the
    /// crowd's own critics vary from window to window, and trolls must not ride on a lucky quarter of an hour.
    public var criticalAuthorZ = 3.0
    /// Volume ratio against the baseline rate that corroborates a composition change.
    public var volumeRatio = 2.0
    /// Critical posts in the window beyond the baseline share's expectation that corroborate without a volume rise.
    public var absoluteCriticalFloor = 6
    /// The window's critical count must also be this unlikely under the baseline share (binomial upper tail):
    /// with a window tested every minute for days, chance supplies 3-sigma excesses, but not this.
    public var excessCriticalPValue = 1e-4
    /// Minutes the critical share must stay low before hijacked turns to recovering, and recovering to healthy.
    public var recoveryMinutes = 20
    /// Poisson CUSUM threshold for a volume burst (raised rate: 3 × baseline).
    public var volumeThreshold = 10.0
    /// Minutes between two alerts of the same kind other than hijack.
    public var repeatMinutes = 120

    /// The default configuration.
    public init() {}
}
