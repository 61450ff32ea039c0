import Foundation
import Testing
@testable import C8Runbook

/// The JSON runbook says what the Markdown and HTML runbooks say above each block of commands: which commands run on
/// in a terminal of their own (a port-forward) and which come back to the first terminal. Before, a script reading
/// the JSON could not tell a port-forward that must keep running from a command to paste and wait for.
@Suite struct StepJSONTests {
    @Test func everyCommandHasTheLabelTheMarkdownShowsAboveItsBlock() throws {
        for scenario in try ScenarioFixture.reference.variants {
            let runbook = Planner().plan(scenario)
            let json = try #require(JSONSerialization.jsonObject(with: Data(runbook.jsonText.utf8)) as? [String: Any])
            let phases = try #require(json["phases"] as? [[String: Any]])
            let markdown = runbook.rendered(as: .markdown)
            var portForwards = 0
            for step in phases.flatMap({ $0["steps"] as? [[String: Any]] ?? [] }) {
                let id = step["id"] as? String ?? "?"
                let commands = try #require(step["commands"] as? [String])
                let labels = try #require(step["commandLabels"] as? [Any], "\(id)")
                #expect(labels.count == commands.count, "\(id)")
                for (command, label) in zip(commands, labels) {
                    let text = label as? String
                    #expect(text != nil || label is NSNull, "\(id)")
                    if command.contains(" port-forward ") {
                        portForwards += 1
                        // Its own terminal, and the local port it holds (the last word's first number).
                        let port = try #require(command.split(separator: " ").last?.split(separator: ":").first)
                        #expect(text?.hasPrefix("In a ") == true && text?.contains("terminal") == true, "\(id): \(text ?? "nil")")
                        #expect(text?.contains("local port \(port)") == true, "\(id): \(text ?? "nil")")
                    }
                    if let text { #expect(markdown.contains(text), "\(id): the Markdown shows '\(text)'") }
                }
            }
            #expect(portForwards > 0)
        }
    }

    @Test func theLabelsAreDerivedNotStored() throws {
        // Decoding ignores them and the model round-trips; the step's content hash does not include them.
        let runbook = Planner().plan(try ScenarioFixture.reference)
        let decoded = try JSONDecoder().decode(Runbook.self, from: Data(runbook.jsonText.utf8))
        #expect(decoded == runbook)
        #expect(decoded.jsonText == runbook.jsonText)
    }
}
