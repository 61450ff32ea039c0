import Foundation

/// Turns a scenario into a runbook: asks every rule of the catalogue whether it applies, renders the steps it
/// contributes with the templates, and orders them so that every ordering constraint of rules.md §B.7 holds.
public struct Planner: Sendable {
    public let templates: TemplateSet
    public let rules: [Rule]
    public let constraints: [OrderingConstraint]

    public init(templates: TemplateSet = .embedded, rules: [Rule] = Rule.catalogue,
                constraints: [OrderingConstraint] = OrderingConstraint.catalogue) {
        self.templates = templates
        self.rules = rules
        self.constraints = constraints
    }

    /// - Parameters:
    ///   - review: the diffs of the team's own values files, shown in the steps that change them; its warnings join the runbook's.
    ///   - scenarioFile: the scenario's path, for the commands that name it; a relative path is anchored at the
    ///     scenario's `valuesFiles.directory`, so that no command depends on the folder it is run from.
    public func plan(_ scenario: Scenario, review: ValuesReview? = nil, scenarioFile: String = "scenario.yml") -> Runbook {
        var context = TemplateContext(scenario: scenario)
        context.scenarioFile = scenario.valuesFiles.absolute(scenarioFile)
        // The words' values for a step done once and for each region, built once per runbook, not once per step.
        let views = Views(once: context.view(region: nil), regions: scenario.regions.indices.map { context.view(region: $0) })
        // The views the steps render with: each step's rule values are set in place over the previous step's
        // (`WordsView.set` replaces all of them), so no step copies a whole view; `views` stays as built for the phases.
        var stepViews = views
        var steps: [Step] = []
        // A rule's sources, pinned to the scenario's chart once per rule (the tag looked up once per runbook), not per step.
        let chartTag = Source.chartTag(of: scenario)
        for rule in rules where rule.applies(scenario) {
            var drafts = rule.contribute(scenario)
            guard !drafts.isEmpty else { continue }
            let sources = rule.sources.map { $0.pinned(toTag: chartTag) }
            // Each draft and its region's view are passed in place (`inout`: an array's element passed by value is a
            // copy, and a view holds some 70 fields), the draft's scenario-file placeholders resolved in it.
            for index in drafts.indices {
                if let region = drafts[index].region {
                    steps.append(render(&drafts[index], of: rule, sources: sources, context: context, values: &stepViews.regions[region]))
                } else {
                    steps.append(render(&drafts[index], of: rule, sources: sources, context: context, values: &stepViews.once))
                }
            }
        }
        review?.attach(to: &steps)
        StepOrdering(constraints: constraints).order(&steps)
        // Each phase's steps in order, moved out of the ordered list: `popLast` takes a step without copying its dozen
        // references (a filter per phase copied every step), and reversing in place swaps.
        var byPhase = [[Step]](repeating: [], count: Phase.allCases.count)
        while let step = steps.popLast() { byPhase[step.phase.ordinal].append(step) }
        // (The buffer's reverse exchanges the steps' bytes; the array's swaps through copies of both steps.)
        for index in byPhase.indices { byPhase[index].withUnsafeMutableBufferPointer { $0.reverse() } }
        let phases = Phase.allCases.compactMap { phase -> Runbook.PhaseSteps? in
            let members = byPhase[phase.ordinal]
            guard !members.isEmpty else { return nil }
            let (title, summary) = titled(templates.render(words: "phases/\(phase.rawValue)", views.once))
            return Runbook.PhaseSteps(phase: phase, title: title, summary: summary, steps: members)
        }
        return Runbook(formatVersion: Runbook.formatVersion, scenario: scenario, warnings: scenario.warnings + (review?.warnings ?? []), phases: phases)
    }

    private struct Views {
        var once: WordsView
        var regions: [WordsView]
    }

    /// - Parameters:
    ///   - sources: the rule's sources, pinned to the scenario's chart.
    ///   - draft: resolved in place (its scenario-file placeholders); otherwise read.
    ///   - values: the words' view of the step's region (or of a step done once); the draft's rule values are set in it.
    private func render(_ draft: inout StepDraft, of rule: Rule, sources: [Source], context: TemplateContext, values: inout WordsView) -> Step {
        draft.resolve(scenarioFile: context.scenarioFile)
        values.set(draft.values)
        let (title, body) = titled(templates.render(words: "steps/\(draft.key)", values))
        let notes = draft.notes.map { note in
            Note(kind: note.kind, text: templates.render(words: "notes/\(note.template)", values).trimmed, reference: note.reference)
        }
        // A command the classifier does not know counts as a change: a mark must never understate the risk. In a step
        // stated irreversible (the 8.8 upgrade, the rollback's restore), its commands that change a cluster are what
        // make it so, and are marked irreversible too; its read-only commands stay read-only.
        let stated = max(draft.danger ?? .readOnly, Danger.stated[draft.key] ?? .readOnly)
        let commandDangers = draft.commands.map { command in
            let danger = CommandDanger.danger(of: command)
            return stated == .irreversible && danger == .changes ? .irreversible : danger
        }
        return Step(
            id: draft.id, title: title, phase: draft.phase ?? rule.phase, rules: [rule.id] + draft.alsoRules,
            region: draft.region, body: body, commands: draft.commands, blocks: draft.blocks, notes: notes,
            sources: sources, after: [], required: draft.required,
            danger: max(stated, commandDangers.max() ?? .readOnly), commandDangers: commandDangers
        )
    }

    /// A rendered template's first line is its title (`# Title`), the rest its body.
    private func titled(_ text: String) -> (String, String) {
        // The trimmed text as a slice of the rendered one where that is what `trimmed` gives (both ends ASCII after the
        // ASCII white space: every built-in template), so that only the title and the body are copied out of it.
        titled(slice: text.asciiTrimmed ?? Substring(text.trimmed))
    }

    private func titled(slice trimmed: Substring) -> (String, String) {
        // By bytes when that finds the same line: a line feed starts a grapheme of its own unless a carriage return
        // precedes it, and `# ` is the first two characters unless a combining mark (never ASCII) follows the space.
        let bytes = trimmed.utf8
        // The first line feed by `memchr` over the slice's bytes (the collection's own search goes byte by byte).
        let offset = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0x0A, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let newline = offset.map { $0.map { bytes.index(bytes.startIndex, offsetBy: $0) } ?? bytes.endIndex }
            ?? bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        let afterHash = bytes.index(bytes.startIndex, offsetBy: 2, limitedBy: newline)
        let carriageReturn = newline != bytes.endIndex && newline > bytes.startIndex && bytes[bytes.index(before: newline)] == 0x0D
        let heading = bytes.starts(with: "# ".utf8) && afterHash != nil
        if !carriageReturn, !heading || afterHash == newline || bytes[afterHash!] < 0x80 {
            let title = trimmed[(heading ? afterHash! : bytes.startIndex)..<newline]
            return (title.trimmed, trimmed[newline...].trimmed)
        }
        let firstLine = trimmed.prefix { $0 != "\n" }
        let title = firstLine.hasPrefix("# ") ? firstLine.dropFirst(2) : firstLine
        return (title.trimmed, trimmed[firstLine.endIndex...].trimmed)
    }
}

extension StringProtocol {
    /// Without leading and trailing white space. (Foundation's `trimmingCharacters` bridges through NSString,
    /// which costs more than the rest of rendering a runbook.)
    var trimmed: String {
        // ASCII white space at the ends is dropped byte by byte (`asciiTrimmed`); only an end that is not ASCII needs
        // the scalar walk below (it may be white space such as U+00A0). Nothing is copied but the result, and a text
        // with nothing to drop is returned without a copy.
        if let slice = asciiTrimmed {
            let whole = Substring(self)
            return slice.startIndex == whole.startIndex && slice.endIndex == whole.endIndex ? String(self) : String(slice)
        }
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// What `trimmed` gives, as a slice of this text, when it is one without a copy: both ends ASCII once the ASCII
    /// white space is dropped (or nothing left); nil when an end is not ASCII and the scalar walk of `trimmed` decides.
    /// Both ends found that way are grapheme boundaries (an ASCII character next to ASCII white space other than a
    /// carriage return before a line feed, which is skipped with it), so the slice is cut as a copy of it would be.
    var asciiTrimmed: Substring? {
        let whole = Substring(self)
        let bytes = whole.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, Self.isASCIIWhiteSpace(bytes[start]) { start = bytes.index(after: start) }
        while start < end {
            let before = bytes.index(before: end)
            guard Self.isASCIIWhiteSpace(bytes[before]) else { break }
            end = before
        }
        guard start < end else { return whole[start..<start] }
        guard bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 else { return nil }
        return whole[start..<end]
    }

    /// `trimmed` and one line feed: a page's last line. A text that already is that (nearly every rendered page) is
    /// returned as it is, instead of copied twice.
    var trimmedPage: String {
        let text = String(self)
        let bytes = text.utf8
        if let first = bytes.first, first < 0x80, !Self.isASCIIWhiteSpace(first), bytes.count >= 2, bytes.last == 0x0A {
            let beforeLast = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
            if beforeLast < 0x80, !Self.isASCIIWhiteSpace(beforeLast) { return text }
        }
        return text.trimmed + "\n"
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII scalars with Unicode's
    /// White_Space property, which `Unicode.Scalar.Properties.isWhitespace` reads.
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
