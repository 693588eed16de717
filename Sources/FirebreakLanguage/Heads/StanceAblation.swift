/// Measures what each part of the stance rule adds, on the stance validation set (SemEval-2016 4B devtest,
/// topics unseen in training), by macro recall of negative vs positive toward the topic.
public struct StanceAblation: Sendable {
    /// One row: the variant and its macro recall.
    public struct Row: Sendable {
        /// What was used.
        public var variant: String
        /// Macro recall on validation.
        public var macroRecall: Double
    }

    /// Runs the ablation. `stance` is the trained (masked) stance model and `irony` the irony model;
    /// an unmasked stance model and a sentiment model that has not seen the validation tweets (with
    /// `sentimentLexicon`'s word valences, as the shipped sentiment head has) are trained here.
    public static func run(
        data: TrainingData, stance: LinearModel, irony: LinearModel, options: TrainingOptions, sentimentLexicon: Lexicon
    ) -> [Row] {
        let validation = data.validation[.stance] ?? []
        let configuration = stance.configuration
        var rows: [Row] = []

        let unmaskedTrain = (data.train[.stance] ?? []).map { LabelledText(text: $0.text, label: $0.label) }
        let unmaskedValidation = validation.map { LabelledText(text: $0.text, label: $0.label) }
        let unmasked = HeadTrainer(head: .stance, configuration: configuration, options: options)
            .run(train: unmaskedTrain, validation: unmaskedValidation, lexicon: stance.lexicon)
        rows.append(Row(variant: "stance model, topic not masked", macroRecall: unmasked.metric))

        let sentiment = HeadTrainer(head: .sentiment, configuration: configuration, options: Head.sentiment.defaultOptions)
            .run(train: data.sentimentForStanceValidation, validation: [], lexicon: sentimentLexicon).model
        let classifiers = (stance: TextClassifier(model: stance), sentiment: TextClassifier(model: sentiment), irony: TextClassifier(model: irony))
        var scores: [(HeadScores, Int)] = []
        var workspace = TextClassifier.Workspace()
        for example in validation {
            let matcher = TargetMatcher(names: TopicNames.names(for: example.topic ?? ""))
            let head = HeadScores(
                sentiment: classifiers.sentiment.probabilities(example.text, matcher: matcher, in: &workspace),
                irony: classifiers.irony.probabilities(example.text, matcher: matcher, in: &workspace)[1], offensive: 0,
                towardTarget: classifiers.stance.probabilities(example.text, matcher: matcher, in: &workspace),
                mentionsTarget: true)
            scores.append((head, example.label))
        }
        func measure(_ name: String, _ rule: StanceRule) {
            var report = ClassificationReport(labels: Head.stance.labels)
            for (head, label) in scores {
                let combined = rule.combine(head)
                report.add(gold: label, predicted: combined.critical > combined.supportive ? 0 : 1)
            }
            rows.append(Row(variant: name, macroRecall: report.macroRecall))
        }
        measure("stance model, topic masked", StanceRule(sentimentWeight: 0, usesNeutrality: false, usesIrony: false))
        measure("+ irony step", StanceRule(sentimentWeight: 0, usesNeutrality: false, usesIrony: true))
        measure("+ irony step, without the contrast condition", StanceRule(sentimentWeight: 0, usesNeutrality: false, usesIrony: true, ironyNeedsContrast: false))
        measure("+ sentiment polarity (held-out sentiment model)", StanceRule(usesNeutrality: false, usesIrony: false))
        measure("full rule (masked, sentiment, irony)", StanceRule())
        measure("full rule, irony without the contrast condition", StanceRule(ironyNeedsContrast: false))
        return rows
    }
}
