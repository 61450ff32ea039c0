import Foundation
import Testing
@testable import C8Runbook

/// The template compiler on templates written to break it: where it cannot reproduce swift-mustache exactly it
/// stops with a message naming the template, and the code it writes compiles without warnings (CI fails on any).
/// The compiled code cannot be compiled here, so these tests read the generated source; the byte-for-byte
/// comparison of both paths over the built-in templates is `CompiledTemplatesTests`.
@Suite struct TemplateCompilerTests {
    /// One view of each kind from the built-in example as it is: no basic-auth users, no rule values.
    static var smallExamples: [Any] {
        let example = try! Scenario.parse(yaml: Scenario.exampleYAML, file: "example")  // Tested elsewhere.
        let runbook = Planner().plan(example)
        return [TemplateContext(scenario: example).view(region: 0), RunbookView(runbook: runbook), HTMLRunbookView(runbook: runbook)]
    }

    /// The generated file for `templates` (with empty layouts unless given), over the small examples.
    func generated(_ templates: [String: String], examples: [Any]? = nil) throws -> String {
        var sources = ["runbook": "text", "html/page.html": "text", "html/runbook.html": "text"]
        sources.merge(templates) { $1 }
        return try TemplateCompiler(sources: sources, examples: examples ?? Self.smallExamples).source()
    }

    /// The generation error for `templates`; nil when it generated.
    func failure(_ templates: [String: String], examples: [Any]? = nil) -> String? {
        do {
            _ = try generated(templates, examples: examples)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The generated function of one template.
    func function(_ name: String, in source: String) throws -> String {
        let start = try #require(source.range(of: "    /// `\(name)`\n"))
        let rest = source[start.upperBound...]
        let end = rest.range(of: "\n    /// `")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// swift-mustache renders an inverted section over a nil list in the enclosing context, keeping the list
    /// position (`first()`); over an empty list it pushes the list and drops the position. `renames` is nil
    /// for every step but R14's, `variables` is R15's list.
    @Test func anInvertedSectionOverANilListKeepsTheEnclosingListPosition() throws {
        let source = try generated(["notes/x": "{{#variables}}{{^renames}}{{#first()}}F{{/first()}}{{/renames}}{{/variables}}"],
                                   examples: CompiledTemplatesTests.exampleViews)
        let code = try function("notes/x", in: source)
        #expect(code.contains("== 0"), "the nil branch tests first(): \(code)")
        #expect(code.contains("isEmpty"), "an empty list still renders the body, without a position: \(code)")
    }

    @Test func aPartialOfAnotherGroupOrAStylesheetStopsGeneration() {
        // swift-mustache's library of a group holds only that group's templates and no stylesheet: the partial
        // renders nothing there, so the compiled code must not inline it.
        let other = failure(["html/runbook.html": "{{> notes/x}}", "notes/x": "words"])
        #expect(other?.contains("html/runbook.html") == true && other?.contains("notes/x") == true, "\(other ?? "generated")")
        let style = failure(["html/runbook.html": "{{> html/style.css}}", "html/style.css": "a { }"])
        #expect(style?.contains("html/style.css") == true, "\(style ?? "generated")")
    }

    /// The compiler learns field names from example views: a list empty in every example has no known item,
    /// and a name inside it would silently render nothing in the compiled code while swift-mustache renders it.
    @Test func aListWithNoExampleItemStopsGeneration() {
        let message = failure(["html/runbook.html": "{{#users}}<li>{{name}}</li>{{/users}}"])
        #expect(message?.contains("html/runbook.html") == true && message?.contains("UserEntry") == true, "\(message ?? "generated")")
    }

    /// A name no frame in reach has renders nothing on both paths: in a built-in template it is a mistake.
    @Test func aNameNoViewHasInReachStopsGeneration() {
        let variable = failure(["html/runbook.html": "{{#phases}}{{titel}}{{/phases}}"])
        #expect(variable?.contains("html/runbook.html") == true && variable?.contains("'titel'") == true, "\(variable ?? "generated")")
        // `kubeContext` is a region's field, not the step view's.
        let section = failure(["notes/x": "{{#kubeContext}}x{{/kubeContext}}"])
        #expect(section?.contains("notes/x") == true && section?.contains("'kubeContext'") == true, "\(section ?? "generated")")
    }

    @Test func unsupportedConstructsStopGenerationNamingTheTemplate() {
        let cases: [(String, String)] = [
            ("{{capitalized(release)}}", "{{capitalized(release)}}: transforms are not compiled"),
            ("{{#uppercased(lowercased(release))}}x{{/uppercased(lowercased(release))}}", "{{#uppercased(lowercased(release))}}: transforms"),
            ("{{#region}}\n  {{> notes/y}}\n{{/region}}", "indented"),
            ("{{#index()}}x{{/index()}}", "{{#index()}}: of the list position, only first() and last() are compiled"),
            ("{{region}}", "cannot be inserted as text"),
        ]
        for (template, reason) in cases {
            let message = failure(["notes/x": template, "notes/y": "y"])
            #expect(message?.contains("notes/x") == true && message?.contains(reason) == true, "\(template): \(message ?? "generated")")
        }
    }

    /// Every name the generated code binds is used, and `out` is mutated where it is a `var`: Swift would warn
    /// otherwise. Template text that spells a binding's name (`object1`) must not count as a use.
    @Test func theGeneratedCodeHasNoUnusedBindings() throws {
        let adversarial = try generated([
            "notes/empty": "",
            "notes/empty-section": "{{#region}}{{/region}}{{#variables}}{{/variables}}",
            "notes/names-in-text": "{{#region}}object1 item2 index3 list1{{/region}}{{#variables}}item3 index2 object1{{/variables}}",
            "notes/position-in-text": "{{#variables}}{{^last()}}, {{/last()}}index2 item3{{/variables}}",
        ], examples: CompiledTemplatesTests.exampleViews)
        let builtIn = try String(contentsOf: TestPaths.file(TemplateCompiler.relativePath), encoding: .utf8)
        for (label, source) in [("adversarial", adversarial), ("built-in", builtIn)] {
            for function in source.components(separatedBy: "\n    /// `").dropFirst() {
                let name = function.prefix { $0 != "`" }
                let code = Self.withoutLiterals(function)
                for binding in Self.bindings(in: code) {
                    #expect(Self.uses(of: binding, in: code) >= 2, "\(label) \(name): '\(binding)' is bound but never used")
                }
                if code.contains("var out") {
                    #expect(code.contains("out += ") || code.contains("to: &out)"), "\(label) \(name): 'out' is never mutated")
                }
            }
        }
    }

    /// Swift code with the contents of its string literals and its `//` comments removed.
    static func withoutLiterals(_ code: String) -> String {
        var out = ""
        var inLiteral = false, escaped = false, inComment = false
        var previous: Character = " "
        for character in code {
            defer { previous = character }
            if inComment {
                if character == "\n" { inComment = false; out.append(character) }
                continue
            }
            if inLiteral {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inLiteral = false; out.append(character) }
                continue
            }
            if character == "/", previous == "/" { out.removeLast(); inComment = true; continue }
            if character == "\"" { inLiteral = true }
            out.append(character)
        }
        return out
    }

    /// Names bound by `let x =`, `if let x =`, `for x in`, `for (i, x) in`.
    static func bindings(in code: String) -> [String] {
        let patterns = [#"\blet ([A-Za-z_][A-Za-z0-9_]*) ="#, #"\bfor ([A-Za-z_][A-Za-z0-9_]*) in\b"#,
                        #"\bfor \(([A-Za-z_][A-Za-z0-9_]*), ([A-Za-z_][A-Za-z0-9_]*)\) in\b"#]
        var names: [String] = []
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)  // Literal patterns.
            for match in regex.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                for group in 1..<match.numberOfRanges {
                    guard let range = Range(match.range(at: group), in: code), code[range] != "_" else { continue }
                    names.append(String(code[range]))
                }
            }
        }
        return names
    }

    /// Occurrences of `identifier` as a whole identifier.
    static func uses(of identifier: String, in code: String) -> Int {
        let regex = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9_`])"# + NSRegularExpression.escapedPattern(for: identifier) + #"(?![A-Za-z0-9_`])"#)
        return regex.numberOfMatches(in: code, range: NSRange(code.startIndex..., in: code))
    }
}
