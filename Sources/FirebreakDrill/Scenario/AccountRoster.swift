import Foundation

/// The named accounts of a scenario and the name parts generated accounts are built from.
public struct AccountRoster: Sendable, Hashable, Codable {
    /// Accounts the story names.
    public var named: [NamedAccount]
    /// Given names for people's accounts.
    public var firstNames: [String]
    /// Family names for people's accounts.
    public var lastNames: [String]
    /// Words organised accounts build their names from (`Justice`, `Watch`).
    public var movementWords: [String]
    /// Places organised and local accounts add to their names (`NYC`, `BK`).
    public var placeWords: [String]
    /// Words outlets build their names from (`Wire`, `Desk`).
    public var outletWords: [String]

    /// Creates a roster.
    public init(
        named: [NamedAccount], firstNames: [String], lastNames: [String], movementWords: [String],
        placeWords: [String], outletWords: [String]
    ) {
        self.named = named
        self.firstNames = firstNames
        self.lastNames = lastNames
        self.movementWords = movementWords
        self.placeWords = placeWords
        self.outletWords = outletWords
    }

    /// The named account with this handle (case-insensitive).
    public func account(handle: String) -> NamedAccount? {
        named.first { $0.handle.caseInsensitiveCompare(handle) == .orderedSame }
    }
}
