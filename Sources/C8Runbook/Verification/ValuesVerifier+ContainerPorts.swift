import Foundation

extension ValuesVerifier.Check {
    /// The ports of the one orchestration container, with the keys that set them and the 13.x defaults: the broker
    /// (command, internal) and the gateway (grpc) share the pod in 8.8 (CHART 13.10.2
    /// `templates/orchestration/statefulset.yaml` `ports:` http, command, internal, management, grpc from
    /// `orchestration.service.*Port`; `values.yaml` 8080, 26501, 26502, 9600, 26500).
    static let containerPorts: [(key: String, fallback: String)] = [
        ("httpPort", "8080"), ("commandPort", "26501"), ("internalPort", "26502"), ("managementPort", "9600"), ("grpcPort", "26500"),
    ]

    /// Whether both ports are in one of the two Services (`orchestration.service`: management, http, grpc; the headless
    /// one: management, internal, command).
    static func sameService(_ a: String, _ b: String) -> Bool {
        let main: Set = ["managementPort", "httpPort", "grpcPort"], headless: Set = ["managementPort", "internalPort", "commandPort"]
        return (main.contains(a) && main.contains(b)) || (headless.contains(a) && headless.contains(b))
    }

    /// R13: no two equal container ports in the orchestration pod. The two Services are checked apart
    /// (`servicePorts`); a clash between them, such as an 8.7 broker `commandPort: 26500` next to the gateway's grpc
    /// 26500 (two pods in 8.7, one in 8.8), only shows in the container, whose two listeners cannot share a port.
    mutating func containerPorts(_ region: Region) {
        let service = region.new.at("orchestration.service")
        var seen: [(name: String, port: String)] = []
        for (name, fallback) in Self.containerPorts {
            let key = "orchestration.service.\(name)"
            let port = service?[name]?.text ?? fallback
            // A clash inside one Service is `servicePorts`' to report.
            if let other = seen.first(where: { $0.port == port && !Self.sameService(name, $0.name) }) {
                fail(region, key, "R13", "port \(port) is also orchestration.service.\(other.name): the orchestration container (broker and gateway in one pod since 8.8) would listen on it twice; give the two keys different ports", .input)
            }
            seen.append((name, port))
        }
    }
}
