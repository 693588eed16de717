/// A post together with what Firebreak understood of it.
public struct AssessedPost: Sendable, Hashable {
    /// The post.
    public var post: Post
    /// The assessment.
    public var assessment: Assessment

    /// Creates an assessed post.
    public init(post: Post, assessment: Assessment) {
        self.post = post
        self.assessment = assessment
    }
}
