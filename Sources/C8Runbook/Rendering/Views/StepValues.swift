/// The values one rule gives its step's words beyond the scenario's (`WordsView`): each set only by the rule named,
/// nil elsewhere. A template sees them as top-level names (`{{apiUser}}`, `{{#renames}}`).
struct StepValues: Sendable, Equatable {
    /// R46: the admin user whose password `curl` asks for.
    var apiUser: String?
    /// R55: the cluster uses TLS, so the migration pods' certificates go with the migration switch.
    var clusterTLS: Bool?
    /// R18: the c8-multi-region script cross-checks the exporter URLs.
    var crossCheck: Bool?
    /// R50: the node ids expected in the region, in words.
    var expectedIDs: String?
    /// R06: the variable that carries the index prefix.
    var prefixVariable: String?
    /// R14: each `ZEEBE_GATEWAY_*` variable and its new name; `hasRenames` when there is one.
    var renames: [Rename]?
    var hasRenames: Bool?
    /// R21: the backup repository's name.
    var repository: String?
    /// R33: the Ingress is separated (one per component).
    var separated: Bool?
    /// R15: the old-prefix TLS variables the migration pods read.
    var variables: [String]?

    struct Rename: Sendable, Equatable {
        var from: String
        var to: String
    }
}
