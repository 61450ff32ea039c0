@testable import C8Runbook
import Foundation
import Testing

/// The verifier's reading of the 8.7 texts started before the migration (`ValuesVerifier.OriginalReading`, on a thread
/// of its own) gives every problem, fault and order that reading them in `problems` gives, and is used only for the
/// very texts and roles it read.
@Suite("Values verifier: the 8.7 texts read ahead give the same problems", .enabled(if: SharedFixtures.available))
struct OriginalReadingTests {
    typealias Support = ValuesTestSupport

    static func reading(_ files: [ValuesVerifier.File]) -> ValuesVerifier.OriginalReading {
        ValuesVerifier.OriginalReading(files.map { (role: $0.role, text: $0.original) })
    }

    /// Edits of the written files (index, edit) that break invariants of each kind: file-level (duplicate key, text
    /// that is no YAML, whose fault depends on the 8.7 text's own reading) and per region (8.7-only key, env value).
    static let edits: [(String, Int, @Sendable (String) -> String)] = [
        ("unchanged", 0, { $0 }),
        ("8.7-only key", 0, { $0 + "zeebeGateway:\n  replicas: 1\n" }),
        ("duplicate key", 1, { $0 + "global:\n  multiregion:\n    regionId: 0\n" }),
        ("not YAML", 2, { $0 + "orchestration: [\n" }),
        ("env value", 0, { $0.replacingOccurrences(of: "value: Stackdriver", with: "value: Other") }),
        ("region 1 port", 2, { $0 + "orchestration:\n  service:\n    httpPort: 9600\n" }),
    ]

    @Test("the same problems as without it, for every edit and both stages", arguments: MigrationStage.allCases)
    func sameProblems(stage: MigrationStage) throws {
        let (files, scenario) = try ValuesVerifierTests.files(stage)
        var found = 0
        for (name, index, edit) in Self.edits {
            var edited = files
            edited[index].written = edit(edited[index].written)
            let alone = ValuesVerifier.problems(edited, scenario: scenario, stage: stage)
            let ahead = ValuesVerifier.problems(edited, scenario: scenario, stage: stage, originals: Self.reading(files))
            #expect(ahead == alone, "\(name)")
            found += alone.count
        }
        // The edits do break invariants: the comparison is not one of empty lists.
        #expect(found >= 4)
    }

    @Test("a reading of other texts or roles is not used")
    func otherTextsAreReadAgain() throws {
        let (files, scenario) = try ValuesVerifierTests.files(.migration)
        // Read ahead: a base file whose 8.7 text holds a duplicate key and an env entry the written file lacks.
        var other = files
        other[0].original += "zeebe:\n  env:\n    - name: ONLY_IN_THE_READING\n      value: x\n"
        #expect(Self.reading(other).reading(of: files) == nil)
        #expect(ValuesVerifier.problems(files, scenario: scenario, stage: .migration, originals: Self.reading(other)).isEmpty)
        // The same texts in other roles (the region files swapped) are not the same reading either.
        var swapped = files
        swapped.swapAt(1, 2)
        #expect(Self.reading(swapped).reading(of: files) == nil)
        #expect(Self.reading(files).reading(of: files) != nil)
    }

    @Test("the files read from the disk are the reader's texts; a FIFO is not read")
    func readsRegularFilesOnly() throws {
        let folder = Support.referenceFolder
        let paths = ["camunda-values.yml", "region0/camunda-values.yml", "region1/camunda-values.yml"].map { "\(folder)/\($0)" }
        let input = try ValuesInput.load(bases: [paths[0]], region0: paths[1], region1: paths[2])
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let files = zip(input.files, result.files).map { ValuesVerifier.File(path: $1.path, role: $0.role, original: $0.document.text, written: $1.text) }
        #expect(ValuesVerifier.OriginalReading(bases: [paths[0]], region0: paths[1], region1: paths[2]).reading(of: files) != nil)
        // Without base files the same paths are complete files: other roles, not this reading.
        #expect(ValuesVerifier.OriginalReading(bases: [], region0: paths[1], region1: paths[2]).reading(of: files) == nil)
        // A FIFO with no writer: opened without blocking and left unread (a read would wait for a writer for ever).
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("original-reading-\(getpid()).fifo").path
        guard mkfifo(fifo, 0o600) == 0 else { return }
        defer { unlink(fifo) }
        #expect(ValuesVerifier.OriginalReading.regularFileText(fifo) == nil)
        #expect(ValuesVerifier.OriginalReading(bases: [fifo], region0: paths[1], region1: paths[2]).reading(of: files) == nil)
        #expect(ValuesVerifier.OriginalReading.regularFileText(paths[1]) == input.files[1].document.text)
    }

    @Test("values verifies with the reading started before the migration")
    func verifiesAResult() throws {
        let input = try Support.referenceInput()
        let scenario = try Support.inferredScenario(input)
        let originals = ValuesVerifier.OriginalReading(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario, originals: originals) }
        // A written text broken after the migration is caught with the reading as without it.
        var broken = result
        broken.files[0].text += "zeebe:\n  replicas: 1\n"
        let error = try #require(throws: ValuesVerificationError.self) { try ValuesVerifier.verify(broken, input: input, scenario: scenario, originals: originals) }
        #expect(error.rule == "R11")
        #expect(throws: error) { try ValuesVerifier.verify(broken, input: input, scenario: scenario) }
    }
}

/// `ConcurrentValue` runs its work on another thread and gives its result once, whether or not it is read.
@Suite("ConcurrentValue: work on a thread of its own")
struct ConcurrentValueTests {
    @Test("the value is the work's result, made on another thread")
    func resultFromAnotherThread() {
        let caller = pthread_self()
        let values = (0..<8).map { number in ConcurrentValue { (number * number, pthread_equal(pthread_self(), caller) != 0) } }
        for (number, value) in values.enumerated() {
            #expect(value.value.0 == number * number)
            #expect(value.value.1 == false, "ran on the caller's thread")
        }
    }

    @Test("the work's thread leaves SIGINT, SIGTERM, SIGHUP and SIGQUIT to the main thread")
    func signalsGoToTheMainThread() {
        // Made by a thread that has the four unblocked (the test runner's threads may block them already, and a new
        // thread takes its maker's mask), restored afterwards.
        var four = sigset_t(), saved = sigset_t()
        sigemptyset(&four)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&four, signal) }
        pthread_sigmask(SIG_UNBLOCK, &four, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let blocked = ConcurrentValue { () -> [Bool] in
            var mask = sigset_t()
            pthread_sigmask(SIG_BLOCK, nil, &mask)
            return [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1].map { sigismember(&mask, $0) == 1 }
        }.value
        // Any other signal as the thread that made the value has it (a new thread takes its maker's mask).
        var caller = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &caller)
        #expect(blocked == [true, true, true, true, sigismember(&caller, SIGUSR1) == 1])
    }

    @Test("a value never read is waited for when it is dropped")
    func unreadValueIsJoined() {
        final class Flag: @unchecked Sendable {
            var done = false
        }
        let flag = Flag()
        do {
            _ = ConcurrentValue {
                var total = 0
                for number in 0..<200_000 { total &+= number }
                flag.done = true
                return total
            }
        }
        #expect(flag.done)
    }
}
