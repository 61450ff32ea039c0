extension Rule {
    static let r14 = Rule(
        id: "R14", title: "Gateway env prefix rename", phase: .configure, scope: .valuesBase,
        condition: "messageCompression is not NONE, or gatewayEnv is not empty",
        sources: [.seed("Update gateway environment variables"), .migrationValues],
        applies: { !$0.renamedGatewayEntries.isEmpty },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.env("orchestration.env", [("Gateway variables, renamed ZEEBE_GATEWAY_* → ZEEBE_BROKER_GATEWAY_*", s.renamedGatewayEntries)])
            let renames = s.gatewayEnv.map { StepValues.Rename(from: $0.name, to: "ZEEBE_BROKER_GATEWAY_" + $0.name.dropFirst("ZEEBE_GATEWAY_".count)) }
            return [StepDraft("values.gateway-env", values: StepValues(renames: renames, hasRenames: !renames.isEmpty), blocks: [s.baseBlock(yaml)])]
        }
    )
}
