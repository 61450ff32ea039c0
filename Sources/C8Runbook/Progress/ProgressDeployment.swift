/// The deployment a progress log belongs to: what stays the same when the runbook is regenerated (release, both
/// regions' kube contexts and namespaces, the secondary storage's type and layout). A log of one deployment is never
/// used for another: the ticks would claim work done on the wrong clusters.
public struct ProgressDeployment: Sendable, Codable, Equatable {
    public struct Place: Sendable, Codable, Equatable {
        public var kubeContext: String
        public var namespace: String

        public init(kubeContext: String, namespace: String) {
            self.kubeContext = kubeContext
            self.namespace = namespace
        }
    }

    public var release: String
    /// Region 0, then region 1.
    public var regions: [Place]
    /// Type and layout of the secondary storage, e.g. `elasticsearch per-region`.
    public var storage: String

    public init(release: String, regions: [Place], storage: String) {
        self.release = release
        self.regions = regions
        self.storage = storage
    }

    public init(_ scenario: Scenario) {
        self.init(release: scenario.release,
                  regions: scenario.regions.map { Place(kubeContext: $0.kubeContext, namespace: $0.namespace) },
                  storage: "\(scenario.secondaryStorage.type.rawValue) \(scenario.secondaryStorage.layout.rawValue)")
    }

    /// "release 'camunda', region 0 'ctx-0' / 'ns-0', region 1 'ctx-1' / 'ns-1', elasticsearch per-region".
    public var description: String {
        (["release '\(release)'"] + regions.enumerated().map { "region \($0.offset) '\($0.element.kubeContext)' / '\($0.element.namespace)'" }
            + [storage]).joined(separator: ", ")
    }
}
