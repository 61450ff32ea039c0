import Foundation
import Testing
@testable import C8Runbook

/// Scenario checks that protect the clusters (issue 10, items 2 and 11): each is one line naming the node, exit 65.
@Suite struct ScenarioChecksTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var fixture = ScenarioFixture()
        let replace: String
        let with: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty kube context", replace: "kubeContext: ctx-one", with: "kubeContext: ''",
             location: "s.yml:6:", message: "kube context is empty: '--context ''' means the current context"),
        Case(name: "blank kube context", replace: "kubeContext: ctx-zero", with: "kubeContext: '  '",
             location: "s.yml:5:", message: "kube context is empty"),
        Case(name: "same context and namespace twice",
             replace: "{ id: 1, kubeContext: ctx-one, namespace: ns-one }", with: "{ id: 1, kubeContext: ctx-zero, namespace: ns-zero }",
             location: "s.yml:6:", message: "both regions name kube context 'ctx-zero' and namespace 'ns-zero'"),
        Case(name: "region 0's URL names region 1's namespace",
             replace: "master-hl.ns-zero.svc", with: "master.ns-one.svc",
             location: "s.yml:10:", message: "storage URL 'http://camunda-elasticsearch-master.ns-one.svc.cluster.local:9200' names region 1's namespace 'ns-one'"),
        Case(name: "region 1's URL names region 0's namespace", replace: "master-hl.ns-one.svc", with: "master.ns-zero.svc",
             location: "s.yml:10:", message: "names region 0's namespace 'ns-zero'; region 1's exporter would write to the other region's storage"),
        Case(name: "port 0", replace: "ns-one.svc.cluster.local:9200", with: "ns-one.svc.cluster.local:0",
             location: "s.yml:10:", message: "has port 0, outside 1-65535"),
        Case(name: "port 70000", replace: "ns-zero.svc.cluster.local:9200", with: "ns-zero.svc.cluster.local:70000",
             location: "s.yml:10:", message: "outside 1-65535"),
        Case(name: "chart with leading zero", replace: "to: 13.10.2", with: "to: 13.010.2",
             location: "s.yml:3:", message: "chart.to must be an exact chart version 13.N.N"),
        Case(name: "chart with suffix", replace: "to: 13.10.2", with: "to: 13.10.2-rc1",
             location: "s.yml:3:", message: "chart.to must be an exact chart version 13.N.N"),
        Case(name: "chart with non-ASCII digits", replace: "to: 13.10.2", with: "to: 13.١٠.2",
             location: "s.yml:3:", message: "chart.to must be an exact chart version 13.N.N"),
        Case(name: "release making a name longer than 63", replace: "release: camunda", with: "release: payments-platform-production-eu-primary",
             location: "s.yml:2:", message: "makes the Kubernetes name 'payments-platform-production-eu-primary-zeebe-migration-importer' 64 characters long"),
        Case(name: "bidirectional override in a kube context", replace: "kubeContext: ctx-one", with: "kubeContext: \"ctx-\\u202Eeno\"",
             location: "s.yml:6:", message: "kube context 'ctx-\\u{202e}eno' holds invisible or bidirectional characters"),
        Case(name: "zero-width space in a kube context", replace: "kubeContext: ctx-zero", with: "kubeContext: \"ctx\\u200B-zero\"",
             location: "s.yml:5:", message: "holds invisible or bidirectional characters"),
        Case(name: "invisible character in a values path", fixture: ScenarioFixture(extra: "valuesFiles: { region0: a.yml, region1: \"b\\u2066.yml\" }"),
             replace: "region1: \"b", with: "region1: \"b", location: "s.yml:", message: "path 'b\\u{2066}.yml' is empty or holds invisible or bidirectional characters"),
        Case(name: "identity with basic-auth users", fixture: ScenarioFixture(identity: true, extra: "basicAuthUsers: [alice]"),
             replace: "basicAuthUsers: [alice]", with: "basicAuthUsers: [alice]",
             location: "s.yml:", message: "basicAuthUsers are basic-authentication users, but identity: true"),
        Case(name: "optimize without identity", replace: "optimize: false", with: "optimize: true",
             location: "s.yml:", message: "optimize: true needs identity: true"),
        Case(name: "identity provider without identity", fixture: ScenarioFixture(extra: "identityProvider: oidc"),
             replace: "identityProvider: oidc", with: "identityProvider: oidc", location: "s.yml:", message: "identityProvider needs identity: true"),
        Case(name: "unknown 8.7 role", fixture: ScenarioFixture(extra: "basicAuthUsers: [ { name: bob, role: ADMIN } ]"),
             replace: "role: ADMIN", with: "role: ADMIN", location: "s.yml:", message: "OWNER"),
        Case(name: "relative values directory", fixture: ScenarioFixture(extra: "valuesFiles: { directory: ops, region0: a.yml, region1: b.yml }"),
             replace: "directory: ops", with: "directory: ops", location: "s.yml:", message: "valuesFiles.directory 'ops' must be an absolute path"),
        Case(name: "clean-up files where the upgrade's are", fixture: ScenarioFixture(extra: "valuesFiles: { region0: a.yml, region1: b.yml, migrationDir: out, finalDir: ./out }"),
             replace: "finalDir: ./out", with: "finalDir: ./out", location: "s.yml:", message: "valuesFiles.finalDir must differ from valuesFiles.migrationDir"),
    ]

    @Test(arguments: cases) func refusedInOneLineWithExit65(_ check: Case) throws {
        let yaml = check.fixture.yaml
        #expect(yaml.contains(check.replace), "fixture lacks '\(check.replace)'")
        let broken = yaml.replacingOccurrences(of: check.replace, with: check.with)
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: broken, file: "s.yml") }
        let text = error?.description ?? ""
        #expect(text.hasPrefix(check.location), "\(text)")
        #expect(text.contains(check.message), "\(text)")
        #expect(error?.exitStatus == .dataError)
        #expect(!text.contains("\n"))
    }

    @Test func theLongestReleaseThatFitsIsAccepted() throws {
        // `<release>-zeebe-migration-importer` is the longest derived name: 25 characters after the release.
        let release = String(repeating: "a", count: 38)
        let s = try Scenario.parse(yaml: ScenarioFixture().yaml.replacingOccurrences(of: "release: camunda", with: "release: \(release)"), file: "s.yml")
        #expect(s.importerName.count == 63)
        #expect(s.kubernetesNames.allSatisfy { $0.count <= 63 })
    }

    @Test func differentNamespacesInOneClusterStayAllowed() throws {
        let yaml = ScenarioFixture().yaml.replacingOccurrences(of: "kubeContext: ctx-one", with: "kubeContext: ctx-zero")
        let s = try Scenario.parse(yaml: yaml, file: "s.yml")
        #expect(s.warnings.contains { $0.contains("both regions use kube context 'ctx-zero'") })
    }

    @Test func usersCarryTheirRoles() throws {
        let s = try ScenarioFixture(extra: "basicAuthUsers: [alice, { name: bob, role: OPERATOR }, { name: carol, role: USER }, { name: dave }]").scenario
        #expect(s.basicAuthUsers == ["alice", "bob", "carol", "dave"])
        #expect(s.role(of: "alice") == .owner && s.role(of: "dave") == .owner, "a bare name is Operate's userId user")
        #expect(s.role(of: "bob") == .operator && s.role(of: "carol") == .user)
        #expect(s.valuesFiles.users == "camunda-users.yml", "users imply a users file")
        #expect(s.warnings.allSatisfy { !$0.contains("no basic-auth user has role OWNER") })
        let readers = try ScenarioFixture(extra: "basicAuthUsers: [ { name: carol, role: USER } ]").scenario
        #expect(readers.warnings.contains { $0.contains("no basic-auth user has role OWNER") })
    }

    @Test func identityProviderDefaultsToKeycloak() throws {
        #expect(try ScenarioFixture(identity: true).scenario.identityProvider == .keycloak)
        #expect(try ScenarioFixture(identity: true, extra: "identityProvider: oidc").scenario.identityProvider == .oidc)
    }

    @Test func relativePathsAreAnchoredAtTheScenarioFolder() throws {
        let s = try Scenario.parse(yaml: ScenarioFixture().yaml, file: "/team/deploy/scenario.yml")
        #expect(s.valuesFiles.directory == "/team/deploy")
        #expect(s.valuesFiles.helmFiles(for: 0, stage: .migration) == ["/team/deploy/values-8.8/camunda-values.yml", "/team/deploy/values-8.8/region0/camunda-values.yml"])
        let relative = try Scenario.parse(yaml: ScenarioFixture().yaml, file: "deploy/scenario.yml")
        #expect(relative.valuesFiles.directory.hasPrefix("/"), "a relative scenario path is made absolute")
        #expect(relative.valuesFiles.directory.hasSuffix("/deploy"))
    }

    @Test func writtenNamesFollowTheValuesCommand() throws {
        // Without a base, the region files keep their path below their common folder (ValuesInput's rule).
        let full = try ScenarioFixture(extra: "valuesFiles: { directory: /d, region0: eu/a.yml, region1: us/b.yml, users: /secret/users.yml }").scenario
        #expect(full.valuesFiles.helmFiles(for: 1, stage: .final) == ["/d/values-8.8-final/us/b.yml", "/secret/users.yml"])
        // A region file outside the base's folder is written as region<N>/<name>.
        let outside = try ScenarioFixture(extra: "valuesFiles: { directory: /d, base: conf/base.yml, region0: r0.yml, region1: conf/r1/values.yml }").scenario
        #expect(outside.valuesFiles.helmFiles(for: 0, stage: .migration) == ["/d/values-8.8/base.yml", "/d/values-8.8/region0/r0.yml"])
        #expect(outside.valuesFiles.helmFiles(for: 1, stage: .migration) == ["/d/values-8.8/base.yml", "/d/values-8.8/r1/values.yml"])
    }
}

extension ScenarioChecksTests {
    @Test func portsAreCheckedOnlyWhereAPortIsWritten() throws {
        for url in ["http://search.example.com", "https://search.example.com:443", "http://[fd00::1]:9200", "http://search.example.com:65535"] {
            let yaml = ScenarioFixture(layout: .shared).yaml.replacingOccurrences(of: "http://search.example.com:9200", with: url)
            #expect(throws: Never.self, "\(url)") { try Scenario.parse(yaml: yaml, file: "s.yml") }
        }
        for url in ["http://search.example.com:65536", "http://search.example.com:99999999999999999999"] {
            let yaml = ScenarioFixture(layout: .shared).yaml.replacingOccurrences(of: "http://search.example.com:9200", with: url)
            let error = #expect(throws: ScenarioError.self, "\(url)") { try Scenario.parse(yaml: yaml, file: "s.yml") }
            #expect(error?.description.contains("outside 1-65535") == true, "\(String(describing: error))")
        }
    }
}
