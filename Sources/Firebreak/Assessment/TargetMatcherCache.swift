import Foundation
import FirebreakLanguage

/// Keeps the target matcher of each campaign seen, so assessing a stream of posts does not re-tokenize
/// the campaign's names for every post.
final class TargetMatcherCache: @unchecked Sendable {
    static let shared = TargetMatcherCache()
    // NSLock rather than `Mutex` because the package still supports macOS 14; every access holds the lock.
    private let lock = NSLock()
    private var matchers: [[String]: TargetMatcher] = [:]

    /// The matcher for the campaign's target names (name, aliases, hashtags, owner handles).
    func matcher(for campaign: Campaign) -> TargetMatcher {
        let names = campaign.targetNames
        if let cached = lock.withLock({ matchers[names] }) { return cached }
        let made = TargetMatcher(names: names)
        lock.withLock {
            if matchers.count > 256 { matchers.removeAll() }
            matchers[names] = made
        }
        return made
    }
}
