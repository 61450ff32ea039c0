import Foundation
import Testing

/// The bad-input corpus: every folder under `BadInput/` holds input files and a `case.txt` with the command line,
/// the expected exit code and a fragment of the one line expected on standard error. Each case must fail cleanly:
/// that exit code, one line on stderr, no crash or stack trace, and no file created, changed or removed.
@Suite struct BadInputCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput")

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var exit: Int32
        var stderr: String
        var setup: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            guard let text = try? String(contentsOf: root.appendingPathComponent("\(name)/case.txt"), encoding: .utf8) else { return nil }
            var result = Case(name: name, arguments: [], exit: -1, stderr: "", setup: [])
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let (key, value) = (line.prefix { $0 != ":" }, line.drop { $0 != ":" }.dropFirst().drop { $0 == " " })
                switch key {
                case "args": result.arguments = value.split(separator: " ").map(String.init)
                case "exit": result.exit = Int32(value) ?? -1
                case "stderr": result.stderr = String(value)
                case "setup": result.setup.append(value.split(separator: " ").map(String.init))
                default: break
                }
            }
            return result
        }
    }()

    @Test func theCorpusHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases) func failsCleanly(_ bad: Case) throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.root.appendingPathComponent(bad.name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) where item != "case.txt" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        try Self.apply(bad.setup, in: folder)
        let before = try Self.snapshot(folder)

        let result = try BuiltBinary.run(bad.arguments, in: folder)

        #expect(result.status == bad.exit, "exit \(result.status): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // Usage errors come from swift-argument-parser, which follows the error line with the usage text.
        if bad.exit != 64 { #expect(lines.count == 1, "one line on stderr, got:\n\(result.stderr)") }
        #expect(lines.first?.contains(bad.stderr) == true, "stderr: \(result.stderr)")
        for marker in ["Fatal error", "Backtrac", "crashed", "Stack dump"] {
            #expect(!result.stderr.contains(marker), "\(marker) in stderr")
        }
        #expect(result.stdout.isEmpty, "nothing on stdout: \(result.stdout.prefix(200))")
        #expect(try Self.snapshot(folder) == before, "no file created, changed or removed")
    }

    /// Inputs too large or too odd to keep in git are made when the test runs.
    static func apply(_ setup: [[String]], in folder: URL) throws {
        for step in setup {
            let path = { (name: String) in folder.appendingPathComponent(name) }
            switch step.first {
            case "huge":
                let line = Data("title: \(String(repeating: "x", count: 70))\n".utf8)
                var data = Data()
                while data.count < Int(step[2])! { data.append(line) }
                try data.write(to: path(step[1]))
            case "deep":
                let depth = Int(step[2])!
                try Data(("version: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n").utf8).write(to: path(step[1]))
            case "symlink":
                try FileManager.default.createSymbolicLink(atPath: path(step[1]).path, withDestinationPath: step[2])
            case "chmod":
                try FileManager.default.setAttributes([.posixPermissions: Int(step[1], radix: 8)!], ofItemAtPath: path(step[2]).path)
            case "mkdir":
                try FileManager.default.createDirectory(at: path(step[1]), withIntermediateDirectories: true)
            default:
                Issue.record("unknown setup \(step)")
            }
        }
    }

    /// Every entry below `folder`: files by content, links by target, folders by name. A progress file's lock
    /// (`<file>.lock`, empty, never deleted, since deleting a lock is a race) is not content.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        for relative in manager.subpaths(atPath: folder.path) ?? [] where !relative.hasSuffix(".json.lock") {
            let path = folder.appendingPathComponent(relative).path
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                result[relative] = Data("link:\(target)".utf8)
            } else if let data = manager.contents(atPath: path) {
                result[relative] = data
            } else {
                result[relative] = Data("directory".utf8)
            }
        }
        return result
    }
}
