import C8Runbook
import Foundation

/// What `tick` and `untick` share: plan the runbook, record under the lock, say what happened.
enum ProgressCommand {
    static func record(_ action: ProgressEvent.Action, steps: [String], by: String?, note: String?, force: Bool,
                       options: ProgressOptions) throws {
        let runbook = try options.loadRunbook()
        let recorder = ProgressRecorder(runbook: runbook, host: ProcessInfo.processInfo.hostName)
        let request = ProgressRecorder.Request(action: action, steps: steps, by: by ?? loginName, note: note, force: force)
        let store = options.store
        var after = ProgressFile(runbookFingerprint: runbook.fingerprint)
        let outcomes = try store.update(runbookFingerprint: runbook.fingerprint) { (file: inout ProgressFile) throws(ProgressError) in
            let outcomes = try recorder.apply(request, to: &file)
            after = file
            return outcomes
        }
        for outcome in outcomes {
            switch outcome {
            case let .recorded(event, previous, overridden):
                print("\(event.action == .tick ? "ticked" : "unticked") \(event.step) (\(event.by), \(event.at))")
                if event.action == .tick, let previous, previous.action == .tick {
                    Console.note("'\(event.step)' was already ticked by \(previous.by) at \(previous.at); recorded again")
                }
                if !overridden.isEmpty {
                    Console.warning("ticked '\(event.step)' with --force: " + ProgressError.grouped(overridden).joined(separator: "; "))
                }
            case let .notTicked(step):
                Console.note("'\(step)' is not ticked; nothing recorded for it")
            }
        }
        let state = ProgressState(runbook: runbook, file: after)
        for case let .recorded(event, _, _) in outcomes where event.action == .untick {
            let dependents = state.doneDependents(of: event.step)
            if !dependents.isEmpty {
                Console.warning("'\(event.step)' is open again, but steps that come after it are still ticked: "
                    + dependents.map { "'\($0.step)' (\($0.constraint))" }.joined(separator: ", "))
            }
        }
        let report = ProgressReport(state: state, progressFile: store.path, hasFile: true)
        let next = report.complete ? "every required step is done" : report.next.isEmpty ? "nothing is ready" : "next: \(report.next.joined(separator: " "))"
        print("\(report.required.done) of \(report.required.total) required steps done; \(next)")
    }

    /// The login name for `--by`: $USER, $LOGNAME, else the account name.
    static var loginName: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] { if let name = environment[key], !name.isEmpty { return name } }
        let name = ProcessInfo.processInfo.userName
        return name.isEmpty ? "unknown" : name
    }
}
