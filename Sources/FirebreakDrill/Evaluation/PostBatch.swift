import Firebreak

/// Ready-made posts as a pipeline batch, so evaluation assesses them exactly as `analyze` does (each post
/// and the posts it carries, with the monitor's features worked out alongside).
struct PostBatch: DecodableBatch {
    let posts: [Post]

    var recordCount: Int { posts.count }
    var inputErrors: [Rejection] { [] }
    var bytesConsumed: Int { 0 }

    func decode() -> [RecordOutcome] {
        posts.map { .posts([$0]) }
    }
}
