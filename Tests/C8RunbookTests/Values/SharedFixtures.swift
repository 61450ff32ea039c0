import Foundation

/// Finds the shared material (fixtures, chart schema, validator): `<package root>/../shared`, else `/work/shared`.
enum SharedFixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let root: URL? = {
        let candidates = [packageRoot.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("fixtures/c8-multi-region").path) }
    }()

    static var available: Bool { root != nil }

    static func path(_ relative: String) -> String { root!.appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    /// The hand-made fixtures next to these tests.
    static func local(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Tests/C8RunbookTests/Values/Fixtures").appendingPathComponent(relative).path
    }
}
