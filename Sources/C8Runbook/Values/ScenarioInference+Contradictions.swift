/// `c8runbook values` with a scenario: the scenario decides what the rewrite does, so where the values files say
/// something else (another storage type or layout, other exporters, another compression) the files and the
/// scenario describe different deployments and nothing is written.
extension ScenarioInference {
    /// Reads what the files say about storage, exporters and compression (refusing what `init` refuses) and
    /// throws `.invalid` naming the first contradiction with `scenario`: the scenario field, the file place and
    /// what each says.
    public static func checkAgreement(of input: ValuesInput, with scenario: Scenario) throws(ValuesError) {
        let options = Options(release: scenario.release, chartVersion: nil,
                              kubeContexts: scenario.regions.map(\.kubeContext), namespaces: scenario.regions.map(\.namespace))
        try ScenarioInference(input: input, options: options).checkAgreement(with: scenario)
    }

    func checkAgreement(with scenario: Scenario) throws(ValuesError) {
        try checkDualRegion87()
        let exporters = try legacyExporters()
        let management = try self.management(exporters)
        let type = try storageType(exporters)
        let (layout, urls) = try storage(exporters, management: management, type: type.value)
        let compression = try self.compression()
        func contradiction<Value: Equatable>(_ field: String, _ read: Field<Value>, _ said: Value, _ text: (Value) -> String) throws(ValuesError) {
            guard read.value != said else { return }
            throw .invalid(read.source ?? fallbackLocation(nil),
                           message: "the scenario's \(field) is \(text(said)) but the values files say \(text(read.value)); the scenario describes another deployment: run c8runbook init on these files again, or correct the scenario")
        }
        try contradiction("secondaryStorage.type", type, scenario.secondaryStorage.type) { $0.rawValue }
        try contradiction("exporters.management", management, scenario.exporters.management) { $0.rawValue }
        try contradiction("secondaryStorage.layout", layout, scenario.secondaryStorage.layout) { $0.rawValue }
        try contradiction("messageCompression", compression, scenario.messageCompression) { $0.rawValue }
        let read = Set(exporters.map(\.segment)), said = Set(scenario.exporters.legacy.map(\.segment))
        if read != said {
            let source = exporters.first?.source ?? fallbackLocation(merged[0].node(at: "zeebe.env"))
            func list(_ set: Set<String>) -> String { set.isEmpty ? "none" : set.sorted().joined(separator: ", ") }
            throw .invalid(source, message: "the scenario's exporters.legacy lists \(list(said)) but zeebe.env defines \(list(read)); run c8runbook init on these files again, or correct the scenario")
        }
        if layout.value == .perRegion, urls.count != scenario.secondaryStorage.urls.count
            || !zip(urls, scenario.secondaryStorage.urls).allSatisfy({ Self.sameStorage($0.value, $1) }) {
            throw .invalid(urls.first?.source ?? fallbackLocation(nil),
                           message: "the scenario's secondaryStorage.urls differ from the exporter URLs in zeebe.env (in value or in region order); run c8runbook init on these files again, or correct the scenario")
        }
    }
}
