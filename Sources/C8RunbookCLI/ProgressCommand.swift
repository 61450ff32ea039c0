import C8Runbook
import Foundation

/// What `tick` and `untick` share: plan the runbook, record under the lock, say what happened.
enum ProgressCommand {
    static func record(_ action: ProgressEvent.Action, steps: [String], by: String?, note: String?, force: Bool,
                       options: ProgressOptions) throws {
        let context = try options.load(mustExist: false, events: false)
        let runbook = context.tracked
        let placeholders = context.scenario.placeholders.map { "\($0.field) '\($0.value)'" }
        if action == .tick && !placeholders.isEmpty && !force { throw ProgressError.placeholders(placeholders) }
        let recorder = ProgressRecorder(runbook: runbook, host: ProcessInfo.processInfo.hostName)
        var request = ProgressRecorder.Request(action: action, steps: steps, by: by ?? loginName, note: note, force: force)
        request.placeholders = action == .tick && !placeholders.isEmpty
        let store = options.store
        var after = ProgressLog(deployment: context.deployment, scenario: context.scenarioPath)
        let path = options.progressPath
        let outcomes = try store.update(runbookFingerprint: runbook.fingerprint, deployment: context.deployment, scenario: context.scenarioPath,
                                        waiting: { Console.note("waiting for another c8runbook writing '\(path)' to finish (lock '\(path).lock')") }) { (log: inout ProgressLog) throws(ProgressError) in
            let outcomes = try recorder.apply(request, to: &log)
            after = log
            return outcomes
        }
        if request.placeholders {
            Console.warning("ticked with --force although the scenario still has placeholders: " + placeholders.joined(separator: ", "))
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
        let state = ProgressState(runbook: runbook, log: after)
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
