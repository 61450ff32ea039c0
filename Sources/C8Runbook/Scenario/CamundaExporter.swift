/// The 8.8 Camunda Exporters this upgrade defines (rules.md R18, V12).
public struct CamundaExporter: Sendable, Equatable {
    public static let className = "io.camunda.exporter.CamundaExporter"
    /// Names a legacy exporter may not take. `CAMUNDAEXPORTER` would collide with the chart's own exporter (R18).
    static let reservedSegments: Set<String> = ["CAMUNDAREGION0", "CAMUNDAREGION1", "CAMUNDASHARED", "CAMUNDAEXPORTER"]

    /// The env segment, `CAMUNDAREGION0`.
    public var segment: String
    /// The region whose storage it writes to; nil for a shared storage.
    public var region: Int?
    public var url: String

    public var id: String { segment.lowercased() }
}
