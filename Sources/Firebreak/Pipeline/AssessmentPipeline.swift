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
        // Posts are moved from one array to the next (reversed, then popped), never copied: a copy of a post
        // retains each of its strings and arrays, and a million posts make that a large share of the run.
        var outcomes = batch.decode()
        outcomes.reverse()
        var posts: [Post] = []
        posts.reserveCapacity(outcomes.count)
        var rejections: [Rejection] = []
        while let outcome = outcomes.popLast() {
            switch consume outcome {
            case .posts(var decoded):
                decoded.reverse()
                while let post = decoded.popLast() {
                    let carried = post.carried
                    posts.append(post)
                    posts += carried
                }
            case .rejected(let rejection):
                rejections.append(rejection)
            }
        }
        // One call for the batch, so an assessor can reuse its scratch space across posts.
        let assessments = assessor.assess(posts, in: campaign)
        let features = extractor.features(of: posts)
        var assessed: [AssessedPost] = []
        assessed.reserveCapacity(posts.count)
        var index = 0
        posts.reverse()
        while let post = posts.popLast() {
            assessed.append(AssessedPost(post: post, assessment: assessments[index], features: features[index]))
            index += 1
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
