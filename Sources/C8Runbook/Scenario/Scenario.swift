import Foundation

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
    /// Where Management Identity gets its users (`identity: true` only): the chart's bundled Keycloak or an external
    /// OIDC provider.
    public var identityProvider: IdentityProvider
    public var optimize: Bool
    /// 8.7 basic-auth user names (from `camunda.operate`/`camunda.tasklist` `userId`) to re-create in 8.8.
    public var basicAuthUsers: [String]
    /// The 8.7 role of each user that the scenario gives one (`{ name, role }`); a bare name is Operate's `userId`
    /// user, whose role is `OWNER`.
    public var basicAuthRoles: [String: BasicAuthRole]
    public var apiSecurity: APISecurity

    // Optional refinements of §A; their defaults are Camunda's reference architecture.
    /// The broker count, partition count and replication factor, when the scenario says them (`cluster:`); nil
    /// when it does not, and then no rule prints a number: the steps say to keep the 8.7 values' own (issue 9
    /// item 6: a size that was never read must not be "restored").
    public var cluster: ClusterSizing?
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
    /// The shared base files, in `helm -f` order (later files win, lists are replaced); empty when each region has
    /// one complete file (rules.md V06). `valuesFiles.base` in the scenario: one name or a list of names.
    public var bases: [String]
    public var region0: String
    public var region1: String
    /// The absolute folder every relative path of the scenario is read against: `valuesFiles.directory`, or the
    /// scenario file's own folder made absolute.
    public var directory: String
    /// Where `c8runbook values` writes the migration-stage 8.8 files (`valuesFiles.migrationDir`, default `values-8.8`).
    public var migrationDir: String
    /// Where `c8runbook values --stage final` writes the end-state files (`valuesFiles.finalDir`, default `values-8.8-final`).
    public var finalDir: String
    /// The values file with the basic-auth users and their passwords, kept out of Git (`valuesFiles.users`); nil
    /// when there is none.
    public var users: String?

    /// - Parameter directory: absolute; defaults to the current directory.
    public init(base: String?, region0: String, region1: String, directory: String? = nil,
                migrationDir: String = "values-8.8", finalDir: String = "values-8.8-final", users: String? = nil) {
        self.init(bases: base.map { [$0] } ?? [], region0: region0, region1: region1, directory: directory,
                  migrationDir: migrationDir, finalDir: finalDir, users: users)
    }

    /// - Parameters:
    ///   - bases: the base files in `helm -f` order; empty for complete per-region files.
    ///   - directory: absolute; defaults to the current directory.
    public init(bases: [String], region0: String, region1: String, directory: String? = nil,
                migrationDir: String = "values-8.8", finalDir: String = "values-8.8-final", users: String? = nil) {
        self.bases = bases
        self.region0 = region0
        self.region1 = region1
        self.directory = directory ?? FileManager.default.currentDirectoryPath
        self.migrationDir = migrationDir
        self.finalDir = finalDir
        self.users = users
    }

    public func overlay(for region: Int) -> String { region == 0 ? region0 : region1 }

    /// The base files as people read them: one name, or the names joined by " + " in `helm -f` order; nil without
    /// a base file.
    public var base: String? { bases.isEmpty ? nil : bases.joined(separator: " + ") }

    /// `path` made absolute against `directory` (already absolute paths stay as they are).
    public func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
        return Self.standardized(joined)
    }

    /// An absolute path as Foundation's `URL(fileURLWithPath:).standardizedFileURL.path` gives it. A path that is
    /// already standard (a `/`, then non-empty names of ordinary ASCII characters, none made only of dots, no
    /// trailing `/`) is returned as it is without building a URL, which planning would otherwise do dozens of
    /// times per runbook; any other path goes through Foundation.
    static func standardized(_ path: String) -> String {
        isStandard(path) ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func isStandard(_ path: String) -> Bool {
        // One pass: every byte plain, and each name between slashes not empty and not only dots.
        let bytes = path.utf8
        guard bytes.count > 1, bytes.first == 0x2F, bytes.last != 0x2F else { return false }
        var nameIsEmpty = true, nameIsDots = true
        for byte in bytes.dropFirst() {
            guard plainPathBytes[Int(byte)] else { return false }
            if byte == 0x2F {
                guard !nameIsEmpty, !nameIsDots else { return false }
                nameIsEmpty = true
                nameIsDots = true
            } else {
                nameIsEmpty = false
                if byte != 0x2E { nameIsDots = false }
            }
        }
        return !nameIsEmpty && !nameIsDots
    }

    /// The folder of the file at `path`, absolute: Foundation's
    /// `URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path`. A standard absolute path
    /// loses its last name, and a bare file name (no `/`, not `.`, `..` or starting with `~`) is in the current
    /// directory, both without building a URL (reading the scenario would otherwise load `URL` for this alone); any
    /// other path goes through Foundation.
    static func folder(of path: String) -> String {
        if isStandard(path), let slash = path.utf8.lastIndex(of: 0x2F) {
            return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
        }
        let bytes = path.utf8
        if !bytes.isEmpty, !bytes.contains(0x2F), bytes.first != 0x7E, path != ".", path != "..",
           let buffer = getcwd(nil, 0) {
            defer { free(buffer) }
            let directory = String(cString: buffer)
            if directory.hasPrefix("/") { return standardized(directory) }
        }
        return URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    }

    /// `URL(fileURLWithPath: path).lastPathComponent`: the name after the last `/`, read by byte when that name is
    /// plain (ASCII letters, digits and `-_.+@,=~`, not only dots), the path does not end in `/` and does not start
    /// with `~`; any other path goes through Foundation.
    static func lastName(_ path: String) -> String {
        let bytes = path.utf8
        let start = bytes.lastIndex(of: 0x2F).map(bytes.index(after:)) ?? bytes.startIndex
        let name = bytes[start...]
        guard bytes.first != 0x7E, !name.isEmpty, name.allSatisfy({ plainPathBytes[Int($0)] }), name.contains(where: { $0 != 0x2E }) else {
            return URL(fileURLWithPath: path).lastPathComponent
        }
        return String(path[start...])
    }

    /// `URL(fileURLWithPath: path).pathComponents` (`/` first, then each name); split by hand for a standard path.
    /// Slices of `path` for a standard path (no `String` per name; `writtenNames` reads them for every helm command).
    static func components(_ path: String) -> [Substring] {
        guard isStandard(path) else { return URL(fileURLWithPath: path).pathComponents.map { Substring($0) } }
        return ["/"] + path.utf8.dropFirst().split(separator: 0x2F).map { Substring($0) }
    }

    /// ASCII letters, digits and `-_.+@,=~`, and `/`, by byte.
    private static let plainPathBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+@,=~/".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The folder `c8runbook values` writes a stage's files to, absolute.
    public func outDir(_ stage: MigrationStage) -> String {
        absolute(stage == .migration ? migrationDir : finalDir)
    }

    /// The `-f` files for one region's `helm upgrade` at `stage`, absolute, the base files first in their order
    /// (later files win), then the region's file, then the
    /// users file when there is one: the files `c8runbook values` writes, under the names it gives them.
    public func helmFiles(for region: Int, stage: MigrationStage) -> [String] {
        let out = outDir(stage) + "/"
        var files = writtenNames(region: region).map { out + $0 }
        if let users { files.append(absolute(users)) }
        return files
    }

    /// The names `c8runbook values` gives the base files (if any, in order) and the region's file inside its
    /// out-dir: each base by its file name, a region file by its path below the first base's folder, else
    /// `region<N>/<file name>` (as `ValuesInput` does).
    func writtenNames(region: Int) -> [String] {
        standardWrittenNames(region: region) ?? writtenNamesByComponents(region: region)
    }

    /// `writtenNamesByComponents` when every path it reads is standard, by comparing the paths' bytes: a standard
    /// path's names hold no `/` and none is empty, so its components start with a folder's exactly when the path
    /// starts with that folder and a `/`, and the components after it, joined, are the rest of the path. nil when a
    /// path is not standard. (`helmFiles` asks for every helm command the runbook prints.)
    func standardWrittenNames(region: Int) -> [String]? {
        let regionPath = absolute(overlay(for: region))
        guard Self.isStandard(regionPath) else { return nil }
        let folder: Substring
        if let first = bases.first {
            let basePath = absolute(first)
            guard Self.isStandard(basePath) else { return nil }
            folder = Self.folderPart(basePath)
        } else {
            let paths = [absolute(region0), absolute(region1)]
            guard paths.allSatisfy(Self.isStandard) else { return nil }
            folder = Self.commonFolder(Self.folderPart(paths[0]), Self.folderPart(paths[1]))
        }
        let bytes = regionPath.utf8
        let name: String
        if bytes.count > folder.utf8.count + 1, bytes.starts(with: folder.utf8),
           bytes[bytes.index(bytes.startIndex, offsetBy: folder.utf8.count)] == 0x2F {
            name = String(regionPath.utf8.dropFirst(folder.utf8.count + 1))!
        } else {
            name = "region\(region)/" + Self.lastName(regionPath)
        }
        return bases.map { Self.lastName(absolute($0)) } + [name]
    }

    /// A standard path's folder: everything before its last `/` (empty for a file in `/`).
    private static func folderPart(_ path: String) -> Substring {
        path[..<(path.utf8.lastIndex(of: 0x2F) ?? path.utf8.startIndex)]
    }

    /// The longest folder two standard folders (as `folderPart` gives them) share, name by name.
    private static func commonFolder(_ a: Substring, _ b: Substring) -> Substring {
        let x = a.utf8, y = b.utf8
        var i = x.startIndex, j = y.startIndex
        var lastSlash = x.startIndex  // the end of the names shared so far
        while i < x.endIndex, j < y.endIndex, x[i] == y[j] {
            if x[i] == 0x2F { lastSlash = i }
            i = x.index(after: i)
            j = y.index(after: j)
        }
        // A name shared to its end: both folders end there, or the other one goes on with a `/`.
        let xEnds = i == x.endIndex || x[i] == 0x2F, yEnds = j == y.endIndex || y[j] == 0x2F
        return a[..<(xEnds && yEnds ? i : lastSlash)]
    }

    /// The names `writtenNames` gives, by `URL`-style path components: the reference of `standardWrittenNames`, and
    /// the path of any path that is not standard.
    func writtenNamesByComponents(region: Int) -> [String] {
        // Paths as components (`URL.pathComponents`): `absolute` gives no trailing `/`, so a folder is the
        // components but the last, and a file name the last.
        let regionFile = Self.components(absolute(overlay(for: region)))
        guard let first = bases.first else {
            let folders = [region0, region1].map { Array(Self.components(absolute($0)).dropLast()) }
            let common = Array(zip(folders[0], folders[1]).prefix { $0 == $1 }.map(\.0))
            return [Self.name(regionFile, under: common, region: region)]
        }
        let folder = Array(Self.components(absolute(first)).dropLast())
        return bases.map { Self.lastName(absolute($0)) } + [Self.name(regionFile, under: folder, region: region)]
    }

    private static func name(_ components: [Substring], under folder: [Substring], region: Int) -> String {
        if !folder.isEmpty, components.count > folder.count, Array(components.prefix(folder.count)) == folder {
            return components.dropFirst(folder.count).joined(separator: "/")
        }
        return "region\(region)/" + (components.last ?? "")
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

/// The roles an 8.7 Operate/Tasklist basic-auth user can have (`userId` is OWNER, `operatorUserId` OPERATOR,
/// `readerUserId` USER).
public enum BasicAuthRole: String, Sendable, Codable, CaseIterable {
    case owner = "OWNER"
    case `operator` = "OPERATOR"
    case user = "USER"

    /// The 8.8 default roles (Orchestration Cluster authorizations, camunda-docs
    /// `docs/components/concepts/access-control/authorizations.md` § Default roles) closest to the 8.7 role:
    /// OWNER → `admin`; OPERATOR → `readonly-admin` and `task-worker` (8.8 has no default role that changes process
    /// instances without administering the cluster: an inference, the step says so); USER (read-only) → `readonly-admin`.
    public var roles88: [String] {
        switch self {
        case .owner: ["admin"]
        case .operator: ["readonly-admin", "task-worker"]
        case .user: ["readonly-admin"]
        }
    }
}

public enum IdentityProvider: String, Sendable, Codable, CaseIterable {
    /// The chart's bundled Keycloak (`identityKeycloak`).
    case keycloak
    /// An external OIDC provider (Microsoft Entra ID, Okta, …).
    case oidc
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

    /// Brokers in each region's StatefulSet: half the cluster.
    public var brokersPerRegion: Int { size / 2 }
}

public enum Ingress: String, Sendable, Codable, CaseIterable {
    case none, combined, separated
}
