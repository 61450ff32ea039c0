/// A run of a step's commands pasted as one block. A port-forward runs on in its own terminal, so it is always a
/// group of its own and never shares a block with the commands that use it (issue 10 item 8); when a step mixes
/// danger classes, each run of one class is a group with the class as its label (item 12).
struct CommandGroup: Equatable {
    var commands: [String]
    var danger: Danger
    /// True for a `kubectl port-forward` that stays running.
    var isPortForward: Bool
    /// The line shown above the block, or nil when the step's mark says everything.
    var label: String?

    static func groups(of step: Step) -> [CommandGroup] {
        let dangers = step.commandDangers.count == step.commands.count
            ? step.commandDangers : step.commands.map { CommandDanger.classify($0) ?? .changes }
        let mixed = Set(dangers).count > 1
        var groups: [CommandGroup] = []
        var afterPortForward = false
        for (command, danger) in zip(step.commands, dangers) {
            let portForward = isPortForward(command)
            if portForward {
                groups.append(CommandGroup(commands: [command], danger: danger, isPortForward: true,
                                           label: Self.portForwardLabel))
                afterPortForward = true
                continue
            }
            if let last = groups.last, !last.isPortForward, last.danger == danger {
                groups[groups.count - 1].commands.append(command)
                continue
            }
            var label: String? = mixed ? danger.label.prefix(1).uppercased() + danger.label.dropFirst() : nil
            if afterPortForward {
                label = "Then, in the first terminal" + (label.map { " (\($0.lowercased()))" } ?? "")
                afterPortForward = false
            }
            groups.append(CommandGroup(commands: [command], danger: danger, isPortForward: false, label: label))
        }
        return groups
    }

    /// A port-forward keeps running in its terminal after its step; a later one to the same local port fails
    /// ("address already in use") while it runs.
    static let portForwardLabel = "In a second terminal (keep it running; if an earlier step's port-forward still holds the same local port, stop it first)"

    static func isPortForward(_ command: String) -> Bool {
        command.hasPrefix("kubectl ") && command.containsBytes(" port-forward ") && !command.utf8.contains(0x0A)
    }
}
