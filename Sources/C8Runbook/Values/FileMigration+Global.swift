/// `global` and renamed top-level blocks (rules.md R16, R26, §C).
extension FileMigration {
    mutating func migrateGlobal() {
        guard var global = root["global"], global.entries != nil else { return }
        if var elasticsearch = global["elasticsearch"], let entry = elasticsearch.entry("disableExporter") {
            elasticsearch.remove("disableExporter")
            note("global.elasticsearch.disableExporter", .removed, "R16", entry.keyLocation,
                 "global.elasticsearch.disableExporter removed: a no-op in 13.x; orchestration.exporters.camunda/zeebe.enabled replace it")
            if elasticsearch.isEmptyMapping {
                if let parent = global.entry("elasticsearch") { lose(parent, path: "global.elasticsearch") }
                global.remove("elasticsearch")
            } else {
                global.set("elasticsearch", elasticsearch)
            }
            if entry.leading.contains(where: { $0.contains("#") }) { lose(entry, path: "global.elasticsearch.disableExporter") }
        }
        if var multiregion = global["multiregion"], let entry = multiregion.remove("installationType") {
            global.set("multiregion", multiregion)
            note("global.multiregion.installationType", .removed, "§C", entry.keyLocation, "global.multiregion.installationType removed: the 13.x chart fails when it is set")
        }
        migrateIdentityAuth(&global)
        root.set("global", global)
    }

    /// R26: the Identity client settings move next to the components they configure.
    private mutating func migrateIdentityAuth(_ global: inout ValuesNode) {
        guard var identity = global["identity"], var auth = identity["auth"], auth.entries != nil else { return }
        var audiences: [ValuesItem] = []
        for app in ["operate", "tasklist"] {
            guard let entry = auth.remove(app) else { continue }
            if let audience = entry.value["audience"] { audiences.append(ValuesItem(audience)) }
            note("global.identity.auth.\(app)", .removed, "R26", entry.keyLocation,
                 "global.identity.auth.\(app) removed; its audience (if any) joins orchestration.security.authentication.oidc.backwardsCompatibleAudiences")
        }
        var orchestrationOIDC: ValuesNode?
        if let zeebe = auth.remove("zeebe") {
            orchestrationOIDC = zeebe.value
            note("orchestration.security.authentication.oidc", .moved, "R26", zeebe.keyLocation,
                 "global.identity.auth.zeebe moved to orchestration.security.authentication.oidc; check its keys against the 13.x chart")
        }
        if !audiences.isEmpty {
            var oidc = orchestrationOIDC ?? .mapping([])
            oidc.set("backwardsCompatibleAudiences", .sequence(audiences))
            orchestrationOIDC = oidc
        }
        if let oidc = orchestrationOIDC {
            var orchestration = loadOrchestration()
            orchestration.set(path: "security.authentication.oidc", oidc)
            store(orchestration)
        }
        if let connectors = auth.remove("connectors") {
            root.set(path: "connectors.security.authentication.oidc", connectors.value)
            note("connectors.security.authentication.oidc", .moved, "R26", connectors.keyLocation,
                 "global.identity.auth.connectors moved to connectors.security.authentication.oidc")
        }
        identity.set("auth", auth)
        global.set("identity", identity)
    }

    mutating func renameTopLevel() {
        guard let index = root.index(of: "postgresql"), root["webModelerPostgresql"] == nil, case var .mapping(entries) = root.content else { return }
        entries[index].key = "webModelerPostgresql"
        root.content = .mapping(entries)
        note("webModelerPostgresql", .renamed, "§C", entries[index].keyLocation, "postgresql renamed to webModelerPostgresql")
    }

    mutating func reviewUnknownTopLevelKeys() {
        for entry in root.entries ?? [] where !ChartKeys.topLevel.contains(entry.key) {
            note(entry.key, .review, nil, entry.keyLocation, "\(entry.key) kept; it is not a top-level key of the 13.x chart's values.yaml: check it")
        }
    }
}
