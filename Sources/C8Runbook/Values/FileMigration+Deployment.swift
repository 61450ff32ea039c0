/// What the deployment needs once: exporter switches, data migration, API security, components the 13.x chart no
/// longer enables by default (rules.md R16, R19, R20, R25, R32).
extension FileMigration {
    mutating func addDeploymentSettings() {
        if carriesSharedConfiguration {
            var orchestration = loadOrchestration()
            setExporterSwitches(&orchestration)
            setAPISecurity(&orchestration)
            store(orchestration)
            enableExplicitly("identity", scenario.identity)
            enableExplicitly("optimize", scenario.optimize)
        }
        guard stage == .migration else { return }
        let enabled: Bool?
        switch (scenario.isShared, role) {
        case (false, .base), (false, .full): enabled = true
        case (true, .overlay(let region)), (true, .full(let region)): enabled = region == 0
        default: enabled = nil
        }
        guard let enabled else { return }
        var orchestration = loadOrchestration()
        var data = ValuesNode.mapping([ValuesEntry("enabled", .bool(enabled))])
        if let existing = orchestration.node(at: "migration.data") { data = existing; data.set("enabled", .bool(enabled)) }
        var migration = orchestration["migration"] ?? .mapping([])
        migration.set("data", data)
        if orchestration["migration"] == nil {
            orchestration.set("migration", migration, leading: Self.comment(
                "Data migration (importer and migration Job) for the upgrade; remove after the migration (rules.md R20, R55)"), at: 0)
            orchestration.setSourceIndentZero("migration")
        } else {
            orchestration.set("migration", migration)
        }
        store(orchestration)
        let why = scenario.isShared
            ? (enabled ? "the shared storage is migrated from region 0 only" : "region 1 must not migrate the shared storage a second time")
            : "each region migrates its own storage"
        note("orchestration.migration.data.enabled", .added, "R20", nil, "orchestration.migration.data.enabled: \(enabled): \(why)")
    }

    private mutating func setExporterSwitches(_ orchestration: inout ValuesNode) {
        let enabled = !scenario.isManual
        var exporters = orchestration["exporters"] ?? .mapping([])
        for name in ["camunda", "zeebe"] {
            var exporter = exporters[name] ?? .mapping([])
            exporter.set("enabled", .bool(enabled))
            exporters.set(name, exporter)
            note("orchestration.exporters.\(name).enabled", .added, enabled ? "R19" : "R16", nil, enabled
                 ? "orchestration.exporters.\(name).enabled: true: the chart's exporters write to the one shared storage"
                 : "orchestration.exporters.\(name).enabled: false: the exporters are defined per region in orchestration.env")
        }
        if orchestration["exporters"] == nil {
            let comment = enabled
                ? "The chart's own exporters write to the shared storage (rules.md R19)"
                : "Disable the chart's exporters: region-specific exporters are defined in env (rules.md R16)"
            orchestration.set("exporters", exporters, leading: Self.comment(comment), at: orchestration.index(of: "env"))
            orchestration.setSourceIndentZero("exporters")
        } else {
            orchestration.set("exporters", exporters)
        }
    }

    private mutating func setAPISecurity(_ orchestration: inout ValuesNode) {
        switch scenario.apiSecurity {
        case .protected:
            note("orchestration.security", .kept, "R25", nil, "no orchestration.security set: after the upgrade the APIs require authentication (13.x defaults unprotectedApi: false, authorizations.enabled: true)")
        case .unprotected:
            orchestration.set(path: "security.authentication.unprotectedApi", .bool(true))
            orchestration.set(path: "security.authorizations.enabled", .bool(false))
            note("orchestration.security.authentication.unprotectedApi", .added, "R25", nil, "unprotectedApi: true and authorizations.enabled: false keep the 8.7 unauthenticated APIs (never for production)")
        }
    }

    private mutating func enableExplicitly(_ component: String, _ used: Bool) {
        guard used, root.node(at: "\(component).enabled") == nil else { return }
        root.set(path: "\(component).enabled", .bool(true))
        note("\(component).enabled", .added, "R32", nil, "\(component).enabled: true: the 13.x chart no longer enables it by default")
    }
}
