import Foundation

/// Inputs for the `init` and `values` end-to-end tests: copies of the hand-made variant, and the shared reference
/// values when present.
enum ValuesCLIFixtures {
    static let variant = BuiltBinary.packageRoot.appendingPathComponent("Tests/C8RunbookTests/Values/Fixtures/opensearch-shared")

    static let shared: URL? = [BuiltBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")]
        .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("fixtures/c8-multi-region/8.7").path) }

    static var hasShared: Bool { shared != nil }

    /// Copies an 8.7 values folder (base + region0/ + region1/) into `folder/name`.
    static func copy(_ source: URL, to folder: URL, as name: String) throws -> URL {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    static func arguments(_ folder: String) -> [String] {
        ["--values", "\(folder)/camunda-values.yml", "--region0-values", "\(folder)/region0/camunda-values.yml",
         "--region1-values", "\(folder)/region1/camunda-values.yml"]
    }
}
