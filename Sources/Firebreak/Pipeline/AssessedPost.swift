/// A post together with what Firebreak understood of it.
public struct AssessedPost: Sendable, Hashable {
    /// The post.
    public var post: Post
    /// The assessment.
    public var assessment: Assessment
    /// The monitor's features, when the pipeline worked them out in parallel (nil: the monitor will).
    public var features: PostFeatures?

    /// Creates an assessed post.
    public init(post: Post, assessment: Assessment, features: PostFeatures? = nil) {
        self.post = post
        self.assessment = assessment
        self.features = features
    }
}
