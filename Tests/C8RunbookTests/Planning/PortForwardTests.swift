import Testing
@testable import C8Runbook

/// A port-forward keeps running in its terminal after its step. A later step that forwards the same local port
/// would fail ("address already in use"): its command's label says to stop the running one first.
@Suite struct PortForwardTests {
    /// The local port of a `kubectl port-forward … LOCAL:REMOTE` command.
    static func localPort(_ command: String) -> String? {
        guard command.containsBytes(" port-forward ") else { return nil }
        return command.split(separator: " ").last.flatMap { $0.split(separator: ":").first }.map(String.init)
    }

    @Test func aStepThatForwardsAPortAlreadyForwardedSaysWhatToDoWithTheRunningOne() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        var checked = 0
        for scenario in [example] + example.variants {
            var held: [String: String] = [:]  // local port → the step whose port-forward holds it
            for step in Planner().plan(scenario).steps where step.phase != .troubleshooting {
                for command in step.commands {
                    guard let port = Self.localPort(command) else { continue }
                    if let earlier = held[port] {
                        let group = try #require(CommandGroup.groups(of: step).first { $0.commands.contains(command) })
                        #expect(group.isPortForward && group.label?.containsBytes("stop it first") == true,
                                "\(step.id) forwards local port \(port), still held by \(earlier)'s port-forward")
                        checked += 1
                    }
                    held[port] = step.id
                }
            }
        }
        #expect(checked > 0)
    }
}
