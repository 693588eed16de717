import Firebreak

/// One campaign in the header's campaign switcher.
public struct PageCampaign: Sendable, Hashable {
    /// The campaign's id in the desk configuration (used in URLs).
    public var id: String
    /// Its display name.
    public var name: String

    /// Creates an entry.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// What every logged-in page needs besides its own content: who is looking, with which rights, and where.
public struct PageContext: Sendable, Hashable {
    /// The logged-in user's name.
    public var user: String
    /// What the user may do; forms the role cannot use are shown read-only.
    public var role: DeskRole
    /// The session's CSRF token, put in the page's meta tag and in every form.
    public var csrfToken: String
    /// The campaigns the switcher lists.
    public var campaigns: [PageCampaign]
    /// The campaign the page is about, if any.
    public var campaignID: String?
    /// The nav item to mark current: `campaigns`, `overview`, `posts`, `queue`, `replies`, `outbox`, `alerts`,
    /// `settings`, `audit`.
    public var active: String

    /// Creates a context.
    public init(user: String, role: DeskRole, csrfToken: String, campaigns: [PageCampaign], campaignID: String? = nil, active: String = "") {
        self.user = user
        self.role = role
        self.csrfToken = csrfToken
        self.campaigns = campaigns
        self.campaignID = campaignID
        self.active = active
    }

    /// The current campaign's display name (its id when it is not in the list).
    var campaignName: String? {
        guard let campaignID else { return nil }
        return campaigns.first { $0.id == campaignID }?.name ?? campaignID
    }
}
