/// Service keys move by meaning, not by name (issue 9 item 2). In 12.x `zeebe.service.httpPort` and
/// `zeebeGateway.service.httpPort` (9600) are the management/metrics port and `zeebeGateway.service.restPort` (8080)
/// the REST port; in 13.x `orchestration.service.managementPort` is 9600 and `orchestration.service.httpPort` is 8080.
/// The 12.x broker Service was headless; its annotations and type belong to `orchestration.service.headless`.
/// Sources: camunda-platform-helm `camunda-platform-8.7-12.7.6` `charts/camunda-platform-8.7/templates/zeebe/service.yaml`,
/// `zeebe-gateway/service.yaml`, `values.yaml`; `camunda-platform-8.8-13.10.2`
/// `charts/camunda-platform-8.8/templates/orchestration/service.yaml`, `service-headless.yaml`, `values.yaml`.
extension FileMigration {
    /// 12.x `zeebe.service` key → 13.x key under `orchestration.service`.
    static let brokerServiceKeys: [String: String] = [
        "httpPort": "managementPort", "httpName": "managementName", "commandPort": "commandPort", "commandName": "commandName",
        "internalPort": "internalPort", "internalName": "internalName", "annotations": "headless.annotations",
        "type": "headless.type", "extraPorts": "extraPorts",
    ]
    /// 12.x `zeebeGateway.service` key → 13.x key under `orchestration.service`.
    static let gatewayServiceKeys: [String: String] = [
        "httpPort": "managementPort", "httpName": "managementName", "grpcPort": "grpcPort", "grpcName": "grpcName",
        "restPort": "httpPort", "restName": "httpName", "internalPort": "internalPort", "internalName": "internalName",
        "commandPort": "commandPort", "annotations": "annotations", "type": "type", "loadBalancerIP": "loadBalancerIP",
        "loadBalancerSourceRanges": "loadBalancerSourceRanges", "extraPorts": "extraPorts",
    ]
    /// 12.x default port names. They are not the 13.x names (`http` is the REST port's name in 13.x), so a default
    /// name carried over would give two ports one name; the 13.x defaults take their place.
    static let defaultPortNames = ["httpName": "http", "restName": "rest", "grpcName": "gateway", "commandName": "command", "internalName": "internal"]

    /// Moves the children of a 12.x `service` block (`block` is `zeebe` or `zeebeGateway`) into `target`
    /// (`orchestration.service`) by meaning.
    mutating func moveService(_ service: ValuesEntry, block: String, into target: inout ValuesNode) {
        let keys = block == "zeebe" ? Self.brokerServiceKeys : Self.gatewayServiceKeys
        for child in service.value.entries ?? [] {
            let from = "\(block).service.\(child.key)"
            let at = child.keyLocation
            if let name = Self.defaultPortNames[child.key], child.value.text == name {
                note(from, .removed, "R13", at, "\(from): '\(name)' is the 12.x default port name; 13.x names its ports itself (a 12.x name carried over could name two ports alike)")
                continue
            }
            guard let newPath = keys[child.key] else {
                note(from, .review, "R13", at, "\(from) dropped: no 13.x equivalent known; check orchestration.service in the 13.x chart")
                continue
            }
            let to = "orchestration.service.\(newPath)"
            let components = newPath.split(separator: ".").map(String.init)
            var parent = components.count > 1 ? (target[components[0]] ?? .mapping([])) : target
            let key = components.last!
            if child.key == "extraPorts", let added = child.value.items {
                let merged = mergeList(parent[key]?.items ?? [], added, list: "extraPorts", target: to, source: from)
                var moved = child
                moved.key = key
                moved.value.content = .sequence(merged)
                if parent[key] == nil { parent.insert(moved) } else { parent.set(key, moved.value) }
            } else if let existing = parent[key] {
                if !existing.isEquivalent(to: child.value) {
                    note(from, .review, "R13", at, "\(from) dropped: \(to) is already set (from the other 8.7 block) to another value; 13.x has one Service for both, keep the one you need")
                    continue
                }
            } else {
                var moved = child
                moved.key = key
                parent.insert(moved)
            }
            if components.count > 1 { target.set(components[0], parent) } else { target = parent }
            let meaning = child.key == "httpPort" ? " (the management port: in 13.x httpPort is the REST port)"
                : child.key == "restPort" ? " (the REST port)" : ""
            note(to, .moved, "R13", at, "\(from) moved to \(to)\(meaning)")
        }
    }
}
