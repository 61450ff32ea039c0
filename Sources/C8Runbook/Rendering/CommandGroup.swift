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
            ? step.commandDangers : step.commands.map(CommandDanger.danger(of:))
        let mixed = dangers.contains { $0 != dangers.first }
        var groups: [CommandGroup] = []
        var portForwards = 0
        for (command, danger) in zip(step.commands, dangers) {
            if isPortForward(command) {
                portForwards += 1
                let terminal = portForwards + 1
                groups.append(CommandGroup(commands: [command], danger: danger, isPortForward: true,
                                           label: Self.portForwardLabel(command, terminal: terminal)))
                continue
            }
            if let last = groups.last, !last.isPortForward, last.danger == danger {
                groups[groups.count - 1].commands.append(command)
                continue
            }
            var label: String? = mixed ? danger.label.prefix(1).uppercased() + danger.label.dropFirst() : nil
            if groups.last?.isPortForward == true {
                label = "Then, in the first terminal" + (label.map { " (\($0.lowercased()))" } ?? "")
            }
            groups.append(CommandGroup(commands: [command], danger: danger, isPortForward: false, label: label))
        }
        return groups
    }

    /// The label of a port-forward run in terminal number `terminal` (2 for a step's first, 3 for its second: the
    /// first terminal runs the step's other commands). A port-forward keeps running in its terminal after its step;
    /// a later one to the same local port fails ("address already in use") while it runs, so the label names the
    /// port: the earlier one is stopped first, unless it is this same command (the same region's gateway) and no
    /// `helm upgrade` ran since: it then serves as it is (`verify.topology` after `migration.watch`). A port-forward
    /// reaches one pod, chosen when it starts, and an upgrade replaces that pod, which ends the forward.
    static func portForwardLabel(_ command: String, terminal: Int) -> String {
        let ordinals = ["second", "third", "fourth"]
        let ordinal = terminal - 2 < ordinals.count ? ordinals[terminal - 2] : "new"
        let port = localPort(command).map { "local port \($0)" } ?? "the same local port"
        return "In a \(ordinal) terminal (keep it running; if an earlier step's port-forward still holds \(port), "
            + "stop it first, unless it is this same command and no helm upgrade ran since: then it serves, skip this one)"
    }

    /// The local port of `kubectl … port-forward TARGET LOCAL:REMOTE` (its last word), or nil.
    static func localPort(_ command: String) -> Substring? {
        // The last word: what follows the last space, trailing spaces aside (by byte; splitting the command into
        // Characters cost more than the rest of the label).
        let bytes = command.utf8
        guard let lastByte = bytes.lastIndex(where: { $0 != 0x20 }) else { return nil }
        let start = bytes[..<lastByte].lastIndex(of: 0x20).map { bytes.index(after: $0) } ?? bytes.startIndex
        let last = command[start..<bytes.index(after: lastByte)]
        guard let colon = last.firstIndex(of: ":") else { return nil }
        let port = last[..<colon]
        return !port.isEmpty && port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber) ? port : nil
    }

    static func isPortForward(_ command: String) -> Bool {
        command.hasPrefix("kubectl ") && command.containsBytes(" port-forward ") && !command.utf8.contains(0x0A)
    }
}
