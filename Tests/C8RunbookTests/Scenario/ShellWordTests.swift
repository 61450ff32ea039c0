import Foundation
import Testing
@testable import C8Runbook

@Suite struct ShellWordTests {
    @Test(arguments: [
        ("cluster-london", "cluster-london"),
        ("arn:aws:eks:eu-west-1:111122223333:cluster/orders", "arn:aws:eks:eu-west-1:111122223333:cluster/orders"),
        ("admin@kind-dev", "admin@kind-dev"),
        ("my context", "'my context'"),
        ("it's", #"'it'\''s'"#),
        ("$(rm -rf /)", "'$(rm -rf /)'"),
        ("a;b|c&d", "'a;b|c&d'"),
        ("", "''"),
    ])
    func quotesOnlyWhatAShellWouldReinterpret(_ word: String, _ quoted: String) {
        #expect(ShellWord.quote(word) == quoted)
    }

    @Test func hostileKubeContextIsQuotedInEveryCommand() throws {
        let yaml = ScenarioFixture().yaml.replacingOccurrences(of: "kubeContext: ctx-one", with: "kubeContext: \"prod; rm -rf $HOME\"")
        let runbook = Planner().plan(try Scenario.parse(yaml: yaml, file: "s.yml"))
        let commands = runbook.steps.filter { $0.region == 1 }.flatMap(\.commands)
        #expect(!commands.isEmpty)
        for command in commands where command.contains("prod;") {
            #expect(command.contains("'prod; rm -rf $HOME'"), "\(command)")
        }
        #expect(commands.allSatisfy { !$0.contains("context prod;") })
    }
}
