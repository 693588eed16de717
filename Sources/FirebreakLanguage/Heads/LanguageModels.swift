/// The four trained heads Firebreak needs to read a post.
public struct LanguageModels: Sendable {
    /// Negative / neutral / positive.
    public var sentiment: LinearModel
    /// Non-irony / irony.
    public var irony: LinearModel
    /// Not offensive / offensive.
    public var offensive: LinearModel
    /// Negative / positive toward the masked target.
    public var stance: LinearModel

    /// Creates the set, checking each model answers the question it is filed under.
    public init(sentiment: LinearModel, irony: LinearModel, offensive: LinearModel, stance: LinearModel) throws(ModelFileError) {
        for (head, model) in [(Head.sentiment, sentiment), (.irony, irony), (.offensive, offensive), (.stance, stance)] {
            guard model.labels == head.labels else {
                throw .invalid("the \(head.rawValue) model has labels \(model.labels), expected \(head.labels)")
            }
        }
        self.sentiment = sentiment
        self.irony = irony
        self.offensive = offensive
        self.stance = stance
    }

    /// The model for a head.
    public func model(_ head: Head) -> LinearModel {
        switch head {
        case .sentiment: sentiment
        case .irony: irony
        case .offensive: offensive
        case .stance: stance
        }
    }
}
