import Foundation
import Testing

/// `--values` repeated, end to end as a user runs it: the reference base split into a common file and an exporters
/// file, through `init`, `values` (both stages) and `generate --values-dir`. Skipped without ../shared.
@Suite(.serialized, .enabled(if: ValuesCLIFixtures.hasShared))
struct MultipleBaseFilesCLITests {
    /// `in/common.yml` (the reference base without `zeebe.env`), `in/exporters.yml` (`zeebe.env` alone) and the
    /// reference overlays.
    func prepare() throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        let input = try ValuesCLIFixtures.copy(ValuesCLIFixtures.shared!.appendingPathComponent("fixtures/c8-multi-region/8.7"), to: folder, as: "in")
        let base = input.appendingPathComponent("camunda-values.yml")
        let lines = try String(contentsOf: base, encoding: .utf8).components(separatedBy: "\n")
        let zeebe = try #require(lines.firstIndex(of: "zeebe:"))
        let env = try #require(lines[zeebe...].firstIndex(of: "    env:")), end = try #require(lines[env...].firstIndex(of: "    pvcSize: 32Gi"))
        try (Array(lines[..<env]) + Array(lines[end...])).joined(separator: "\n").write(to: input.appendingPathComponent("common.yml"), atomically: true, encoding: .utf8)
        try (["zeebe:"] + Array(lines[env..<end]) + [""]).joined(separator: "\n").write(to: input.appendingPathComponent("exporters.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: base)
        return folder
    }

    static let files = ["--values", "in/common.yml", "--values", "in/exporters.yml",
                        "--region0-values", "in/region0/camunda-values.yml", "--region1-values", "in/region1/camunda-values.yml"]

    @Test func initValuesAndGenerateNameEveryBaseFileInOrder() throws {
        let folder = try prepare()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initResult = try BuiltBinary.run(["init"] + Self.files + ["--release", "camunda", "--kube-context0", "eu", "--kube-context1", "us", "-o", "scenario.yml"], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let scenario = try String(contentsOf: folder.appendingPathComponent("scenario.yml"), encoding: .utf8)
        #expect(scenario.contains("  base:\n    - common.yml\n    - exporters.yml\n"))
        for (stage, dir) in [("migration", "values-8.8"), ("final", "values-8.8-final")] {
            let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + Self.files + ["--stage", stage, "--out-dir", "in/\(dir)"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let written = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("in/\(dir)").path).sorted()
            #expect(written.contains("common.yml") && written.contains("exporters.yml") && written.contains("region0/camunda-values.yml"))
            let exporters = try String(contentsOf: folder.appendingPathComponent("in/\(dir)/exporters.yml"), encoding: .utf8)
            #expect(exporters.contains("ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT"), "the common file's gateway entries reach the list that wins")
        }
        let runbook = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "--values-dir", "in"], in: folder)
        #expect(runbook.status == 0, "\(runbook.stderr)")
        let out = folder.appendingPathComponent("in").standardizedFileURL.path
        #expect(runbook.stdout.contains("  -f \(out)/values-8.8/common.yml \\\n  -f \(out)/values-8.8/exporters.yml \\\n  -f \(out)/values-8.8/region0/camunda-values.yml"))
        #expect(runbook.stdout.contains("  -f \(out)/values-8.8-final/common.yml \\\n  -f \(out)/values-8.8-final/exporters.yml \\\n  -f \(out)/values-8.8-final/region1/camunda-values.yml"))
        #expect(runbook.stdout.contains("--values \(out)/common.yml --values \(out)/exporters.yml --region0-values"))
    }
}
