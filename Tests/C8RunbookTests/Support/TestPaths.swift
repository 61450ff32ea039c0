import Foundation

/// Where the package and the shared material are, seen from the tests.
enum TestPaths {
    /// The package root: this file is `Tests/C8RunbookTests/Support/TestPaths.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// `../shared` beside the package (as in CI), or `/work/shared`; nil when neither exists, and tests that need it skip.
    static let shared: URL? = {
        for candidate in [packageRoot.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")]
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("guide/rules.md").path) {
            return candidate
        }
        return nil
    }()

    static var hasShared: Bool { shared != nil }

    /// True when generated files should be re-recorded instead of compared.
    static var recording: Bool { ProcessInfo.processInfo.environment["C8RUNBOOK_RECORD"] != nil }
}
