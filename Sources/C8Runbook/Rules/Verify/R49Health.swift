extension Rule {
    static let r49 = Rule(
        id: "R49", title: "Profiles, storage health, data, workers", phase: .verify, scope: .perRegion,
        sources: [.operations("Failback"), .migrationTest, .base("Validate the upgrade"), .migrationHelpers],
        steps: { s in
            let c = Commands(scenario: s)
            let data = StepDraft("verify.data", commands: [c.restForward(0)] + c.searchInEveryRegion, notes: [.inference("data-check-every-region")])
            return [data] + [0, 1].map { id in
                var commands = [c.kubectl(id, "logs \(s.orchestrationName)-0 | grep \"profiles are active\"")]
                if s.isShared {
                    if id == 0 { commands.append(s.storageCommand(nil, path: "_cluster/health")) }
                } else {
                    commands.append(s.storageCommand(id, path: "_cluster/health"))
                }
                return StepDraft("verify.health", region: id, commands: commands, notes: commands.count > 1 ? s.storageNotes : [])
            }
        }
    )
}
