/// A tailored runbook: the scenario it was made for and its steps, by phase, in the order to carry them out.
public struct Runbook: Sendable, Codable, Equatable {
    public static let formatVersion = 1

    public var formatVersion: Int
    public var scenario: Scenario
    public var warnings: [String]
    public var phases: [PhaseSteps]

    public struct PhaseSteps: Sendable, Codable, Equatable {
        public var phase: Phase
        public var title: String
        /// Markdown introduction.
        public var summary: String
        public var steps: [Step]
    }

    /// All steps in order.
    public var steps: [Step] { phases.flatMap(\.steps) }

    public func step(id: String) -> Step? { steps.first { $0.id == id } }
}
