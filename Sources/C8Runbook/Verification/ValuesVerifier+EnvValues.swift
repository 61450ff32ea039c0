import Foundation

extension ValuesVerifier.Check {
    /// Names whose 8.8 value a rule sets on purpose: one backup repository for Operate and Tasklist, the scenario's if it
    /// names one (rules.md R21).
    static let envValuesSetByRule: Set<String> = ["CAMUNDA_DATA_BACKUP_REPOSITORYNAME"]

    /// Each effective 8.7 env value reaches its 8.8 counterparts unchanged (rules.md R11, R14, R22, R23). "Effective"
    /// is the LAST entry of a name in a container's env list: kubelet builds the environment in list order and a later
    /// entry overrides an earlier one (kubernetes/kubernetes `pkg/kubelet/kubelet_pods.go`, `makeEnvironmentVariables`:
    /// `tmpEnv[envVar.Name] = runtimeVal`). The 8.8 value is the last entry of the name in the effective
    /// `orchestration.env`. Only literal `value`s are compared (`valueFrom` references may move, Secrets/). Where
    /// 8.7 blocks that ran in different containers set one 8.8 name to different values, the 8.8 value must be one of
    /// them (the migration reports the conflict for review); otherwise it must be that value.
    ///
    /// - Parameter expected: `envCounterparts`' list: an 8.7 entry's name, its block and its 8.8 names.
    mutating func envValues(_ region: Region, _ expected: [(old: String, block: String, names: [String], rule: String)]) {
        let new = Self.env(region.new, "orchestration.env")
        var effective: [String: [String: String?]] = [:]  // block → name → last value
        var wanted: [String: (values: Set<String>, sources: [String], rule: String)] = [:]  // 8.8 name → allowed values
        for item in expected where !item.names.isEmpty {
            if effective[item.block] == nil {
                var last: [String: String?] = [:]
                for entry in Self.env(region.old, "\(item.block).env") { last[entry.name] = entry.value }
                effective[item.block] = last
            }
            guard let value = effective[item.block]?[item.old] ?? nil else { continue }
            for name in item.names where !Self.envValuesSetByRule.contains(name) {
                var entry = wanted[name] ?? ([], [], item.rule)
                let source = "\(item.block).env \(item.old)"
                if !entry.sources.contains(source) { entry.sources.append(source) }
                entry.values.insert(value)
                wanted[name] = entry
            }
        }
        for name in wanted.keys.sorted() {
            guard let want = wanted[name], let have = new.last(where: { $0.name == name })?.value ?? nil else { continue }
            if !want.values.contains(have) {
                fail(region, "orchestration.env[\(name)]", want.rule, "the effective orchestration.env value of \(name) differs from the effective 8.7 value of \(want.sources.joined(separator: ", ")) (the last entry of a name is the one Kubernetes uses)", .tool)
            }
        }
    }
}
