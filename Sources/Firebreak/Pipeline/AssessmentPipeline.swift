/// Source → decode → assess, as an async sequence of processed batches in input order.
///
/// Up to `parallelism` batches are decoded and assessed at once on the concurrency pool; the caller
/// feeds the results, in order, to a `CampaignAnalysis` (monitor and report) or the live desk.
public struct AssessmentPipeline: Sendable {
    /// The campaign the posts are assessed for.
    public let campaign: Campaign
    /// The assessor.
    public let assessor: any Assessor
    /// Batches in flight at once.
    public let parallelism: Int
    /// Works out the monitor's text features here, in parallel, rather than on the monitor's thread.
    let extractor: TermExtractor

    /// Creates a pipeline.
    public init(campaign: Campaign, assessor: any Assessor, parallelism: Int = 4) {
        self.campaign = campaign
        self.assessor = assessor.specialized(for: campaign)
        self.parallelism = max(1, parallelism)
        extractor = TermExtractor(campaign: campaign)
    }

    /// Decodes and assesses one batch synchronously.
    public func process(_ batch: some DecodableBatch) -> ProcessedBatch {
        var posts: [Post] = []
        var rejections: [Rejection] = []
        for outcome in batch.decode() {
            switch outcome {
            case .posts(let decoded):
                for post in decoded {
                    posts.append(post)
                    posts += post.carried
                }
            case .rejected(let rejection):
                rejections.append(rejection)
            }
        }
        // One call for the batch, so an assessor can reuse its scratch space across posts.
        let assessments = assessor.assess(posts, in: campaign)
        var assessed: [AssessedPost] = []
        assessed.reserveCapacity(posts.count)
        for (post, assessment) in zip(posts, assessments) {
            assessed.append(AssessedPost(post: post, assessment: assessment, features: extractor.features(of: post)))
        }
        return ProcessedBatch(records: batch.recordCount, assessed: assessed, rejections: rejections, inputErrors: batch.inputErrors, bytesConsumed: batch.bytesConsumed)
    }

    /// Processes a sequence of batches, keeping their order.
    public func run<Source: AsyncSequence & Sendable>(_ source: Source) -> AsyncThrowingStream<ProcessedBatch, Error>
    where Source.Element: DecodableBatch {
        let (stream, continuation) = AsyncThrowingStream<ProcessedBatch, Error>.makeStream(bufferingPolicy: .bufferingOldest(parallelism * 2))
        let pipeline = self
        // Detached: a caller on the main actor must not pull decoding and assessment onto it.
        let task = Task.detached {
            do {
                var inFlight: [Task<ProcessedBatch, Never>] = []
                for try await batch in source {
                    inFlight.append(Task.detached { pipeline.process(batch) })
                    if inFlight.count >= pipeline.parallelism {
                        let result = await inFlight.removeFirst().value
                        await send(result, to: continuation)
                    }
                }
                for pending in inFlight { await send(await pending.value, to: continuation) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Yields, waiting while the consumer's buffer is full so memory stays bounded.
    private func send(_ batch: ProcessedBatch, to continuation: AsyncThrowingStream<ProcessedBatch, Error>.Continuation) async {
        while true {
            switch continuation.yield(batch) {
            case .enqueued, .terminated: return
            case .dropped: try? await Task.sleep(nanoseconds: 200_000)
            @unknown default: return
            }
        }
    }
}
