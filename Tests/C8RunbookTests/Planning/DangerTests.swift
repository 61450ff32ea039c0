import Foundation
import Testing
@testable import C8Runbook

/// Danger marks (issue 10 item 12): every step and command of every scenario variant is classified from the command
/// itself, the classes match what the commands do, and the renderers show them.
@Suite struct DangerTests {
    static var variants: [Scenario] { get throws { try ScenarioFixture.reference.variants } }

    @Test func everyCommandOfEveryVariantIsKnownToTheClassifier() throws {
        let variants = try Self.variants
        #expect(variants.count == 108)  // 144 combinations less the 36 with Optimize but no Identity (refused since issue 10 item 2)
        var unknown: Set<String> = []
        for scenario in variants {
            for step in Planner().plan(scenario).steps {
                #expect(step.commandDangers.count == step.commands.count, "\(step.id)")
                for command in step.commands where CommandDanger.classify(command) == nil { unknown.insert("\(step.id): \(command)") }
                #expect(step.danger >= (step.commandDangers.max() ?? .readOnly), "\(step.id)")
            }
        }
        #expect(unknown.isEmpty, "commands the classifier does not know: \(unknown.sorted())")
    }

    @Test func classesFollowWhatTheCommandsDo() throws {
        for scenario in try Self.variants {
            for step in Planner().plan(scenario).steps {
                for (command, danger) in zip(step.commands, step.commandDangers) {
                    let simple = CommandDanger.simpleCommands(command)
                    let verbs = simple.map { $0.prefix(6).joined(separator: " ") }
                    if verbs.contains(where: { $0.hasPrefix("kubectl") && $0.contains(" delete ") }) || command.contains("/disable")
                        || command.hasPrefix("helm upgrade") || command.contains("-XPOST") || command.contains("-XPUT") {
                        #expect(danger >= .changes, "\(step.id): \(command)")
                    }
                    if simple.count == 1, let words = simple.first, words.first == "kubectl",
                       words.dropFirst(5).first == "get" || words.dropFirst(5).first == "logs" || words.dropFirst(5).first == "port-forward" {
                        #expect(danger == .readOnly, "\(step.id): \(command)")
                    }
                }
            }
        }
    }

    /// Kube contexts a scenario accepts but a naive splitter misreads: a quote (`'a'\''b'` once quoted), spaces and
    /// parentheses, a separator, a command substitution, a backslash and a double quote.
    static let hostileContexts = ["a'b", "ops@kind cluster (zrh)", "x;y", "$(id)", #"a\"b"#]

    @Test func classesDoNotDependOnHowTheContextsAreSpelled() throws {
        for scenario in try Self.variants {
            let plain = Planner().plan(scenario).steps
            for hostile in Self.hostileContexts {
                var spelled = scenario
                spelled.regions[0].kubeContext = hostile
                spelled.regions[1].kubeContext = hostile + "-1"
                let steps = Planner().plan(spelled).steps
                #expect(steps.map(\.id) == plain.map(\.id), "\(hostile)")
                for (step, reference) in zip(steps, plain) {
                    #expect(step.commands.count == reference.commands.count, "\(step.id) with context \(hostile)")
                    for (command, plainCommand) in zip(step.commands, reference.commands) {
                        #expect(CommandDanger.classify(command) == CommandDanger.classify(plainCommand), "\(step.id) with context \(hostile): \(command)")
                    }
                    #expect(step.commandDangers == reference.commandDangers, "\(step.id) with context \(hostile)")
                    #expect(step.danger == reference.danger, "\(step.id) with context \(hostile)")
                }
            }
        }
    }

    /// The planner's class stops reading a command at its first simple command that is a change or unknown; it must
    /// give what the whole command's classification gives, on every command of every variant and on commands built
    /// by joining read-only, changing and unknown parts in every order with every separator.
    @Test func thePlannersClassIsTheClassifiersOrAChange() throws {
        var commands: Set<String> = []
        for scenario in try Self.variants {
            for step in Planner().plan(scenario).steps { commands.formUnion(step.commands) }
        }
        #expect(commands.count > 50)
        for command in commands {
            #expect(CommandDanger.danger(of: command) == CommandDanger.classify(command) ?? .changes, "\(command)")
        }
        let parts = [
            "kubectl --context a -n b get pods", "kubectl --context a -n b delete pod x", "rm -rf /tmp/x", "echo 'a; b'",
            "helm --kube-context a -n b upgrade r c", "curl -XPOST http://h/v2/x/search -d '{}'", "curl -XPOST http://h/x",
            "sh -c 'kubectl get pods; rm x'", "cat <<'EOF'\nrm -rf /\nEOF", "kubectl exec p -- rm x", "x=$(kubectl get pods)",
        ]
        for first in parts {
            for second in parts {
                for third in ["", "echo done", "unknowncommand", "kubectl -n b apply -f x.yml"] {
                    for separator in ["; ", " && ", " | ", "\n"] {
                        let command = [first, second, third].filter { !$0.isEmpty }.joined(separator: separator)
                        #expect(CommandDanger.danger(of: command) == CommandDanger.classify(command) ?? .changes, "\(command)")
                    }
                }
            }
        }
    }

    /// The planner's class is read over bytes (`CommandDanger+Bytes.swift`), the reference over strings: the two
    /// agree on commands made to meet every branch of the tokenizer and the classifier (quotes across lines, heredocs,
    /// tests, redirects, assignments, substitutions, pods' commands, curl's methods and bodies, text that is not
    /// ASCII), alone and joined two by two with every separator.
    @Test func theByteReadingAgreesWithTheReferenceOnEveryBranch() {
        let parts = [
            "", "   ", ";;", "&&", "|", "a\\", "echo a\\\nb", "echo \\; rm x", "echo a\tb", "echo 'a\nb' && rm x", "echo \"a\\\"\nrm\" x",
            "cat <<-'END'\nrm -rf /\n  END\nkubectl get pods", "cat <<EOF >/tmp/x\nrm\nEOF", "cat <<\"E-F\"\nrm\nEF\nrm x", "cat < x",
            "[[ -n $a && -z $b ]] && rm x", "[[ $a || $b ]] || echo no", "[[ $a ]]; x | y", "echo x > /tmp/a; rm y", "echo x 2>&1 | rm", "echo >>a>b",
            "A=1 B=2 kubectl --context c -n n delete pod p", "x=$(kubectl get pods", "x=$(", "$(rm x)", "$(echo x)", "! kubectl -n x delete pod y",
            "if kubectl get pods; then rm x; fi", "while true; do curl -XPOST http://h/x; done", "_a9=b", "=x rm", "a-b=c echo",
            "kubectl", "kubectl -n", "kubectl --context c -n n rollout", "kubectl rollout status x", "kubectl rollout history", "kubectl rollout undo x",
            "kubectl exec p", "kubectl exec p -- rm x", "kubectl exec p -- echo x", "kubectl run p -- echo x", "kubectl run p --rm -- echo x",
            "kubectl run p --rm -- rm x", "kubectl -- get", "kubectl frobnicate", "kubectl -o get describe", "helm", "helm --kube-context a ls",
            "helm -n a --version 1 uninstall r", "helm plugin x", "sh -c 'kubectl delete pod x'", "bash -c \"echo a\"", "sh x.sh",
            "bash /opt/c8/\(Rule.zeebeValuesScript)", "sh '/x/\(Rule.zeebeValuesScript)'", "sh -c",
            "curl -X get http://h", "curl --request HEAD http://h", "curl -XDELETE http://h", "curl -X", "curl -X 'P\"O\"ST' http://h/search",
            "curl --data-urlencode a=b http://h", "curl --json '{}' 'https://h/v2/x/search'", "curl -F a=b http://h/search?q", "curl -s http://h",
            "kubectl --context 'ü' -n x delete pod p", "é=1 rm x", "echo '\u{301}'; rm x", "kubectl\u{301} get pods", "curl -X\u{301}G http://h",
        ]
        #expect(Set(parts.map(CommandDanger.danger(of:))) == [.readOnly, .changes])
        for first in parts {
            #expect(CommandDanger.danger(of: first) == CommandDanger.classify(first) ?? .changes, "\(first)")
            for second in parts {
                for separator in ["; ", " && ", " | ", "\n", " ", "\\\n"] {
                    let command = first + separator + second
                    #expect(CommandDanger.danger(of: command) == CommandDanger.classify(command) ?? .changes, "\(command)")
                }
            }
        }
    }

    @Test func theTokenizersByteMaskIsItsListOfSpecialBytes() {
        for byte in UInt8.min...UInt8.max {
            #expect(CommandDanger.isSpecial(byte) == CommandDanger.specialBytes.contains(byte), "\(byte)")
        }
    }

    @Test func theTokenizerFollowsShellQuoting() {
        #expect(CommandDanger.simpleCommands(#"kubectl --context 'a'\''b' -n ns delete pvc x"#)
                == [["kubectl", "--context", #"'a'\''b'"#, "-n", "ns", "delete", "pvc", "x"]])
        #expect(CommandDanger.simpleCommands(#"echo a\;b "c\"d;e" f\ g"#) == [["echo", #"a\;b"#, #""c\"d;e""#, #"f\ g"#]])
        #expect(CommandDanger.unquoted(#"'a'\''b'"#) == "a'b")
        #expect(CommandDanger.unquoted(#""a\"b\$c\d""#) == #"a"b$c\d"#)
        #expect(CommandDanger.unquoted(#"a\ b"#) == "a b")
        #expect(CommandDanger.classify(#"for pvc in $(kubectl --context 'a'\''b' -n ns get pvc -o name); do kubectl --context 'a'\''b' -n ns delete "$pvc"; done"#) == .changes)
        #expect(CommandDanger.classify(#"kubectl --context 'a'\''b' -n ns get pods; echo 'x'"#) == .readOnly)
        #expect(CommandDanger.classify(#"echo a\'; rm -rf /"#) == nil, "an escaped quote opens no quote")
    }

    @Test func theUpgradeIsIrreversibleAndTheChecksAreReadOnly() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        for id in ["upgrade.helm.region0", "upgrade.helm.region1"] {
            #expect(try #require(runbook.step(id: id)).danger == .irreversible, "\(id)")
        }
        #expect(try #require(runbook.step(id: "verify.pods.region0")).danger == .readOnly)
        #expect(try #require(runbook.step(id: "post.exporters.disable")).danger == .changes)
        #expect(try #require(runbook.step(id: "troubleshooting.restart-importer.region0")).danger == .changes)
        #expect(try #require(runbook.step(id: "values.cluster-sizing")).danger == .readOnly, "a values edit changes no cluster")
    }

    @Test func theClassifierReadsPipelinesLoopsAndPods() {
        #expect(CommandDanger.classify("kubectl --context a -n b get pods") == .readOnly)
        #expect(CommandDanger.classify("kubectl --context a -n b delete job x") == .changes)
        #expect(CommandDanger.classify("kubectl --context a -n b rollout restart deployment/x") == .changes)
        #expect(CommandDanger.classify("kubectl --context a -n b logs job/x --tail=-1 | grep -E 'a|b'") == .readOnly)
        #expect(CommandDanger.classify("curl -s 'http://localhost:9600/actuator/exporters'") == .readOnly)
        #expect(CommandDanger.classify("curl -s -XPOST 'http://localhost:9600/actuator/exporters/x/disable'") == .changes)
        #expect(CommandDanger.classify("curl -s -X DELETE 'http://x/y'") == .changes)
        #expect(CommandDanger.classify("curl -s -d '{}' 'http://x/y'") == .changes)
        #expect(CommandDanger.classify("for id in a b; do curl -s -XPOST \"http://x/$id/disable\"; done") == .changes)
        #expect(CommandDanger.classify("state=$(curl -s 'http://x' | jq -r .state)") == .readOnly)
        #expect(CommandDanger.classify("kubectl --context a -n b run c8-curl --rm -i --restart=Never --image=curlimages/curl -- curl -s http://x:9200/") == .readOnly)
        #expect(CommandDanger.classify("kubectl --context a -n b exec pod-0 -- curl -s -XPOST http://x/_snapshot/r/s/_restore") == .changes)
        #expect(CommandDanger.classify("helm upgrade r c --version 1 --kube-context a --namespace b") == .changes)
        #expect(CommandDanger.classify("helm --kube-context a --namespace b list") == .readOnly)
        #expect(CommandDanger.classify("rm -rf /") == nil, "an unknown tool is not called safe")
        #expect(CommandDanger.classify(#"[[ "$a" == x && "$b" == y ]] && { echo done; break; }"#) == .readOnly)
        #expect(CommandDanger.classify(#"[[ "$a" == x ]] && rm -rf /"#) == nil, "a command after the test is still classified")
        #expect(CommandDanger.classify("curl -sS -X POST 'http://localhost:8080/v2/process-instances/search' -d '{}'") == .readOnly, "a search reads")
        #expect(CommandDanger.classify("echo 'a | rm -rf /'") == .readOnly, "quoted text is not a command")
    }

    @Test func markdownShowsEveryStepsMarkAndAsksToConfirmIrreversibleSteps() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        let markdown = MarkdownRenderer().render(runbook)
        for step in runbook.steps {
            let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- [ ] `\(step.id)`") }, "\(step.id)")
            #expect(line.hasSuffix(" · " + RunbookView.mark(step.danger)), "\(line)")
        }
        #expect(markdown.contains("`I confirm upgrade.helm.region0 on ctx-zero/ns-zero: the backup is verified and the abort plan is read.`")
                || markdown.contains("`I confirm upgrade.helm.region0 on cluster-london/camunda-london: the backup is verified and the abort plan is read.`"))
    }

    @Test func noPastedBlockHoldsAPortForwardAndAnotherCommand() throws {
        for scenario in try Self.variants {
            let runbook = Planner().plan(scenario)
            for step in runbook.steps {
                for group in CommandGroup.groups(of: step) where group.commands.contains(where: CommandGroup.isPortForward) {
                    #expect(group.commands.count == 1, "\(step.id)")
                }
            }
            let markdown = MarkdownRenderer().render(runbook)
            for block in markdown.components(separatedBy: "```bash\n").dropFirst() {
                let body = block.components(separatedBy: "\n```")[0]
                if body.contains(" port-forward ") { #expect(!body.contains("\n"), "a port-forward shares a block: \(body)") }
            }
        }
    }

    @Test func htmlStylesEachClassAndAddsAConfirmationBox() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        let html = HTMLRenderer().page(runbook)
        #expect(html.contains("<section class=\"step\" id=\"upgrade.helm.region0\">"), "the section keeps its class; CSS finds the mark with :has")
        #expect(html.contains(".step:has(> .step-header .danger-irreversible)"))
        #expect(html.contains("class=\"danger-mark danger-read-only\""))
        #expect(html.contains("<pre class=\"command\" data-danger=\"changes\""))
        #expect(html.contains("id=\"confirm-upgrade.helm.region0\""))
        #expect(html.components(separatedBy: "class=\"confirm\"").count - 1 == runbook.steps.filter { $0.danger == .irreversible }.count)
    }

    @Test func jsonCarriesTheClasses() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        let data = try JSONEncoder().encode(runbook)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let steps = (object["phases"] as? [[String: Any]] ?? []).flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        #expect(steps.count == runbook.steps.count)
        #expect(steps.allSatisfy { Danger(rawValue: $0["danger"] as? String ?? "") != nil })
        let upgrade = try #require(steps.first { $0["id"] as? String == "upgrade.helm.region0" })
        #expect(upgrade["danger"] as? String == "irreversible")
        #expect(upgrade["commandDangers"] as? [String] == ["irreversible"])
    }

    /// A step stated irreversible showed its one command as "changes a cluster" (the helm upgrade to 8.8, the point of
    /// no return), and the rollback's restore deleted the brokers' volumes under "Changes a cluster:".
    @Test func inAnIrreversibleStepTheCommandsThatChangeAClusterAreIrreversible() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        var irreversible = 0
        for step in runbook.steps where step.danger == .irreversible {
            for (command, danger) in zip(step.commands, step.commandDangers) {
                let classified = CommandDanger.danger(of: command)
                #expect(danger == (classified == .changes ? .irreversible : classified), "\(step.id): \(command)")
                if danger == .irreversible { irreversible += 1 }
            }
        }
        #expect(irreversible >= 4, "both regions' upgrade and restore")
        let restore = try #require(runbook.steps.first { $0.id == "rollback.restore-zeebe.region0" })
        #expect(restore.danger == .irreversible)
        let deletion = try #require(restore.commands.firstIndex { $0.contains("delete \"$pvc\"") })
        #expect(restore.commandDangers[deletion] == .irreversible)
        // Elsewhere a command that changes a cluster stays "changes".
        #expect(runbook.steps.contains { $0.danger == .changes && $0.commandDangers.contains(.changes) })
    }
}
