/// Hands out post ids the way X did in 2014: snowflakes whose high bits are the millisecond of posting.
///
/// Real snowflake ids sort by time, and readers and stores rely on that, so the drill's ids do too.
struct SnowflakeClock: Sendable {
    /// Twitter's snowflake epoch, 2010-11-04T01:42:54.657Z, in Unix milliseconds.
    static let epochMillis: Int64 = 1_288_834_974_657

    private var lastMillis: Int64 = -1
    private var sequence: UInt64 = 0

    /// A fresh id for a post made at `millis` (Unix milliseconds); calls must come in time order.
    mutating func id(atMillis millis: Int64, rng: inout SplitMix64) -> UInt64 {
        if millis == lastMillis {
            sequence = (sequence + 1) & 0xFFF
        } else {
            lastMillis = millis
            sequence = 0
        }
        let worker = UInt64(rng.below(1024))
        return UInt64(millis - Self.epochMillis) << 22 | worker << 12 | sequence
    }
}
