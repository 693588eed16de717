/// Synthetic campaign streams with known ground truth, for examples, drills and detector evaluation.
public enum FirebreakDrill {}
