/// One labelled post from a training or validation file.
public struct LabelledText: Sendable, Hashable {
    /// The post's text.
    public var text: String
    /// The class index in the task's label order.
    public var label: Int
    /// The topic the label is about (SemEval-2016 subtask B), if any.
    public var topic: String?

    /// Creates a labelled text.
    public init(text: String, label: Int, topic: String? = nil) {
        self.text = text
        self.label = label
        self.topic = topic
    }
}
