extension Step {
    private enum DerivedKeys: String, CodingKey {
        case commandLabels
    }

    /// The stored fields, and `commandLabels`: index for index with `commands`, the line the Markdown and HTML
    /// runbooks show above the block a command starts (a port-forward's terminal and the port to free, "Then, in the
    /// first terminal", a danger class where a step mixes them), null for a command that continues a block. A script
    /// reading the JSON learns from it which commands keep running in a terminal of their own.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(phase, forKey: .phase)
        try container.encode(rules, forKey: .rules)
        try container.encodeIfPresent(region, forKey: .region)
        try container.encode(body, forKey: .body)
        try container.encode(commands, forKey: .commands)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(notes, forKey: .notes)
        try container.encode(sources, forKey: .sources)
        try container.encode(after, forKey: .after)
        try container.encode(required, forKey: .required)
        try container.encode(danger, forKey: .danger)
        try container.encode(commandDangers, forKey: .commandDangers)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(commandLabels, forKey: .commandLabels)
    }

    /// See `encode(to:)`: one entry per command.
    var commandLabels: [String?] {
        var labels: [String?] = []
        labels.reserveCapacity(commands.count)
        for group in CommandGroup.groups(of: self) {
            labels.append(group.label)
            labels.append(contentsOf: repeatElement(nil, count: group.commands.count - 1))
        }
        return labels
    }
}
