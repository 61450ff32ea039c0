/// A description of one team's dual-region Camunda 8.7 deployment: everything the rules need to decide which
/// steps apply and to compute their exact content. Format version 1; see `Templates/README.md` for every key.
public struct Scenario: Sendable, Equatable, Codable {
    public static let formatVersion = 1

    public var version: Int
    public var title: String?
    /// The Helm release name, identical in both regions (rules.md V02).
    public var release: String
    public var chart: ChartVersions
    public var valuesFiles: ValuesFiles
    /// Exactly two regions, ids 0 and 1, in that order.
    public var regions: [Region]
    public var secondaryStorage: SecondaryStorage
    public var exporters: Exporters
    public var messageCompression: MessageCompression
    /// `ZEEBE_GATEWAY_*` variables other than message compression (rules.md V14).
    public var gatewayEnv: [EnvVar]
    public var identity: Bool
    public var optimize: Bool
    /// 8.7 basic-auth user names (from `camunda.operate`/`camunda.tasklist` `userId`) to re-create in 8.8.
    public var basicAuthUsers: [String]
    public var apiSecurity: APISecurity

    // Optional refinements of §A; their defaults are Camunda's reference architecture.
    public var cluster: ClusterSizing
    public var connectors: Bool
    /// The common backup repository name when 8.7 set `CAMUNDA_OPERATE/TASKLIST_BACKUP_REPOSITORYNAME` (V15).
    public var backupRepository: String?
    /// The values files hold plaintext secrets to move into Kubernetes Secrets (V22).
    public var plaintextSecrets: Bool
    /// Operate/Tasklist used custom index prefixes in 8.7 (V23).
    public var customIndexPrefixes: Bool
    /// `orchestration.contextPath`, when set (moves the management API, R48).
    public var contextPath: String?
    public var multiTenancy: Bool
    public var ingress: Ingress

    public var region0: Region { regions[0] }
    public var region1: Region { regions[1] }
}

public struct ChartVersions: Sendable, Equatable, Codable {
    /// The installed 12.x chart (8.7).
    public var from: String
    /// The 13.x chart to upgrade to, pinned in every `helm` command.
    public var to: String
}

public struct ValuesFiles: Sendable, Equatable, Codable {
    /// The shared base file; nil when each region has one complete file (rules.md V06).
    public var base: String?
    public var region0: String
    public var region1: String

    public func overlay(for region: Int) -> String { region == 0 ? region0 : region1 }

    /// The `-f` files for one region's `helm upgrade`, base first (later files win).
    public func helmFiles(for region: Int) -> [String] {
        [base, overlay(for: region)].compactMap { $0 }
    }
}

public struct Region: Sendable, Equatable, Codable {
    public var id: Int
    public var kubeContext: String
    public var namespace: String
}

public struct SecondaryStorage: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case elasticsearch, opensearch
    }
    public enum Layout: String, Sendable, Codable, CaseIterable {
        case perRegion = "per-region"
        case shared
    }
    public enum Provisioning: String, Sendable, Codable, CaseIterable {
        /// The Bitnami Elasticsearch subchart, `<release>-elasticsearch-master` in each namespace.
        case subchart
        case external
    }

    public var type: Kind
    public var layout: Layout
    public var provisioning: Provisioning
    /// Per-region layout: the two regions' URLs; shared layout: the same URL twice.
    public var urls: [String]

    public func url(for region: Int) -> String { urls[region] }
    public var sharedURL: String { urls[0] }
}

public struct Exporters: Sendable, Equatable, Codable {
    public enum Management: String, Sendable, Codable, CaseIterable {
        /// `ZEEBE_BROKER_EXPORTERS_*` env entries, `global.elasticsearch.disableExporter: true` (the reference).
        case manual
        /// The chart's own exporters (one shared storage only).
        case helmManaged = "helm-managed"
    }

    public var management: Management
    /// The 8.7 exporters defined by env (manual management only).
    public var legacy: [LegacyExporter]
}

public struct LegacyExporter: Sendable, Equatable, Codable {
    /// The env segment, e.g. `ELASTICSEARCHREGION0` in `ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME`.
    public var segment: String
    /// The region whose storage it writes to; nil for a shared storage.
    public var region: Int?

    /// The runtime exporter id: the lower-cased segment (rules.md V11).
    public var id: String { segment.lowercased() }
}

public enum MessageCompression: String, Sendable, Codable, CaseIterable {
    case gzip = "GZIP"
    case snappy = "SNAPPY"
    case none = "NONE"
}

public struct EnvVar: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public enum APISecurity: String, Sendable, Codable, CaseIterable {
    case protected
    case unprotected
}

public struct ClusterSizing: Sendable, Equatable, Codable {
    public var size: Int
    public var partitions: Int
    public var replicationFactor: Int

    public static let reference = ClusterSizing(size: 8, partitions: 8, replicationFactor: 4)
}

public enum Ingress: String, Sendable, Codable, CaseIterable {
    case none, combined, separated
}
