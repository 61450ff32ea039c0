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
        let wanted = Set(scenario.exporters.legacy.map { "ZEEBE_BROKER_EXPORTERS_\($0.segment)_CLASSNAME" })
        func missing(from files: [ValuesInput.File]) -> Set<String> {
            var missing = wanted
            for file in files where !missing.isEmpty {
                let items = file.document.root.node(at: "zeebe.env")?.items ?? []
                for index in items.indices {
                    guard let name = items[index].value.envName, name.hasPrefix("ZEEBE_BROKER_EXPORTERS_") else { continue }
                    missing.remove(name)
                }
            }
            return missing
        }
        // A region file with its own zeebe.env replaces the base file's list (Helm replaces lists): its list counts.
        let sharedMissing = missing(from: shared)
        let regionMissing = (0...1).map { region -> Set<String> in
            guard let file = input.regionFile(region), file.document.root.node(at: "zeebe.env") != nil, !shared.contains(where: { $0.relativePath == file.relativePath }) else { return sharedMissing }
            return missing(from: [file])
        }
        for exporter in scenario.exporters.legacy {
            let name = "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_CLASSNAME"
            let regions = (0...1).filter { regionMissing[$0].contains(name) }
            guard !regions.isEmpty else { continue }
            let own = regions.count == 1 ? input.regionFile(regions[0]).flatMap { $0.document.root.node(at: "zeebe.env") != nil ? $0 : nil } : nil
            notes.append(ValuesChange(file: own?.relativePath ?? shared.first?.relativePath ?? "", path: "zeebe.env", kind: .review, rule: "R17", source: nil,
                                      message: "the scenario lists the legacy exporter \(exporter.segment), but \(own != nil ? "region \(regions[0])'s " : "")zeebe.env does not define \(name); check the scenario"))
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
