extension Commands {
    /// Where the one-task check process is written on the operator's machine.
    static let checkProcessFile = "/tmp/c8runbook-check.bpmn"
    /// Its process id, searched for in both regions.
    static let checkProcessID = "c8runbook-check"

    /// Writes the one-task process (a start event, one service-free user task, an end event) to `checkProcessFile`:
    /// what Camunda's migration CI deploys to prove that data flows (c8-multi-region stable/8.8
    /// test/internal/helpers/kubectl/helpers.go, `DeployC8processAndCheck`).
    static var writeCheckProcess: String {
        """
        cat > \(checkProcessFile) <<'EOF'
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="c8runbook-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="\(checkProcessID)" name="c8runbook check" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>toTask</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task" />
            <bpmn:userTask id="task" name="Check"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements><bpmn:incoming>toTask</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing></bpmn:userTask>
            <bpmn:sequenceFlow id="toEnd" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        EOF
        """
    }

    /// The local port a region's REST API is forwarded to: 8080 for region 0, 8081 for region 1, so that both
    /// forwards can run at once.
    static func restPort(_ id: Int) -> Int { 8080 + id }

    /// `kubectl port-forward` of region `id`'s gateway REST port (8080) to `restPort(id)`.
    func restForward(_ id: Int) -> String {
        kubectl(id, "port-forward services/\(scenario.gatewayService) \(Self.restPort(id)):8080")
    }

    /// A REST call to region `id`'s forwarded API with the scenario's credentials.
    func rest(_ id: Int, _ path: String, json: String? = nil, form: String? = nil) -> String {
        var call = "curl -sS \(restAuth)-X POST 'http://localhost:\(Self.restPort(id))\(scenario.managementBase)/v2/\(path)' -H 'Accept: application/json'"
        if let json { call += " -H 'Content-Type: application/json' -d \(ShellWord.quote(json))" }
        if let form { call += " -F \(ShellWord.quote(form))" }
        return call
    }

    /// Deploys the check process and starts one instance through region 0: traffic for the importers (an idle
    /// cluster never completes the import, camunda/camunda#38476).
    var deployAndStart: [String] {
        [Self.writeCheckProcess, restForward(0),
         rest(0, "deployments", form: "resources=@\(Self.checkProcessFile)"),
         rest(0, "process-instances", json: #"{"processDefinitionId":"\#(Self.checkProcessID)"}"#)]
    }

    /// Searches the check process's definitions and instances through every region's REST API.
    var searchInEveryRegion: [String] {
        [0, 1].flatMap { id -> [String] in
            (id == 0 ? [] : [restForward(id)]) + [
                rest(id, "process-definitions/search", json: #"{"filter":{"processDefinitionId":"\#(Self.checkProcessID)"}}"#),
                rest(id, "process-instances/search", json: #"{"filter":{"processDefinitionId":"\#(Self.checkProcessID)"}}"#),
            ]
        }
    }
}
