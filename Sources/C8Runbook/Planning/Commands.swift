/// The exact command lines of the runbook. Every kubectl call names its context and namespace, every helm
/// call its kube context, namespace and chart version (rules.md §F); user-supplied words are shell-quoted.
struct Commands {
    let scenario: Scenario

    private func region(_ id: Int) -> Region { scenario.regions[id] }

    /// Camunda's chart repository under the alias every helm command here uses (`camunda/camunda-platform`), as
    /// Camunda's Helm install guide adds it. No `--force-update`: an alias that already points elsewhere (a team's
    /// mirror) makes helm stop with an error instead of being replaced.
    static let helmRepoAdd = "helm repo add camunda https://helm.camunda.io"

    /// `kubectl --context <ctx> -n <ns> <arguments>`; `arguments` are written as the shell should see them.
    func kubectl(_ id: Int, _ arguments: String) -> String {
        let region = region(id)
        return "kubectl --context \(ShellWord.quote(region.kubeContext)) -n \(region.namespace) \(arguments)"
    }

    func helmList(_ id: Int) -> String {
        let region = region(id)
        return "helm --kube-context \(ShellWord.quote(region.kubeContext)) --namespace \(region.namespace) list"
    }

    /// The helm upgrade of one region, one option a line: at `.migration` the upgrade (R37) and its re-runs (R44)
    /// with the migration-stage files, at `.final` the clean-up (R55) with the end-state files. Every file by its
    /// absolute path (anchored at `valuesFiles.directory`), base first, then the region's file, then the basic-auth
    /// users file when there is one, so the command works from any folder.
    func helmUpgrade(_ id: Int, stage: MigrationStage) -> String {
        let region = region(id)
        var lines = [
            "helm upgrade \(scenario.release) camunda/camunda-platform",
            "  --version \(ShellWord.quote(scenario.chart.to))",
            "  --kube-context \(ShellWord.quote(region.kubeContext))",
            "  --namespace \(region.namespace)",
        ]
        lines += scenario.valuesFiles.helmFiles(for: id, stage: stage).map { "  -f \(ShellWord.quote($0))" }
        return lines.joined(separator: " \\\n")
    }

    func portForward(_ id: Int, port: Int) -> String {
        kubectl(id, "port-forward services/\(scenario.gatewayService) \(port):\(port)")
    }

    /// A management API URL on the port-forwarded 9600, under the context path when one is set (R48).
    func actuator(_ path: String) -> String {
        "http://localhost:9600\(scenario.managementBase)/actuator/\(path)"
    }
}
