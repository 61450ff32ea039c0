import Testing
@testable import C8Runbook

/// Scenarios for tests: the reference, and every combination of the choices a scenario makes.
struct ScenarioFixture: CustomTestStringConvertible, Sendable {
    var type = SecondaryStorage.Kind.elasticsearch
    var layout = SecondaryStorage.Layout.perRegion
    var management = Exporters.Management.manual
    var compression = MessageCompression.gzip
    var identity = false
    var optimize = false
    var api = APISecurity.protected
    var gatewayEnv = true
    var chartLine = "chart: { from: 12.7.6, to: 13.10.2 }"
    /// The `cluster:` line; empty for a scenario that does not say its sizing.
    var cluster = "cluster: { size: 8, partitions: 8, replicationFactor: 4 }"
    var extra = ""

    var testDescription: String {
        "\(type.rawValue)/\(layout.rawValue)/\(management.rawValue)/\(compression.rawValue)/identity=\(identity)/optimize=\(optimize)/\(api.rawValue)"
    }

    var yaml: String {
        let prefix = type == .elasticsearch ? "ELASTICSEARCH" : "OPENSEARCH"
        let urls = layout == .shared
            ? "{ shared: \"http://search.example.com:9200\" }"
            : "{ region0: \"http://camunda-elasticsearch-master-hl.ns-zero.svc.cluster.local:9200\", region1: \"http://camunda-elasticsearch-master-hl.ns-one.svc.cluster.local:9200\" }"
        var legacy = ""
        if management == .manual {
            legacy = layout == .shared
                ? "  legacy: [ { segment: \(prefix) } ]\n"
                : "  legacy:\n    - { segment: \(prefix)REGION0, region: 0 }\n    - { segment: \(prefix)REGION1, region: 1 }\n"
        }
        return """
        version: 1
        release: camunda
        \(chartLine)
        regions:
          - { id: 0, kubeContext: ctx-zero, namespace: ns-zero }
          - { id: 1, kubeContext: ctx-one, namespace: ns-one }
        secondaryStorage:
          type: \(type.rawValue)
          layout: \(layout.rawValue)
          urls: \(urls)
        exporters:
          management: \(management.rawValue)
        \(legacy)messageCompression: \(compression.rawValue)
        gatewayEnv: \(gatewayEnv ? "[ { name: ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT, value: 500ms } ]" : "[]")
        identity: \(identity || optimize)
        optimize: \(optimize)
        apiSecurity: \(api.rawValue)
        \(cluster)
        \(extra)
        """
    }

    var scenario: Scenario {
        get throws { try Scenario.parse(yaml: yaml, file: "fixture.yml") }
    }

    static var reference: Scenario {
        get throws { try Scenario.parse(yaml: Scenario.exampleYAML, file: "reference.yml") }
    }

    /// Every valid combination (Optimize needs Identity; `optimize: true` alone writes `identity: true` as well) of layout × management × compression × identity × optimize × API security × storage type.
    static let all: [ScenarioFixture] = {
        var fixtures: [ScenarioFixture] = []
        let exporterSetups: [(SecondaryStorage.Layout, Exporters.Management)] = [(.perRegion, .manual), (.shared, .manual), (.shared, .helmManaged)]
        for type in SecondaryStorage.Kind.allCases {
            for (layout, management) in exporterSetups {
                for compression in MessageCompression.allCases {
                    for identity in [false, true] {
                        for optimize in [false, true] where identity || !optimize {
                            for api in APISecurity.allCases {
                                fixtures.append(ScenarioFixture(type: type, layout: layout, management: management, compression: compression,
                                                                identity: identity, optimize: optimize, api: api))
                            }
                        }
                    }
                }
            }
        }
        return fixtures
    }()
}
