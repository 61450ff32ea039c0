import Foundation

/// Rewrites one 8.7 values file as 8.8 (rules.md §C, §B.2): the structural moves apply to every file; what the
/// whole deployment needs once (exporter switches, Camunda exporters, data migration, API security) goes into the
/// file that holds the shared configuration: the base file, or each region's complete file.
struct FileMigration {
    let scenario: Scenario
    let stage: MigrationStage
    let role: ValuesInput.Role
    /// The output path relative to the output folder.
    let file: String
    var root: ValuesNode
    var changes: [ValuesChange] = []

    /// Env entries from `operate`/`tasklist` and `zeebeGateway`, appended to `orchestration.env` in that order.
    var componentEnv: [ValuesItem] = []
    var gatewayEnv: [ValuesItem] = []
    /// The 8.7 `CAMUNDA_OPERATE/TASKLIST_BACKUP_REPOSITORYNAME` entries, unified by R21.
    var backupItems: [ValuesItem] = []
    /// Whether this file defines its own `orchestration.env` (lists replace, so it must hold the whole list, R31).
    var hasOwnEnv = false
    /// What cannot be written as 8.8 without guessing (two definitions for one volume name, two mounts on one path):
    /// `values` stops with the first.
    var problems: [ValuesError] = []
    /// The 8.7 gateway's `ZEEBE_GATEWAY_CLUSTER_SECURITY_*` entries and its `extraVolumes`/`extraVolumeMounts`: the
    /// migration importer and Job need the same TLS settings and certificate (R15).
    var clusterSecurity: [ValuesItem] = []
    var gatewayVolumes: [ValuesItem] = []
    var gatewayMounts: [ValuesItem] = []
    /// The other files' `ZEEBE_GATEWAY_CLUSTER_SECURITY_*` entries, for a file that mounts the certificate volumes
    /// without them: for an overlay the base file's (the volumes are the region's own, `zeebeGateway.extraVolumes`
    /// in the overlay), for the base the overlays' (the variables are the regions'). And whether another file mounts
    /// the gateway's volumes (for the base: an overlay; for an overlay: the base).
    var inheritedClusterSecurity: [ValuesItem] = []
    var otherFilesMountGatewayVolumes = false
    /// The 8.7 `<block>.initContainers` of the files Helm reads before this one (for a region file the base files
    /// merged, for a later base file the earlier ones), by block: the chart's coalesce runs a block's
    /// `extraInitContainers` only when the merged `initContainers` is empty, and a file without the key inherits them.
    var inheritedInitContainers: [String: [ValuesItem]] = [:]
    /// The 8.7 `contextPath`s of `zeebeGateway`, `operate` and `tasklist` (block → path, location): routes of the
    /// combined Ingress that 13.x serves under `orchestration.contextPath` (R33).
    var droppedContextPaths: [(block: String, path: String, location: SourceLocation?)] = []

    init(scenario: Scenario, stage: MigrationStage, role: ValuesInput.Role, file: String, root: ValuesNode) {
        self.scenario = scenario
        self.stage = stage
        self.role = role
        self.file = file
        self.root = root
    }

    var carriesSharedConfiguration: Bool {
        switch role {
        case .base, .full: true
        case .overlay: false
        }
    }

    mutating func note(_ path: String, _ kind: ValuesChange.Kind, _ rule: String?, _ source: SourceLocation?, _ message: String) {
        changes.append(ValuesChange(file: file, path: path, kind: kind, rule: rule, source: source, message: message))
    }

    /// A comment line the tool adds above an entry or item; indented where it lands.
    static func comment(_ text: String) -> [String] { ["# " + text] }

    /// Comments above a key that disappears are reported (by position, not by content).
    mutating func lose(_ entry: ValuesEntry, path: String) {
        let comments = entry.leading.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        guard !comments.isEmpty || entry.trailingComment != nil, let location = entry.keyLocation else { return }
        note(path, .commentLost, nil, location, "the comment above or beside '\(path)' went with the removed key")
    }

    mutating func run() {
        dropIgnoredSpellings()
        moveZeebe()
        unpinComponentImages()
        migrateGateway()
        migrateWebApp("operate", profile: "operate")
        migrateWebApp("tasklist", profile: "tasklist")
        migrateGlobal()
        migrateEnv()
        renameTopLevel()
        addDeploymentSettings()
        addMigrationPodSecurity()
        addMigrationPodDNS()
        reviewMigrationJobTrustStore()
        keepIngressRoute()
        moveZeebePaths()
        reviewInitContainers()
        reviewUnknownTopLevelKeys()
    }

    /// Index of `orchestration` at the top level, created where the 8.7 blocks were when missing.
    mutating func orchestrationIndex() -> Int {
        if let index = root.index(of: "orchestration") { return index }
        let position = ["zeebeGateway", "operate", "tasklist"].compactMap { root.index(of: $0) }.min()
        root.insert(ValuesEntry("orchestration", .mapping([])), at: position)
        return root.index(of: "orchestration")!
    }

    /// `orchestration`, created when missing; edit a copy and `store` it.
    mutating func loadOrchestration() -> ValuesNode {
        let index = orchestrationIndex()
        return root.entries![index].value
    }

    mutating func store(_ orchestration: ValuesNode) {
        root.set("orchestration", orchestration)
    }
}
