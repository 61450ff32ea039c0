import Foundation

extension ProgressReport {
    /// The `status` text. `bars` draws progress bars (for a terminal); without them the lines are plain for logs
    /// and pipes. Values from the file are shown with control characters replaced, so a hand-edited file cannot
    /// send escape sequences to the terminal. `options` are the words `next` needs to find the same scenario and
    /// progress file (`--scenario /srv/payments.yml`), quoted for the shell in the closing hint.
    public func text(bars: Bool, options: [String] = []) -> String {
        var lines: [String] = []
        lines.append("\(progressFile): \(required.done) of \(required.total) required steps done (\(Self.percent(required)))"
            + (complete ? " — complete" : ""))
        if bars { lines.append(Self.bar(required, width: 40) + " " + Self.percent(required)) }
        if recordedFingerprint == nil {
            lines.append("No progress recorded yet; 'c8runbook tick STEP-ID' creates the file.")
        } else if !fingerprintMatches {
            lines.append("The runbook changed since this file was last written (runbook \(recordedFingerprint ?? "") → \(runbookFingerprint)); ticks of changed steps are stale.")
        }

        lines.append("")
        lines.append("Phases")
        let phaseWidth = phases.map(\.phase.rawValue.count).max() ?? 0
        for phase in phases {
            let name = phase.phase.rawValue.padding(toLength: phaseWidth, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(Self.fraction(phase.done, phase.total))" + Self.tail(phase.done, phase.total, bars: bars))
        }

        lines.append("")
        lines.append("Regions")
        let labels = regions.map { region in
            region.region.map { "region \($0) (\(region.kubeContext ?? "") / \(region.namespace ?? ""))" } ?? "once, for both regions"
        }
        let labelWidth = labels.map(\.count).max() ?? 0
        for (label, region) in zip(labels, regions) {
            lines.append("  \(label.padding(toLength: labelWidth, withPad: " ", startingAt: 0))  \(Self.fraction(region.done, region.total))"
                + Self.tail(region.done, region.total, bars: bars))
        }
        if optional.total > 0 {
            lines.append("")
            lines.append("Optional steps (remedies and optional checks) ticked: \(optional.done) of \(optional.total)")
        }

        let done = steps.filter { $0.status == .done }
        if !done.isEmpty {
            lines.append("")
            lines.append("Done")
            let width = done.map(\.id.count).max() ?? 0
            for step in done {
                guard let tick = step.tick else { continue }
                lines.append("  \(step.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.who(tick))")
            }
        }

        if !stale.isEmpty {
            lines.append("")
            lines.append("Stale ticks (not counted; check the step again and tick it again)")
            let width = stale.map(\.step.count).max() ?? 0
            for entry in stale {
                let why = entry.reason == .changed ? "the step changed since" : "the step is no longer in the runbook"
                lines.append("  \(entry.step.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.who(entry.tick)); \(why)")
            }
        }

        if !reopened.isEmpty {
            lines.append("")
            lines.append("Reopened (unticked)")
            let width = reopened.map(\.step.count).max() ?? 0
            for event in reopened {
                lines.append("  \(event.step.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.who(event))")
            }
        }

        if timeIssueCount > 0 {
            lines.append("")
            lines.append("Event times to check (\(timeIssueCount); a machine's clock may be wrong)")
            for issue in timeIssues {
                let what = issue.kind == .future ? "later than now (\(issue.reference))" : "earlier than the event before it (\(Self.printable(issue.reference)))"
                lines.append("  line \(issue.line): \(Self.printable(issue.step)) at \(Self.printable(issue.at)) is \(what)")
            }
            if timeIssueCount > timeIssues.count { lines.append("  … and \(timeIssueCount - timeIssues.count) more") }
        }

        lines.append("")
        if complete {
            lines.append("Every required step is done.")
        } else if next.isEmpty {
            lines.append("Nothing can be done now: every open step waits for another one.")
        } else {
            let command = (["c8runbook next"] + options.map(ShellWord.quote)).joined(separator: " ")
            lines.append("Next: \(next.joined(separator: ", ")) ('\(command)' shows the commands)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "alice at 2026-11-24T21:50:02Z on host-1, forced: “note”".
    static func who(_ tick: ProgressEvent) -> String {
        var text = "\(printable(tick.by)) at \(printable(tick.at)) on \(printable(tick.host))"
        if tick.forced { text += ", forced past open prerequisites" }
        if let note = tick.note, !note.isEmpty { text += ": “\(printable(note))”" }
        return text
    }

    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    static func percent(_ count: Count) -> String {
        count.total == 0 ? "100%" : "\(count.done * 100 / count.total)%"
    }

    static func fraction(_ done: Int, _ total: Int) -> String {
        let text = "\(done)/\(total)"
        return text.padding(toLength: max(7, text.count), withPad: " ", startingAt: 0)
    }

    private static func tail(_ done: Int, _ total: Int, bars: Bool) -> String {
        if bars { return " " + bar(Count(done: done, total: total), width: 20) }
        return done == total ? " done" : ""
    }

    static func bar(_ count: Count, width: Int) -> String {
        let filled = count.total == 0 ? width : count.done * width / count.total
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }
}
