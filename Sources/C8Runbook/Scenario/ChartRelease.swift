/// One released 13.x chart (Camunda 8.8) and the Camunda image it pins, read off the chart's own files.
///
/// Source: camunda/camunda-platform-helm, tag `camunda-platform-8.8-<chart>`,
/// `charts/camunda-platform-8.8/values.yaml` (`orchestration.image.tag`, `elasticsearch.image.tag`).
public struct ChartRelease: Sendable, Equatable {
    /// The chart version, `13.N.N`.
    public let chart: ChartVersion
    /// The `camunda/camunda` image tag of `orchestration.image.tag`, `8.8.N`.
    public let camunda: String
    /// The Bitnami Elasticsearch subchart image tag (`elasticsearch.image.tag`).
    public let elasticsearch: String

    init(_ chart: String, _ camunda: String, elasticsearch: String = "8.18.0") {
        self.chart = ChartVersion(chart)!
        self.camunda = camunda
        self.elasticsearch = elasticsearch
    }

    /// The Camunda patch number of the image (`35` for `8.8.35`).
    public var camundaPatch: Int { Int(camunda.split(separator: ".").last ?? "") ?? 0 }

    /// The git tag of this chart in camunda/camunda-platform-helm.
    public var tag: String { "camunda-platform-8.8-\(chart)" }

    /// Whether this chart's image carries `fix` (false while no released image is known to carry it).
    public func has(_ fix: Fix) -> Bool { fix.firstImagePatch.map { camundaPatch >= $0 } ?? false }

    /// A fix in Camunda that a step of the upgrade relies on.
    public enum Fix: String, Sendable, CaseIterable {
        /// A broker restart no longer flips a disabled exporter back to `ENABLED` (camunda/camunda#52260,
        /// fixed in 8.8.25; rules.md R53).
        case exporterStaysDisabled = "camunda/camunda#52260"
        /// The Tasklist importer marks its import positions completed after a restart (camunda/camunda#56595, fixed
        /// by camunda/camunda#56596, merged into stable/8.8 on 2026-07-02). No released image could be confirmed to carry
        /// it from the sources at hand, so every chart gets the warning.
        case tasklistImporterCompletes = "camunda/camunda#56595"

        /// The first `8.8.N` image that carries the fix; nil when none is confirmed.
        public var firstImagePatch: Int? {
            switch self {
            case .exporterStaysDisabled: 25
            case .tasklistImporterCompletes: nil
            }
        }
    }
}

extension ChartRelease {
    /// Every 13.x chart from 13.0.0 to 13.12.7, oldest first, as read from the tags of camunda/camunda-platform-helm.
    public static let known: [ChartRelease] = [
        ChartRelease("13.0.0", "8.8.0"), ChartRelease("13.1.0", "8.8.1"), ChartRelease("13.1.1", "8.8.2"),
        ChartRelease("13.1.2", "8.8.3"), ChartRelease("13.2.0", "8.8.4"), ChartRelease("13.2.1", "8.8.4"),
        ChartRelease("13.2.2", "8.8.5"), ChartRelease("13.3.0", "8.8.6"), ChartRelease("13.3.1", "8.8.7"),
        ChartRelease("13.3.2", "8.8.8"), ChartRelease("13.4.0", "8.8.9"), ChartRelease("13.4.1", "8.8.9"),
        ChartRelease("13.4.2", "8.8.11"), ChartRelease("13.5.0", "8.8.13"), ChartRelease("13.5.1", "8.8.14"),
        ChartRelease("13.5.2", "8.8.14"), ChartRelease("13.5.3", "8.8.15"), ChartRelease("13.5.4", "8.8.16"),
        ChartRelease("13.5.5", "8.8.19"), ChartRelease("13.6.0", "8.8.21"), ChartRelease("13.7.0", "8.8.21"),
        ChartRelease("13.7.1", "8.8.22"), ChartRelease("13.7.2", "8.8.23"), ChartRelease("13.8.0", "8.8.23"),
        ChartRelease("13.9.0", "8.8.24"), ChartRelease("13.9.1", "8.8.24"), ChartRelease("13.10.0", "8.8.24"),
        ChartRelease("13.10.1", "8.8.24"), ChartRelease("13.10.2", "8.8.26"), ChartRelease("13.11.0", "8.8.27"),
        ChartRelease("13.11.1", "8.8.27"), ChartRelease("13.12.0", "8.8.29"), ChartRelease("13.12.1", "8.8.30"),
        ChartRelease("13.12.2", "8.8.31"), ChartRelease("13.12.3", "8.8.32"), ChartRelease("13.12.4", "8.8.33"),
        ChartRelease("13.12.5", "8.8.34"), ChartRelease("13.12.6", "8.8.35"), ChartRelease("13.12.7", "8.8.35"),
    ]

    /// The newest known chart: the default target of `example` and `init`.
    public static var newest: ChartRelease { known[known.count - 1] }

    /// The known release of `version`, nil for a chart this table does not list.
    public static func release(_ version: String) -> ChartRelease? {
        guard let version = ChartVersion(version) else { return nil }
        return known.first { $0.chart == version }
    }

    /// The first known chart whose image carries `fix`.
    public static func first(with fix: Fix) -> ChartRelease? { known.first { $0.has(fix) } }
}
