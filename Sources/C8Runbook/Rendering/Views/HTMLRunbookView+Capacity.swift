extension HTMLRunbookView {
    /// About the length in UTF-8 bytes of the page template `name` (`html/page.html`, `html/runbook.html`), a
    /// little over rather than under: the buffer the compiled template writes into is reserved at this size, so that
    /// the page (about 240 KB) is not copied as it grows. A wrong estimate costs only that copy; it never changes the
    /// output.
    func estimatedSize(of name: String) -> Int {
        if name == "html/page.html" { return 2_048 + 2 * title.utf8.count + styleCSS.utf8.count + contentHTML.utf8.count }
        // Escaped text grows by its entities: commands and blocks (quotes, `&&`, `>`) by a tenth or so.
        var size = 8_192 + warnings.reduce(0) { $0 + $1.text.utf8.count + 16 }
        for phase in phases {
            size += 512 + 2 * phase.titleHTML.utf8.count + phase.summaryHTML.utf8.count
            for step in phase.steps {
                size += 720 + 6 * step.id.utf8.count + 2 * step.titleHTML.utf8.count + step.bodyHTML.utf8.count
                    + step.kubeContext.utf8.count + step.namespace.utf8.count + 16 * step.rules.count
                    + (step.confirmation?.utf8.count ?? 0) + step.markNote.utf8.count
                for group in step.commandGroups {
                    size += 48 + group.label.utf8.count
                    for command in group.commands { size += 80 + command.command.utf8.count + command.command.utf8.count / 8 }
                }
                for block in step.blocks {
                    size += 96 + block.file.utf8.count + block.label.utf8.count + block.content.utf8.count + block.content.utf8.count / 8
                        + 32 * block.diffLines.count
                }
                for note in step.notes { size += 96 + note.textHTML.utf8.count + note.reference.utf8.count }
                for after in step.after { size += 96 + after.step.utf8.count + after.titleHTML.utf8.count }
                for source in step.sources { size += 24 + source.label.utf8.count + 2 * source.url.utf8.count }
            }
        }
        return size + size / 8
    }
}
