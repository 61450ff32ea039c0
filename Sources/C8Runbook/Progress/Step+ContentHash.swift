extension Step {
    /// A hash of what the operator reads and runs: title, body, commands, blocks and notes. When it changes (the
    /// scenario, a template or the tool changed the step), an earlier tick of the step is stale.
    ///
    /// Each field goes in as `tag`, UTF-8 length, bytes — a canonical encoding that needs no JSON encoder whose
    /// escaping could differ between platforms.
    public var contentHash: String {
        var hash = FNV1a64()
        hash.combine(field: "title")
        hash.combine(field: title)
        hash.combine(field: "body")
        hash.combine(field: body)
        hash.combine(field: "commands \(commands.count)")
        commands.forEach { hash.combine(field: $0) }
        hash.combine(field: "blocks \(blocks.count)")
        for block in blocks {
            hash.combine(field: block.language)
            hash.combine(field: block.file.map { "file " + $0 } ?? "no file")
            hash.combine(field: block.label.map { "label " + $0 } ?? "no label")
            hash.combine(field: block.content)
        }
        hash.combine(field: "notes \(notes.count)")
        for note in notes {
            hash.combine(field: note.kind.rawValue)
            hash.combine(field: note.text)
            hash.combine(field: note.reference.map { "reference " + $0 } ?? "no reference")
        }
        return hash.hex
    }
}
