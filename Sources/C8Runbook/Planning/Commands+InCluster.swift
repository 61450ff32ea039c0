extension Commands {
    /// The image of the short-lived curl pod: pinned, so that a check runs the same curl every time.
    static let curlImage = "curlimages/curl:8.11.1"

    /// `kubectl run` of a short-lived curl pod in region `id`'s namespace, removed when curl exits (`--rm`): a URL
    /// that resolves only inside the cluster (`…svc.cluster.local`, a service name) is reachable from a workstation
    /// this way (issue 10 item 8). `curlArguments` are written as the shell should see them.
    func curlPod(_ id: Int, _ curlArguments: String) -> String {
        kubectl(id, "run c8runbook-curl --rm -i --quiet --restart=Never --image=\(Self.curlImage) -- curl -sS \(curlArguments)")
    }

    /// Basic-auth credentials for a secured storage, from the operator's shell: the command stops with the message
    /// when `STORAGE_AUTH` is unset, and `STORAGE_AUTH=:` means an unsecured storage.
    static let storageAuth = "-u \"${STORAGE_AUTH:?set STORAGE_AUTH=user:password, or STORAGE_AUTH=: when the storage has no security}\""
}

extension Commands {
    /// A request to a component's management API by its in-cluster service name (`camunda-operate:9600`), from a
    /// short-lived curl pod in region `id` (8.7 backup guide, "Exec" tab). `method` nil is a GET; `json` is a body
    /// already written as one shell word (`Commands.backupBody`).
    func management(_ id: Int, _ url: String, method: String? = nil, json: String? = nil) -> String {
        var arguments = method.map { "-X \($0) " } ?? ""
        if let json { arguments += "-H 'Content-Type: application/json' -d \(json) " }
        return curlPod(id, arguments + "\"\(url)\"")
    }

    /// A request to the storage of `region` (the shared one for nil), in the cluster: through the subchart's
    /// Elasticsearch pod, or from a curl pod with the credentials placeholder. `path` may hold `$BACKUP_ID`
    /// (double-quoted, so the operator's shell expands it).
    func storage(_ region: Int?, _ path: String, method: String? = nil, json: String? = nil) -> String {
        let s = scenario
        let id = region ?? 0
        var arguments = method.map { "-X \($0) " } ?? ""
        if let json { arguments += "-H 'Content-Type: application/json' -d \(json) " }
        if s.isSubchart {
            return kubectl(id, "exec \(s.release)-elasticsearch-master-0 -c elasticsearch -- curl -sS \(arguments)\"localhost:9200/\(path)\"")
        }
        let base = s.secondaryStorage.url(for: id).trimmingSuffix("/")
        return curlPod(id, "\(Self.storageAuth) \(arguments)\"\(base)/\(path)\"")
    }

    /// `{"backupId": $BACKUP_ID}` as one shell word that the operator's shell expands.
    static let backupBody = #""{\"backupId\": $BACKUP_ID}""#

    /// Credentials for the 8.8 REST API as the scenario protects it: none when unprotected, a bearer token with
    /// Identity (OIDC), basic auth otherwise. The operator's shell supplies them; the command stops with the
    /// message when they are unset.
    var restAuth: String {
        switch (scenario.apiSecurity, scenario.identity) {
        case (.unprotected, _): ""
        case (.protected, true): "-H \"Authorization: Bearer ${CAMUNDA_TOKEN:?set CAMUNDA_TOKEN to an access token of a client with access to the Orchestration Cluster}\" "
        case (.protected, false): "-u \"${CAMUNDA_AUTH:?set CAMUNDA_AUTH=user:password of a user with the admin role}\" "
        }
    }
}
