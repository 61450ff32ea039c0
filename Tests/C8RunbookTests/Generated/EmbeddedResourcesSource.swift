import Foundation

/// Writes `Sources/C8Runbook/Rendering/EmbeddedResources.swift` from `Templates/` and the reference scenario, so a
/// release binary carries its words and example with it.
enum EmbeddedResourcesSource {
    static let relativePath = "Sources/C8Runbook/Rendering/EmbeddedResources.swift"

    static func render(root: URL) throws -> String {
        let templatesRoot = root.appendingPathComponent("Templates")
        var lines = [
            "// GENERATED from Templates/ and Runbooks/reference/scenario.yml; do not edit.",
            "// Refresh: C8RUNBOOK_RECORD=1 swift test --filter EmbeddedResourcesTests",
            "",
            "enum EmbeddedResources {",
            "    static let templates: [String: String] = [",
        ]
        for (name, url) in try templateFiles(templatesRoot) {
            let text = try String(contentsOf: url, encoding: .utf8)
            lines.append("        \(literal(name)): \(literal(text)),")
        }
        lines.append("    ]")
        let example = try String(contentsOf: root.appendingPathComponent("Runbooks/reference/scenario.yml"), encoding: .utf8)
        lines.append("")
        lines.append("    static let exampleScenario = \(literal(example))")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func templateFiles(_ root: URL) throws -> [(String, URL)] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".mustache") }.sorted().map {
            (String($0.dropLast(".mustache".count)), root.appendingPathComponent($0))
        }
    }

    /// A raw multi-line literal whose value is exactly `text`.
    static func literal(_ text: String) -> String {
        guard text.contains("\n") else {
            var hashes = "#"
            while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            return hashes + "\"" + text + "\"" + hashes
        }
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        // The line break before the closing delimiter is not part of the value.
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }
}
