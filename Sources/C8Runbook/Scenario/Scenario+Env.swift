/// The `orchestration.env` entries the rules compute, shared by the steps that show them one by one and the
/// step that shows the whole list (R31).
extension Scenario {
    typealias Entry = ValuesSnippet.EnvEntry

    /// R14: every 8.7 `ZEEBE_GATEWAY_*` variable under its embedded-gateway name `ZEEBE_BROKER_GATEWAY_*`.
    var renamedGatewayEntries: [Entry] {
        var entries: [Entry] = []
        if compressionEnabled {
            entries.append(Entry(name: "ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION", value: messageCompression.rawValue))
        }
        entries += gatewayEnv.map {
            Entry(name: "ZEEBE_BROKER_GATEWAY_" + $0.name.dropFirst("ZEEBE_GATEWAY_".count), value: $0.value)
        }
        return entries
    }

    /// R15: the three message-compression variables, the old-prefix one kept only for the importer.
    var compressionEntries: [Entry] {
        guard compressionEnabled else { return [] }
        let value = messageCompression.rawValue
        return [
            Entry(name: "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION", value: value,
                  comment: "old prefix, kept ONLY for the importer until post-migration"),
            Entry(name: "ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION", value: value, comment: "broker (unchanged)"),
            Entry(name: "ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION", value: value, comment: "embedded gateway (renamed)"),
        ]
    }

    /// R17: the 8.7 exporters, unchanged.
    var legacyExporterEntries: [Entry] {
        exporters.legacy.flatMap { exporter in
            [
                Entry(name: "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_CLASSNAME", value: legacyClassName),
                Entry(name: "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_URL", value: url(of: exporter)),
            ]
        }
    }

    /// R18: one Camunda Exporter per storage, `_ARGS_CONNECT_URL` (not `_ARGS_URL`), and the connect type for OpenSearch.
    var camundaExporterEntries: [Entry] {
        camundaExporters.flatMap { exporter in
            var entries = [
                Entry(name: "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_CLASSNAME", value: CamundaExporter.className),
                Entry(name: "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_CONNECT_URL", value: exporter.url),
            ]
            if secondaryStorage.type == .opensearch {
                entries.append(Entry(name: "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_CONNECT_TYPE", value: "opensearch"))
            }
            return entries
        }
    }

    /// The legacy env names the post-migration clean-up deletes (R53).
    var legacyExporterVariableNames: [String] { legacyExporterEntries.map(\.name) }
}
