extension Note.Kind {
    /// The words that introduce a note: `Correction of the guide`, `Inference (the guide is silent)`, `Warning`.
    public var label: String {
        switch self {
        case .correction: "Correction of the guide"
        case .inference: "Inference (the guide is silent)"
        case .warning: "Warning"
        }
    }
}
