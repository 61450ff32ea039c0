/// What the step, note and phase templates (`steps/*`, `notes/*`, `phases/*`) see: the scenario's values, computed
/// once per scenario, the step's region for a per-region step, and the values its rule adds (`StepValues`). The
/// built-in templates are compiled against these fields (`CompiledTemplates`); a team's own templates render over
/// the same struct through swift-mustache. User-supplied names are validated (release, namespaces, URLs) or free
/// text that the Markdown renderer escapes (title).
struct WordsView: Sendable {
    var release: String
    var chartFrom: String
    var chartTo: String
    var storage: String
    var storageType: String
    var shared: Bool
    var perRegion: Bool
    var manual: Bool
    var helmManaged: Bool
    var subchart: Bool
    var identity: Bool
    var identityOIDC: Bool
    var optimize: Bool
    var connectors: Bool
    var compression: String
    var compressionEnabled: Bool
    var apiProtected: Bool
    var apiUnprotected: Bool
    var orchestrationName: String
    var importerName: String
    var dataMigrationJob: String
    var identityMigrationJob: String
    var gatewayService: String
    var valuesBase: String
    var hasBaseFile: Bool
    var region0: Region
    var region1: Region
    /// "`a`, `b` and `c`": the ids as code spans in a sentence.
    var legacyIDs: String
    var camundaIDs: String
    var migrationInBoth: Bool
    var users: String
    var hasUsers: Bool
    var exporterStateFix: Bool
    var contextPath: String
    /// Absolute paths of the folders `c8runbook values` writes.
    var migrationDir: String
    var finalDir: String
    /// The users file by absolute path; nil without one.
    var usersFile: String?
    /// The target chart's camunda/camunda image tag; nil for a chart the release table does not know, so that the
    /// templates' `{{^camundaImage}}` sections speak (an empty string is a value for Mustache).
    var camundaImage: String?
    var newestChart: String
    var exporterFixChart: String
    /// The target chart's Elasticsearch image; nil for a chart the release table does not know.
    var elasticsearchImage: String?
    var curlImage: String
    var legacyCount: Int
    var camundaCount: Int
    var exporterCount: Int
    var legacySingle: Bool
    var camundaSingle: Bool
    /// The cluster's size, only when the scenario has a `cluster:` block: a template never prints a size that was
    /// not read (issue 9 item 6).
    var clusterKnown: Bool
    var clusterSize: Int?
    var brokersPerRegion: Int?
    var partitions: Int?
    var replicationFactor: Int?
    /// The scenario's path as the team types it.
    var scenarioFile = "scenario.yml"
    /// The step's region; nil for a step done once.
    var region: Region?

    // The rule's own values (`StepValues`), nil for every other step.
    var apiUser: String?
    var clusterTLS: Bool?
    var crossCheck: Bool?
    var expectedIDs: String?
    var prefixVariable: String?
    var renames: [StepValues.Rename]?
    var hasRenames: Bool?
    var repository: String?
    var separated: Bool?
    var variables: [String]?

    struct Region: Sendable {
        var id: Int
        var second: Bool
        var namespace: String
        var kubeContext: String
        var overlay: String
        var url: String
        var migrates: Bool
    }

    /// This view with a rule's values added.
    func adding(_ values: StepValues) -> WordsView {
        var view = self
        view.set(values)
        return view
    }

    /// Replaces every one of the rule's values with `values`' (the view a step of another rule left is this view with
    /// the new step's values added: the planner sets them in place instead of copying some 70 fields per step).
    mutating func set(_ values: StepValues) {
        apiUser = values.apiUser
        clusterTLS = values.clusterTLS
        crossCheck = values.crossCheck
        expectedIDs = values.expectedIDs
        prefixVariable = values.prefixVariable
        renames = values.renames
        hasRenames = values.hasRenames
        repository = values.repository
        separated = values.separated
        variables = values.variables
    }
}
