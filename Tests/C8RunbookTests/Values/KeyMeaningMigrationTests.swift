@testable import C8Runbook
import Foundation
import Testing

/// Keys move by meaning, not by name (issue 9 item 2): ports, contextPath, spellings the 12.x chart ignores, paths
/// of the 8.7 image, init containers pinned to 8.7 images.
@Suite("c8runbook values: keys move by meaning", .enabled(if: PodListMigrationTests.casesAvailable))
struct KeyMeaningMigrationTests {
    typealias Support = ValuesTestSupport
    typealias Cases = PodListMigrationTests

    static func migrate(_ edit: @escaping (String) -> String) throws -> (ValuesMigrationResult, ValuesNode) {
        try Cases.migrate(try Cases.input(edit), .migration)
    }

    @Test("12.x httpPort is the management port, restPort the REST port; 12.x default port names are not carried")
    func ports() throws {
        let (result, root) = try Self.migrate { text in
            text.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    service:\n        httpPort: 9601\n        httpName: http\n        annotations:\n            team: payments\n    clusterSize: 8\n")
                .replacingOccurrences(of: "zeebeGateway:\n", with: "zeebeGateway:\n    service:\n        httpPort: 9601\n        restPort: 8081\n        restName: rest\n        grpcName: gateway\n        loadBalancerIP: 10.0.0.1\n")
        }
        #expect(result.problems.isEmpty)
        #expect(Support.scalar(root, "orchestration.service.managementPort") == "int:9601")
        #expect(Support.scalar(root, "orchestration.service.httpPort") == "int:8081")
        #expect(Support.scalar(root, "orchestration.service.headless.annotations.team") == "string:payments")
        #expect(Support.scalar(root, "orchestration.service.loadBalancerIP") == "string:10.0.0.1")
        for key in ["managementName", "httpName", "grpcName"] { #expect(Support.scalar(root, "orchestration.service.\(key)") == "absent") }
        #expect(result.changes.contains { $0.path == "orchestration.service.managementPort" && $0.message.hasPrefix("zeebe.service.httpPort moved") })
    }

    @Test("two different management ports in the two 8.7 blocks: the broker's is kept and the gateway's is a review item")
    func differentManagementPorts() throws {
        let (result, root) = try Self.migrate { text in
            text.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    service:\n        httpPort: 9600\n    clusterSize: 8\n")
                .replacingOccurrences(of: "zeebeGateway:\n", with: "zeebeGateway:\n    service:\n        httpPort: 9700\n")
        }
        #expect(Support.scalar(root, "orchestration.service.managementPort") == "int:9600")
        #expect(result.changes.contains { $0.kind == .review && $0.path == "zeebeGateway.service.httpPort" })
    }

    @Test("zeebe.contextPath and the pre-10.x block zeebe-gateway are dropped and reported, not carried")
    func ignoredKeys() throws {
        let (result, root) = try Self.migrate { text in
            text.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    contextPath: /zeebe\n    clusterSize: 8\n") + "\nzeebe-gateway:\n    replicas: 3\n"
        }
        #expect(root["zeebe-gateway"] == nil)
        #expect(Support.scalar(root, "orchestration.contextPath") == "absent")
        #expect(result.changes.contains { $0.kind == .review && $0.path == "zeebe-gateway" && $0.source?.line != nil })
        #expect(result.changes.contains { $0.kind == .review && $0.path == "zeebe.contextPath" })
    }

    @Test("/usr/local/zeebe becomes /usr/local/camunda in mounts, env values and javaOpts; other paths stay")
    func imagePaths() throws {
        let (_, root) = try Self.migrate { text in
            text.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    javaOpts: >-\n        -XX:HeapDumpPath=/usr/local/zeebe/data\n        -Dx=/usr/local/zeebe-extra\n    clusterSize: 8\n")
                .replacingOccurrences(of: "        - name: ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION\n", with: "        - name: JAVA_TOOL_OPTIONS\n          value: -Dfile=/usr/local/zeebe/config/x.yaml\n        - name: ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION\n")
                .replacingOccurrences(of: "          mountPath: /etc/tls/\n\nzeebeGateway", with: "          mountPath: /usr/local/zeebe/certs\n\nzeebeGateway")
        }
        let javaOpts = try #require(root.node(at: "orchestration.javaOpts")?.text)
        #expect(javaOpts.contains("/usr/local/camunda/data") && javaOpts.contains("/usr/local/zeebe-extra"))
        #expect(Support.env(root, "JAVA_TOOL_OPTIONS") == "-Dfile=/usr/local/camunda/config/x.yaml")
        #expect(Cases.names(root, "orchestration.extraVolumeMounts", "mountPath").contains("/usr/local/camunda/certs"))
    }

    @Test("an init container pinned to an 8.7 image is a review item (it also runs in the migration importer)")
    func initContainers() throws {
        let (result, _) = try Self.migrate { text in
            text.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    initContainers:\n        - name: exporter-jar\n          image: camunda/zeebe:8.7.12\n        - name: other\n          image: busybox:1.36\n    clusterSize: 8\n")
        }
        let reviews = result.changes.filter { $0.kind == .review && $0.path.hasPrefix("orchestration.initContainers") }
        #expect(reviews.map(\.path) == ["orchestration.initContainers[exporter-jar]"])
    }

    @Test("a combined Ingress keeps a route to the Orchestration Cluster: orchestration.contextPath set, new URLs reported")
    func combinedIngress() throws {
        func migrate(gateway: Bool) throws -> (ValuesMigrationResult, ValuesNode) {
            try Self.migrate { text in
                var edited = text.replacingOccurrences(of: "global:\n", with: "global:\n    ingress:\n        enabled: true\n        host: camunda.example.com\n")
                    .replacingOccurrences(of: "operate:\n", with: "operate:\n    contextPath: /operate\n")
                if gateway { edited = edited.replacingOccurrences(of: "zeebeGateway:\n", with: "zeebeGateway:\n    contextPath: /zeebe\n") }
                return edited
            }
        }
        let (withGateway, root) = try migrate(gateway: true)
        #expect(Support.scalar(root, "orchestration.contextPath") == "string:/zeebe")
        let note = try #require(withGateway.changes.first { $0.path == "orchestration.contextPath" && $0.rule == "R33" })
        #expect(note.message.contains("Operate http://camunda.example.com/zeebe/operate") && note.message.contains("REST API http://camunda.example.com/zeebe/v2"))
        let (withoutGateway, other) = try migrate(gateway: false)
        #expect(Support.scalar(other, "orchestration.contextPath") == "string:/orchestration")
        #expect(withoutGateway.changes.contains { $0.path == "orchestration.contextPath" && $0.kind == .review })
    }
}
