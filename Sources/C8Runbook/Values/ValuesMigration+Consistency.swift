/// Where the scenario and the values files disagree: the values are migrated as they are, the report says so.
extension ValuesMigration {
    static func consistency(_ input: ValuesInput, _ scenario: Scenario, _ stage: MigrationStage) -> [ValuesChange] {
        var notes: [ValuesChange] = []
        if scenario.isShared, stage == .migration, let base = input.base, input.regionFile(0) == nil || input.regionFile(1) == nil {
            notes.append(ValuesChange(file: base.relativePath, path: "orchestration.migration.data.enabled", kind: .review, rule: "R20", source: nil,
                                      message: "with one shared storage, data migration is enabled in region 0's overlay only (true) and disabled in region 1's (false); give both overlays so that c8runbook writes them"))
        }
        let shared = input.files.filter { $0.role == .base || { if case .full = $0.role { return true }; return false }($0) }
        // Only the legacy exporters' class names are looked for: one pass over the env lists, no set of every name.
        var missing = Set(scenario.exporters.legacy.map { "ZEEBE_BROKER_EXPORTERS_\($0.segment)_CLASSNAME" })
        for file in shared where !missing.isEmpty {
            let items = file.document.root.node(at: "zeebe.env")?.items ?? []
            for index in items.indices {
                guard let name = items[index].value.envName, name.hasPrefix("ZEEBE_BROKER_EXPORTERS_") else { continue }
                missing.remove(name)
            }
        }
        for exporter in scenario.exporters.legacy where missing.contains("ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_CLASSNAME") {
            notes.append(ValuesChange(file: shared.first?.relativePath ?? "", path: "zeebe.env", kind: .review, rule: "R17", source: nil,
                                      message: "the scenario lists the legacy exporter \(exporter.segment), but zeebe.env does not define ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_CLASSNAME; check the scenario"))
        }
        let bases = input.bases.map(\.relativePath)
        let expected = [scenario.valuesFiles.base, scenario.valuesFiles.region0, scenario.valuesFiles.region1]
        let actual = [bases.isEmpty ? nil : bases.joined(separator: " + "), input.regionFile(0)?.relativePath, input.regionFile(1)?.relativePath]
        for (name, (want, have)) in zip(["valuesFiles.base", "valuesFiles.region0", "valuesFiles.region1"], zip(expected, actual)) where have != nil && want != have {
            notes.append(ValuesChange(file: have!, path: name, kind: .review, rule: "R37", source: nil,
                                      message: "the scenario's \(name) is '\(want ?? "none")' but this file is written as '\(have!)'; the runbook's helm commands use the scenario's names"))
        }
        return notes
    }
}
