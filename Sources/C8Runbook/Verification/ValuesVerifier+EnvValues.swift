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
    /// - Parameters:
    ///   - expected: `envCounterparts`' list: each 8.7 entry with its effective value, block and 8.8 names.
    ///   - differing: the 8.8 names whose value differs from the 8.7 value of at least one of their entries (found by
    ///     `envCounterparts`): only these can break the invariant, and only their entries are gathered here.
    mutating func envValues(_ region: Region, _ expected: [Counterpart], differing: Set<String>) {
        var wanted: [String: Wanted] = [:]  // 8.8 name → allowed values
        for item in expected {
            guard let value = item.value else { continue }
            for second in [false, true] {
                guard let name = second ? item.second : item.first, differing.contains(name), !Self.envValuesSetByRule.contains(name) else { continue }
                wanted[name, default: Wanted(rule: item.rule)].add(value, source: (item.block, item.old))
            }
        }
        // Checked in any order, reported in the order of the names.
        var broken: [String] = []
        for (name, want) in wanted {
            guard let have = region.newEnvValues[name] ?? nil else { continue }
            if !want.allows(have) { broken.append(name) }
        }
        for name in broken.sorted() {
            let want = wanted[name]!
            let sources = want.sources.map { "\($0.block).env \($0.name)" }.joined(separator: ", ")
            fail(region, "orchestration.env[\(name)]", want.rule, "the effective orchestration.env value of \(name) differs from the effective 8.7 value of \(sources) (the last entry of a name is the one Kubernetes uses)", .tool)
        }
    }

    /// The 8.7 values one 8.8 name may have, and the 8.7 entries they come from (each once, in the order met). Almost
    /// every name has one source: that one is held inline, without a set or an array to allocate.
    struct Wanted {
        let rule: String
        private var first: (value: String, source: (block: String, name: String))?
        private var otherValues: Set<String> = []
        private var otherSources: [(block: String, name: String)] = []

        init(rule: String) { self.rule = rule }

        mutating func add(_ value: String, source: (block: String, name: String)) {
            guard let first else {
                first = (value, source)
                return
            }
            if value != first.value { otherValues.insert(value) }
            if !sources.contains(where: { $0 == source }) { otherSources.append(source) }
        }

        /// An 8.7 value, or one with the 8.7 image's `/usr/local/zeebe` as the 8.8 image's `/usr/local/camunda` (R11:
        /// CHART 13.10.2 `orchestration/statefulset.yaml` mounts `/usr/local/camunda/...` where 12.x mounted
        /// `/usr/local/zeebe/...`): a certificate path the rules move with its mount.
        func allows(_ value: String) -> Bool {
            if first?.value == value || otherValues.contains(value) { return true }
            guard value.contains("/usr/local/camunda") else { return false }
            return ([first?.value].compactMap { $0 } + otherValues).contains { Self.imagePath($0) == value }
        }

        /// `/usr/local/zeebe` and the paths under it as the 8.8 image names them, the rest of the text unchanged.
        static func imagePath(_ text: String) -> String {
            text.replacingOccurrences(of: #"/usr/local/zeebe(?=/|$|[^A-Za-z0-9_.-])"#, with: "/usr/local/camunda", options: .regularExpression)
        }

        var sources: [(block: String, name: String)] { (first.map { [$0.source] } ?? []) + otherSources }
    }
}
