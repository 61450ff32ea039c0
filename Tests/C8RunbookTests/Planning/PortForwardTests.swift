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

    /// Each port-forward's label names its local port and its own terminal: a step's second port-forward runs
    /// beside the first, so it is a third terminal, not "a second" one already in use.
    @Test func eachPortForwardNamesItsLocalPortAndItsOwnTerminal() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        var twoInOneStep = 0
        for step in Planner().plan(example).steps {
            let forwards = CommandGroup.groups(of: step).filter(\.isPortForward)
            for (index, group) in forwards.enumerated() {
                let port = try #require(Self.localPort(group.commands[0]))
                let label = try #require(group.label)
                #expect(label.containsBytes("local port \(port),"), "\(step.id): \(label)")
                #expect(label.hasPrefix(index == 0 ? "In a second terminal" : "In a third terminal"), "\(step.id): \(label)")
            }
            if forwards.count == 2 { twoInOneStep += 1 }
        }
        #expect(twoInOneStep > 0, "verify.data forwards both regions")
    }

    /// `verify.topology` reuses the port-forward `migration.watch` left running (the same command): the label
    /// must not contradict the step's prose, which says to skip it then.
    @Test func theLabelAllowsKeepingTheSameCommandRunning() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        let step = try #require(Planner().plan(example).steps.first { $0.id == "verify.topology" })
        #expect(step.body.containsBytes("skip that command"))
        let label = try #require(CommandGroup.groups(of: step).first(where: \.isPortForward)?.label)
        #expect(label.containsBytes("unless it is this same command"), "\(label)")
    }

    /// Region 1's REST API is always forwarded to local port 8081 (region 0's to 8080), so that a forward left
    /// running from an earlier step never serves the other region's API on the port a later step curls.
    @Test func eachRegionsRESTAPIHasItsOwnLocalPortInEveryStep() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        var checked = 0
        for scenario in [example] + example.variants {
            for step in Planner().plan(scenario).steps {
                for command in step.commands where command.containsBytes(" port-forward ") && command.hasSuffix(":8080") {
                    let id = scenario.regions.first { command.containsBytes("--context \($0.kubeContext) ") }?.id
                    #expect(Self.localPort(command) == "\(8080 + (id ?? -1))", "\(step.id): \(command)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }
}

@Suite struct LocalPortTests {
    /// The port is read from the last space-separated word, trailing spaces aside, as splitting on spaces does.
    @Test(arguments: [
        ("kubectl --context a -n b port-forward svc/x 8080:8080", "8080"),
        ("kubectl port-forward svc/x 9600:9600   ", "9600"),
        ("8081:8080", "8081"),
        ("kubectl port-forward svc/x :8080", nil),
        ("kubectl port-forward svc/x 80a:8080", nil),
        ("kubectl port-forward svc/x ８０:8080", nil),
        ("kubectl port-forward svc/x", nil),
        ("   ", nil),
        ("", nil),
    ] as [(String, String?)])
    func localPortIsTheLastWordsNumberBeforeTheColon(command: String, expected: String?) {
        #expect(CommandGroup.localPort(command).map(String.init) == expected)
        let split = command.split(separator: " ").last.flatMap { last -> Substring? in
            guard let colon = last.firstIndex(of: ":") else { return nil }
            let port = last[..<colon]
            return !port.isEmpty && port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber) ? port : nil
        }
        #expect(CommandGroup.localPort(command) == split, "the same as splitting the command on spaces")
    }
}
