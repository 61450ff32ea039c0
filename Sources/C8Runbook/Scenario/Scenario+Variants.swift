extension Scenario {
    /// Every combination of the choices a scenario makes (storage type × layout and exporter management ×
    /// message compression × Identity × Optimize × API security), applied to this scenario: 108 valid scenarios
    /// (Optimize needs Identity, so Optimize without it is left out).
    /// Used to exercise the rules and to benchmark the planner.
    public var variants: [Scenario] {
        var result: [Scenario] = []
        let setups: [(SecondaryStorage.Layout, Exporters.Management)] = [(.perRegion, .manual), (.shared, .manual), (.shared, .helmManaged)]
        for type in SecondaryStorage.Kind.allCases {
            for (layout, management) in setups {
                for compression in MessageCompression.allCases {
                    for identity in [false, true] {
                        for optimize in [false, true] where identity || !optimize {
                            for api in APISecurity.allCases {
                                result.append(variant(type: type, layout: layout, management: management, compression: compression,
                                                      identity: identity, optimize: optimize, api: api))
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    private func variant(type: SecondaryStorage.Kind, layout: SecondaryStorage.Layout, management: Exporters.Management,
                         compression: MessageCompression, identity: Bool, optimize: Bool, api: APISecurity) -> Scenario {
        var s = self
        let prefix = type == .elasticsearch ? "ELASTICSEARCH" : "OPENSEARCH"
        s.secondaryStorage.type = type
        s.secondaryStorage.layout = layout
        if layout == .shared { s.secondaryStorage.urls = [secondaryStorage.urls[0], secondaryStorage.urls[0]] }
        if type == .opensearch { s.secondaryStorage.provisioning = .external }
        s.exporters.management = management
        switch (layout, management) {
        case (_, .helmManaged): s.exporters.legacy = []
        case (.shared, .manual): s.exporters.legacy = [LegacyExporter(segment: prefix, region: nil)]
        case (.perRegion, .manual): s.exporters.legacy = [0, 1].map { (region: Int) in LegacyExporter(segment: "\(prefix)REGION\(region)", region: region) }
        }
        s.messageCompression = compression
        s.identity = identity
        if identity {
            s.basicAuthUsers = []
            s.basicAuthRoles = [:]
            s.valuesFiles.users = nil
        }
        s.optimize = optimize
        s.apiSecurity = api
        if api == .unprotected { s.multiTenancy = false }
        return s
    }
}
