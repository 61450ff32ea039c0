extension RunbookView {
    /// About the Markdown layout's length in UTF-8 bytes, a little over rather than under: the buffer the compiled
    /// layout writes into is reserved at this size, so that the page (about 130 KB) is not copied as it grows. A
    /// wrong estimate costs only that copy; it never changes the output.
    var estimatedSize: Int {
        var size = 4_096 + title.utf8.count + warnings.reduce(0) { $0 + $1.text.utf8.count + 8 }
        for phase in phases {
            size += 64 + 2 * phase.title.utf8.count + phase.summary.utf8.count
            for step in phase.steps {
                size += 256 + 2 * step.id.utf8.count + step.title.utf8.count + step.where.utf8.count + step.rules.utf8.count
                    + step.body.utf8.count + step.after.utf8.count + step.sources.utf8.count
                    + (step.confirmation?.utf8.count ?? 0) + (step.progress?.utf8.count ?? 0)
                for group in step.commandGroups { size += 24 + group.commands.utf8.count + group.label.utf8.count }
                for block in step.blocks { size += 32 + block.content.utf8.count + block.file.utf8.count + block.label.utf8.count }
                for note in step.notes { size += 32 + note.text.utf8.count + note.reference.utf8.count }
            }
        }
        return size + size / 16
    }
}
