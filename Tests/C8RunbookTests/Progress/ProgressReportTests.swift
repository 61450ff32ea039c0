import Foundation
import Testing
@testable import C8Runbook

@Suite struct ProgressReportTests {
    static let runbook = ProgressFixtures.reference

    static func report(_ ids: [String]) throws -> ProgressReport {
        ProgressReport(state: ProgressState(runbook: runbook, file: try ProgressFixtures.ticked(ids)), progressFile: "p.json", hasFile: true)
    }

    @Test func countsAddUpOverallPerPhaseAndPerRegion() throws {
        let report = try Self.report(["prepare.storage-layout", "prepare.versions", "prepare.storage-version.region0", "troubleshooting.importer-stalls"])
        let required = Self.runbook.steps.filter(\.required)
        #expect(report.required == .init(done: 3, total: required.count))
        #expect(report.optional.done == 1)
        #expect(report.phases.map(\.total).reduce(0, +) == required.count)
        #expect(report.regions.map(\.total).reduce(0, +) == required.count)
        #expect(report.phases.first == .init(phase: .prepare, title: Self.runbook.phases[0].title, done: 3,
                                             total: Self.runbook.phases[0].steps.filter(\.required).count))
        #expect(report.regions.map(\.region) == [0, 1, nil])
        #expect(report.regions[0].done == 1 && report.regions[1].done == 0 && report.regions[2].done == 2)
        #expect(!report.phases.contains { $0.phase == .troubleshooting })
        #expect(!report.complete)
    }

    @Test func theTextSaysWhoDidWhatAndDrawsBarsOnlyForATerminal() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout"])
        _ = try ProgressFixtures.recorder().apply(.init(action: .tick, steps: ["post.exporters.disable"], by: "carol",
                                                        note: "ops call 14:02", force: true), to: &file)
        let report = ProgressReport(state: ProgressState(runbook: Self.runbook, file: file), progressFile: "p.json", hasFile: true)
        let plain = report.text(bars: false)
        let at = ProgressFixtures.clock.timestamp()
        #expect(plain.hasPrefix("p.json: 2 of \(report.required.total) required steps done (\(200 / report.required.total)%)\n"))
        #expect(plain.contains("prepare.storage-layout  alice at \(at) on test-host\n"))
        #expect(plain.contains("post.exporters.disable  carol at \(at) on test-host, forced past open prerequisites: “ops call 14:02”"))
        #expect(!plain.contains("█"))
        let bars = report.text(bars: true)
        #expect(bars.contains("[█░░░░"))
        #expect(bars.components(separatedBy: "\n").count == plain.components(separatedBy: "\n").count + 1)
    }

    @Test func valuesFromTheFileCannotReachTheTerminalAsEscapes() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout"])
        file.events[0].by = "mallory\u{1b}[2J"
        let text = ProgressReport(state: ProgressState(runbook: Self.runbook, file: file), progressFile: "p", hasFile: true).text(bars: false)
        #expect(!text.contains("\u{1b}"))
        #expect(text.contains("mallory?[2J"))
    }

    @Test func aMissingFileAndAChangedRunbookAreSaidSo() throws {
        let empty = ProgressReport(state: ProgressState(runbook: Self.runbook, file: ProgressFile(runbookFingerprint: Self.runbook.fingerprint)),
                                   progressFile: "p", hasFile: false)
        #expect(empty.text(bars: false).contains("No progress recorded yet"))
        let other = ProgressReport(state: ProgressState(runbook: Self.runbook, file: ProgressFile(runbookFingerprint: "0000000000000000")),
                                   progressFile: "p", hasFile: true)
        #expect(other.text(bars: false).contains("The runbook changed since this file was last written (runbook 0000000000000000 → \(Self.runbook.fingerprint))"))
    }

    @Test func theJSONHasTheCountsAndEveryStep() throws {
        let report = try Self.report(["prepare.storage-layout"])
        let decoded = try JSONDecoder().decode(ProgressReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(report.steps.count == Self.runbook.steps.count)
        #expect(report.steps.first { $0.id == "prepare.storage-layout" }?.tick?.by == "alice")
        #expect(report.next == ["prepare.versions"])
    }
}
