import Foundation

/// The reference values under the shared material (`TestPaths.shared`) and the hand-made fixtures next to these tests.
enum SharedFixtures {
    static var available: Bool {
        TestPaths.shared.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("fixtures/c8-multi-region/8.7").path) } ?? false
    }

    static func path(_ relative: String) -> String { TestPaths.shared!.appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    static func local(_ relative: String) -> String {
        TestPaths.file("Tests/C8RunbookTests/Values/Fixtures").appendingPathComponent(relative).path
    }
}
