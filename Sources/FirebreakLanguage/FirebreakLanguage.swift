/// Text understanding for social posts: tokenizer, features, linear models, training and metrics.
public enum FirebreakLanguage {
    /// The version of the model file format this build reads and writes.
    public static let modelFormatVersion = 1
}
