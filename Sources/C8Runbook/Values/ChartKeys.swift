/// Keys of the 13.x chart's `values.yaml` (camunda-platform 13, rules.md §C), to tell keys the tool knows from
/// keys it keeps without a rule.
enum ChartKeys {
    static let topLevel: Set<String> = [
        "global", "identity", "identityPostgresql", "identityKeycloak", "console", "webModeler", "webModelerPostgresql",
        "connectors", "orchestration", "optimize", "elasticsearch", "prometheusServiceMonitor",
    ]

    static let orchestration: Set<String> = [
        "enabled", "debug", "profiles", "profilesOverride", "security", "image", "migration", "importer", "sidecars",
        "multitenancy", "clusterSize", "partitionCount", "replicationFactor", "env", "envFrom", "configMap", "command",
        "logLevel", "log4j2", "javaOpts", "service", "serviceAccount", "ingress", "contextPath", "cpuThreadCount",
        "ioThreadCount", "resources", "persistenceType", "pvcSize", "pvcAccessModes", "pvcStorageClassName",
        "pvcAnnotations", "pvcSelector", "data", "extraVolumes", "extraVolumeMounts", "extraInitContainers",
        "initContainers", "podAnnotations", "podLabels", "podDisruptionBudget", "podSecurityContext",
        "containerSecurityContext", "startupProbe", "readinessProbe", "livenessProbe", "metrics", "nodeSelector",
        "tolerations", "affinity", "topologySpreadConstraints", "priorityClassName", "exporters", "index", "retention",
        "history", "configuration", "extraConfiguration", "dnsPolicy", "dnsConfig", "hostNetwork",
        "extraVolumeClaimTemplates", "upgrade",
    ]

    /// Lists of `zeebeGateway`, `operate` and `tasklist` that join the same list of `orchestration` (rules.md R13, R22).
    static let mergedLists = ["envFrom", "initContainers", "extraInitContainers", "sidecars", "extraVolumes", "extraVolumeMounts"]
    /// Texts of those blocks that move to `orchestration` when it has none (rules.md R13, R22).
    static let movedTexts = ["configuration", "extraConfiguration"]
}
