import Foundation
@testable import C8Runbook
@testable import Mustache

/// Writes `Sources/C8Runbook/Rendering/CompiledTemplates.swift`: each built-in template as a Swift function over its
/// typed view. It reads the templates with swift-mustache's own parser (its tokens, standalone lines already removed),
/// so the compiled code has the parser's exact whitespace semantics, and resolves every name at generation time
/// against the view's fields (read by reflection from example views), climbing the context stack as swift-mustache
/// does: the innermost frame with the field wins, an optional field that is nil passes the lookup outwards.
/// A construct the compiled code cannot reproduce exactly (another transform, an indented partial, a partial of
/// another group, a list no example view has an item of) or a name no view has in reach (which renders nothing on
/// both paths: a mistake in a built-in template) stops generation with a message naming the template: the template
/// (or the example views of `CompiledTemplatesTests`) must then be written differently.
struct TemplateCompiler {
    static let relativePath = "Sources/C8Runbook/Rendering/CompiledTemplates.swift"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A view type's fields by name, each with its type as `String(reflecting:)` spells it.
    var schema: [String: [String: String]] = [:]
    /// The template sources by name (the `Templates/` folder).
    let sources: [String: String]

    init(sources: [String: String], examples: [Any]) {
        self.sources = sources
        for example in examples { learn(example) }
    }

    /// Records the fields of every struct reachable from `value`.
    private mutating func learn(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct where !(value is String):
            var fields = schema[Self.typeName(of: value)] ?? [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields[label] = Self.typeName(of: child.value)
                learn(child.value)
            }
            schema[Self.typeName(of: value)] = fields
        case .optional, .collection:
            for child in mirror.children { learn(child.value) }
        default: break
        }
    }

    static func typeName(of value: Any) -> String { String(reflecting: type(of: value)) }

    /// `Swift.Optional<X>` → X.
    static func unwrapped(_ type: String, _ generic: String) -> String? {
        let prefix = "Swift.\(generic)<"
        guard type.hasPrefix(prefix), type.hasSuffix(">") else { return nil }
        return String(type.dropFirst(prefix.count).dropLast())
    }

    // MARK: - Generation

    /// The whole generated file.
    func source() throws -> String {
        let groups: [(entry: String, viewType: String, names: [String])] = [
            ("words", "WordsView", sources.keys.filter { TemplateSet.group(of: $0) == "words" }.sorted()),
            ("markdown", "RunbookView", ["runbook"]),
            ("html", "HTMLRunbookView", ["html/page.html", "html/runbook.html"]),
        ]
        var functions: [String] = []
        var lines = [
            "// Generated from Templates/ by `C8RUNBOOK_RECORD=1 swift test --filter CompiledTemplatesTests`; do not edit.",
            "// Each built-in template is one function over its typed view (see TemplateSet and Tests/…/TemplateCompiler.swift).",
            "// swiftlint:disable all",
            "",
            "enum CompiledTemplates {",
        ]
        var usedNames = Set<String>()
        for group in groups {
            var cases: [String] = []
            for name in group.names {
                let function = Self.functionName(name)
                guard usedNames.insert(function).inserted else { throw Failure(description: "two templates compile to \(function)") }
                cases.append("        case \(Self.literal(name)): \(function)(view)")
                functions.append(try compile(name, function: function, viewType: group.viewType, appending: group.entry != "words"))
            }
            let module = "C8Runbook."
            let viewType = group.viewType
            precondition(schema[module + viewType] != nil, "no example of \(viewType)")
            switch group.entry {
            case "words":
                lines += ["    static func words(_ name: String, _ view: WordsView) -> String? {", "        switch name {"]
                lines += cases
                lines += ["        default: nil", "        }", "    }", ""]
            case "markdown":
                lines += ["    /// Appends the Markdown layout to `out` (which the caller has sized); true: it is compiled.",
                          "    static func markdown(_ view: RunbookView, into out: inout String) -> Bool {",
                          "        \(Self.functionName("runbook"))(view, into: &out)", "        return true", "    }", ""]
            default:
                lines += ["    /// Appends the page template `name` to `out` (which the caller has sized); false when no such template is compiled.",
                          "    static func \(group.entry)(_ name: String, _ view: \(viewType), into out: inout String) -> Bool {", "        switch name {"]
                lines += cases.map { $0.replacingOccurrences(of: "(view)", with: "(view, into: &out)") }
                lines += ["        default: return false", "        }", "        return true", "    }", ""]
            }
        }
        lines += functions
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func functionName(_ name: String) -> String {
        "render_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A Swift string literal with exactly the text's characters.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A frame of the context stack: a Swift expression and its type.
    struct Frame {
        var expression: String
        var type: String
    }

    /// Where code is being written: the stack, the enclosing list's position (for `first()`/`last()`), the escaping.
    struct Scope {
        var frames: [Frame]
        var sequence: (first: String, last: String)?
        var escapesHTML: Bool
        var template: String
        var partials: [String]
    }

    /// - Parameter appending: the function appends to an `inout` buffer its caller has sized (the page layouts,
    ///   hundreds of kilobytes: a string grown by doubling is copied about twice over) instead of returning a string
    ///   (the words' templates, a few hundred bytes each).
    private func compile(_ name: String, function: String, viewType: String, appending: Bool) throws -> String {
        var writer = Writer()
        writer.line("/// `\(name)`", indent: 1)
        let scope = Scope(frames: [Frame(expression: "view", type: "C8Runbook." + viewType)], sequence: nil, escapesHTML: false,
                          template: name, partials: [name])
        if appending {
            writer.line("private static func \(function)(_ view: \(viewType), into out: inout String) {", indent: 1)
            writer.text += try nested(parsed(name), scope: scope, writer: &writer, indent: 2)
            writer.line("}", indent: 1)
            return writer.text
        }
        writer.line("private static func \(function)(_ view: \(viewType)) -> String {", indent: 1)
        let body = try nested(parsed(name), scope: scope, writer: &writer, indent: 2)
        // A template that writes nothing (empty, or only empty sections) returns "": a `var out` never mutated, or
        // a binding used only by empty code, would be compiler warnings.
        if body.split(separator: "\n").contains(where: { $0.drop { $0 == " " }.hasPrefix("out += ") || $0.hasSuffix("to: &out)") }) {
            writer.line("var out = \"\"", indent: 2)
            writer.text += body
            writer.line("return out", indent: 2)
        } else {
            writer.line("return \"\"", indent: 2)
        }
        writer.line("}", indent: 1)
        return writer.text
    }

    private func parsed(_ name: String) throws -> [MustacheTemplate.Token] {
        guard let text = sources[name] else { throw Failure(description: "no template \(name)") }
        return try MustacheTemplate(string: TemplateSet.prepared(name, text)).tokens
    }

    struct Writer {
        var text = ""
        var counter = 0
        mutating func line(_ line: String, indent: Int) {
            text += String(repeating: "    ", count: indent) + line + "\n"
        }
        mutating func fresh(_ stem: String) -> String {
            counter += 1
            return "\(stem)\(counter)"
        }
    }

    /// What a name resolves to: an expression, its type without the optional, and whether it may be nil.
    struct Resolved {
        var expression: String
        var type: String
        var optional: Bool
    }

    private func resolve(_ name: String, in scope: Scope) throws -> Resolved? {
        if name == "." {
            let frame = scope.frames.last!
            return Resolved(expression: frame.expression, type: frame.type, optional: false)
        }
        guard !name.hasPrefix(".") else { throw Failure(description: "\(scope.template): the dotted name '\(name)' is not supported") }
        let parts = name.split(separator: ".").map(String.init)
        // The first part climbs the stack; an optional field chains to the next frame that has the name.
        var candidates: [(String, String)] = []
        var resolved: Resolved?
        for frame in scope.frames.reversed() {
            guard let field = schema[frame.type]?[parts[0]] else { continue }
            let member = "\(frame.expression).\(Self.member(parts[0]))"
            if let wrapped = Self.unwrapped(field, "Optional") {
                candidates.append((member, wrapped))
                continue
            }
            candidates.append((member, field))
            resolved = Resolved(expression: "", type: field, optional: false)
            break
        }
        guard let first = candidates.first else { return nil }
        guard candidates.allSatisfy({ $0.1 == first.1 }) else {
            throw Failure(description: "\(scope.template): '\(parts[0])' has different types in the frames that have it")
        }
        let expression = candidates.count == 1 ? candidates[0].0 : "(" + candidates.map(\.0).joined(separator: " ?? ") + ")"
        var result = Resolved(expression: expression, type: first.1, optional: resolved == nil)
        for part in parts.dropFirst() {
            guard let field = schema[result.type]?[part] else {
                throw Failure(description: "\(scope.template): '\(name)': \(result.type) has no field '\(part)'")
            }
            let access = result.optional ? "?." : "."
            result.expression = "\(result.expression)\(access)\(Self.member(part))"
            if let wrapped = Self.unwrapped(field, "Optional") {
                result.type = wrapped
                result.optional = true
            } else {
                result.type = field
            }
        }
        return result
    }

    /// A name with its transforms as the template spells it: `capitalized(release)`; the first transform is the
    /// outermost (swift-mustache applies them last to first).
    static func spelled(_ name: String, _ transforms: [String]) -> String {
        transforms.reversed().reduce(name) { "\($1)(\($0))" }
    }

    static func member(_ name: String) -> String { "`\(name)`" }

    /// The code of a section's body, written apart so that the caller can see which of its names it uses.
    private func nested(_ body: [MustacheTemplate.Token], scope: Scope, writer: inout Writer, indent: Int) throws -> String {
        var inner = Writer()
        inner.counter = writer.counter
        try emit(body, scope: scope, into: &inner, indent: indent)
        writer.counter = inner.counter
        return inner.text
    }

    /// Whether `code` uses the identifier: as a whole word, outside string literals (the template's text, which
    /// may spell `object1`) and `//` comments.
    static func mentions(_ code: String, _ identifier: String) -> Bool {
        let code = Self.code(code)
        func isIdentifier(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "_" || character == "`"
        }
        var rest = code[...]
        while let range = rest.range(of: identifier) {
            let before = range.lowerBound == code.startIndex ? nil : code[code.index(before: range.lowerBound)]
            if !isIdentifier(before), !isIdentifier(rest[range.upperBound...].first) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Generated code without the contents of its string literals (as `literal(_:)` writes them) and comments.
    static func code(_ text: String) -> String {
        var out = ""
        var inLiteral = false, escaped = false, inComment = false
        for character in text {
            if inComment {
                if character == "\n" { inComment = false; out.append(character) }
            } else if inLiteral {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inLiteral = false; out.append(character) }
            } else if character == "/", out.last == "/" {
                out.removeLast()
                inComment = true
            } else {
                if character == "\"" { inLiteral = true }
                out.append(character)
            }
        }
        return out
    }

    /// The statement that inserts `value` into `out`. An escaped string in an HTML template is escaped straight into
    /// `out` (`HTMLEscaping.append`: no escaped copy is made); a number or a flag prints digits, `-`, `true` or
    /// `false`, which escaping leaves as they are.
    private func insertion(of value: String, type: String, escaped: Bool, scope: Scope) throws -> String {
        switch type {
        case "Swift.String": escaped && scope.escapesHTML ? "HTMLEscaping.append(\(value), to: &out)" : "out += \(value)"
        case "Swift.Int": "out += String(\(value))"
        case "Swift.Bool": "out += (\(value) ? \"true\" : \"false\")"
        default: throw Failure(description: "\(scope.template): a \(type) cannot be inserted as text")
        }
    }

    private func emit(_ tokens: [MustacheTemplate.Token], scope: Scope, into writer: inout Writer, indent: Int) throws {
        var scope = scope
        for token in tokens {
            switch token {
            case .text(let text):
                guard !text.isEmpty else { continue }
                writer.line("out += \(Self.literal(text))", indent: indent)
            case .variable(let name, let transforms), .unescapedVariable(let name, let transforms):
                guard transforms.isEmpty else { throw Failure(description: "\(scope.template): {{\(Self.spelled(name, transforms))}}: transforms are not compiled; give the view the value as it is printed") }
                let escaped: Bool
                if case .variable = token { escaped = true } else { escaped = false }
                guard let value = try resolve(name, in: scope) else { throw unreachable(name, scope) }
                if value.optional {
                    let bound = writer.fresh("value")
                    writer.line("if let \(bound) = \(value.expression) {", indent: indent)
                    writer.line(try insertion(of: bound, type: value.type, escaped: escaped, scope: scope), indent: indent + 1)
                    writer.line("}", indent: indent)
                } else {
                    writer.line(try insertion(of: value.expression, type: value.type, escaped: escaped, scope: scope), indent: indent)
                }
            case .section(let name, let transforms, let template):
                try section(name, transforms: transforms, inverted: false, body: template.tokens, scope: scope, into: &writer, indent: indent)
            case .invertedSection(let name, let transforms, let template):
                try section(name, transforms: transforms, inverted: true, body: template.tokens, scope: scope, into: &writer, indent: indent)
            case .partial(let name, let indentation, let inherits):
                guard indentation?.isEmpty ?? true, inherits == nil else {
                    throw Failure(description: "\(scope.template): the partial {{> \(name)}} is indented or overrides blocks")
                }
                guard !scope.partials.contains(name) else { throw Failure(description: "\(scope.template): the partial \(name) leads back to itself") }
                // swift-mustache's library of a group holds only that group's templates, stylesheets excluded: such a
                // partial renders nothing there, and must not be inlined here.
                guard sources[name] != nil, TemplateSet.group(of: name) == TemplateSet.group(of: scope.template), !TemplateSet.isVerbatim(name) else {
                    throw Failure(description: "\(scope.template): the partial {{> \(name)}} is not a template of this group")
                }
                var inner = scope
                inner.sequence = nil  // As swift-mustache: a partial starts without the list's position.
                inner.template = name
                inner.partials.append(name)
                writer.line("// {{> \(name)}}", indent: indent)
                try emit(parsed(name), scope: inner, into: &writer, indent: indent)
            case .contentType(let type):
                switch type {
                case is HTMLEscaping: scope.escapesHTML = true
                case is TextContentType: scope.escapesHTML = false
                default: throw Failure(description: "\(scope.template): content type \(type) is not compiled")
                }
            case .blockDefinition, .blockExpansion, .dynamicNamePartial:
                throw Failure(description: "\(scope.template): template inheritance and dynamic partials are not compiled")
            }
        }
    }

    private func section(_ name: String, transforms: [String], inverted: Bool, body: [MustacheTemplate.Token], scope: Scope,
                         into writer: inout Writer, indent: Int) throws {
        // `{{#first()}}` / `{{^last()}}`: the position in the enclosing list.
        if name.isEmpty {
            guard transforms.count == 1, ["first", "last"].contains(transforms[0]) else {
                throw Failure(description: "\(scope.template): {{#\(Self.spelled(name, transforms))}}: of the list position, only first() and last() are compiled")
            }
            guard let sequence = scope.sequence else {
                // No list: the position is nil, so a section renders nothing and an inverted one everything.
                if inverted { try emit(body, scope: scope, into: &writer, indent: indent) }
                return
            }
            let condition = transforms[0] == "first" ? sequence.first : sequence.last
            writer.line("if \(inverted ? "!" : "")(\(condition)) {", indent: indent)
            try emit(body, scope: scope, into: &writer, indent: indent + 1)
            writer.line("}", indent: indent)
            return
        }
        guard transforms.isEmpty else { throw Failure(description: "\(scope.template): {{#\(Self.spelled(name, transforms))}}: transforms are not compiled; give the view the value it tests") }
        guard let value = try resolve(name, in: scope) else { throw unreachable(name, scope) }
        if value.type == "Swift.Bool" {
            let test = value.optional ? "\(value.expression) == true" : value.expression
            writer.line(inverted ? "if !(\(test)) {" : "if \(test) {", indent: indent)
            try emit(body, scope: scope, into: &writer, indent: indent + 1)
            writer.line("}", indent: indent)
            return
        }
        if let element = Self.unwrapped(value.type, "Array") {
            if inverted {
                // An empty list is pushed (not searched: it has no fields) and drops the list position; a nil one is
                // no value at all, so the body renders in the enclosing context, position included
                // (swift-mustache's renderInvertedSection).
                var empty = scope
                empty.frames.append(Frame(expression: "[]", type: value.type))
                empty.sequence = nil
                guard value.optional else {
                    writer.line("if \(value.expression).isEmpty {", indent: indent)
                    try emit(body, scope: empty, into: &writer, indent: indent + 1)
                    writer.line("}", indent: indent)
                    return
                }
                let list = writer.fresh("list")
                let start = writer.counter
                let whenEmpty = try nested(body, scope: empty, writer: &writer, indent: indent + 1)
                let afterEmpty = writer.counter
                writer.counter = start
                let whenNil = try nested(body, scope: scope, writer: &writer, indent: indent + 1)
                if whenEmpty == whenNil {
                    writer.line("if \(value.expression)?.isEmpty ?? true {", indent: indent)
                    writer.text += whenEmpty
                    writer.line("}", indent: indent)
                } else {
                    writer.line("if let \(list) = \(value.expression) {", indent: indent)
                    writer.line("if \(list).isEmpty {", indent: indent + 1)
                    writer.text += try nested(body, scope: empty, writer: &writer, indent: indent + 2)
                    writer.line("}", indent: indent + 1)
                    writer.line("} else {", indent: indent)
                    writer.text += whenNil
                    writer.line("}", indent: indent)
                }
                writer.counter = max(writer.counter, afterEmpty)
                return
            }
            try requireExample(of: element, scope: scope)
            let list = writer.fresh("list"), index = writer.fresh("index"), item = writer.fresh("item")
            var inner = scope
            inner.frames.append(Frame(expression: item, type: element))
            inner.sequence = (first: "\(index) == 0", last: "\(index) == \(list).count - 1")
            let code = try nested(body, scope: inner, writer: &writer, indent: indent + 2)
            if value.optional {
                writer.line("if let \(list) = \(value.expression) {", indent: indent)
            } else {
                writer.line("do {", indent: indent)
                writer.line("let \(list) = \(value.expression)", indent: indent + 1)
            }
            // Unused names would be compiler warnings.
            let pattern = Self.mentions(code, index) ? "(\(index), \(Self.mentions(code, item) ? item : "_"))" : Self.mentions(code, item) ? item : "_"
            writer.line("for \(pattern) in \(Self.mentions(code, index) ? "\(list).enumerated()" : list) {", indent: indent + 1)
            writer.text += code
            writer.line("}", indent: indent + 1)
            writer.line("}", indent: indent)
            return
        }
        // Any other value (a string, a number, a struct) renders once with itself on the stack when present.
        if inverted {
            guard value.optional else { return }
            writer.line("if \(value.expression) == nil {", indent: indent)
            try emit(body, scope: scope, into: &writer, indent: indent + 1)
            writer.line("}", indent: indent)
            return
        }
        try requireExample(of: value.type, scope: scope)
        let bound = writer.fresh("object")
        var inner = scope
        inner.frames.append(Frame(expression: bound, type: value.type))
        inner.sequence = nil
        let code = try nested(body, scope: inner, writer: &writer, indent: indent + 1)
        let used = Self.mentions(code, bound)
        switch (value.optional, used) {
        case (true, true): writer.line("if let \(bound) = \(value.expression) {", indent: indent)
        case (true, false): writer.line("if \(value.expression) != nil {", indent: indent)
        case (false, true): writer.line("do {", indent: indent); writer.line("let \(bound) = \(value.expression)", indent: indent + 1)
        case (false, false): writer.line("do {", indent: indent)
        }
        writer.text += code
        writer.line("}", indent: indent)
    }

    /// A frame's fields are known from the example views: a view type no example has (a list empty in every one)
    /// would make every name in the section resolve to nothing.
    private func requireExample(of type: String, scope: Scope) throws {
        guard type.hasPrefix("C8Runbook."), schema[type] == nil else { return }
        throw Failure(description: "\(scope.template): no example view has a \(type) (a list empty in every example?): add one to CompiledTemplatesTests.exampleViews")
    }

    private func unreachable(_ name: String, _ scope: Scope) -> Failure {
        let frames = scope.frames.map { $0.type.replacingOccurrences(of: "C8Runbook.", with: "") }.joined(separator: " > ")
        return Failure(description: "\(scope.template): no view in reach has '\(name)' (the context: \(frames)); it would render nothing")
    }
}
