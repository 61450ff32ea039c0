/// The combined Ingress keeps a route to the Orchestration Cluster (rules.md R33, issue 9 item 5). In 12.x it routed
/// `operate.contextPath`, `tasklist.contextPath` and `zeebeGateway.contextPath`; in 13.x it routes the one
/// `orchestration.contextPath`, and only when that is set (camunda-platform-helm `camunda-platform-8.7-12.7.6`
/// `templates/camunda/ingress.yaml`; `camunda-platform-8.8-13.10.2` `templates/common/ingress-http.yaml`:
/// `if and .Values.orchestration.enabled .Values.orchestration.contextPath`).
extension FileMigration {
    mutating func keepIngressRoute() {
        guard !droppedContextPaths.isEmpty, root.node(at: "global.ingress.enabled")?.boolValue == true,
              root.node(at: "orchestration.contextPath")?.text?.isEmpty ?? true else { return }
        // The gateway's path keeps the REST API's prefix ({contextPath}/v2); otherwise the chart's own suggestion.
        let gateway = droppedContextPaths.first { $0.block == "zeebeGateway" }
        let path = gateway?.path ?? "/orchestration"
        var orchestration = loadOrchestration()
        var node = ValuesNode.string(path)
        node.location = gateway?.location
        orchestration.set("contextPath", node)
        store(orchestration)
        let host = root.node(at: "global.ingress.host")?.text.map { (root.node(at: "global.ingress.tls.enabled")?.boolValue == true ? "https://" : "http://") + $0 } ?? "{ingress host}"
        let before = droppedContextPaths.map { "\($0.block) \(host)\($0.path)" }.joined(separator: ", ")
        let base = path == "/" ? "" : path
        note("orchestration.contextPath", gateway == nil ? .review : .added, "R33", gateway?.location ?? droppedContextPaths.first?.location,
             "orchestration.contextPath: \(path) so that the combined Ingress keeps a route to the Orchestration Cluster (13.x routes only orchestration.contextPath). New URLs: Operate \(host)\(base)/operate, Tasklist \(host)\(base)/tasklist, REST API \(host)\(base)/v2 (8.7: \(before))")
    }
}
