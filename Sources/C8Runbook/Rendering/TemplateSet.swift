import Foundation
import Mustache

/// The runbook's words: Mustache templates by name (`steps/upgrade.helm`, `notes/unprotected-api`, `runbook`).
/// The set built into the binary is `Templates/` at build time, compiled to Swift (`CompiledTemplates`, kept current
/// by a test), so that rendering it parses nothing and looks nothing up by name. A team's own folder overrides it file
/// by file; a group with an overridden template (`group(of:)`) renders through swift-mustache, over the same typed
/// views (`WordsView`, `RunbookView`, `HTMLRunbookView`).
public struct TemplateSet: Sendable {
    /// Template sources by name, without extension.
    public let sources: [String: String]
    /// Whether each group renders with the compiled code (no template of it overridden), or through swift-mustache:
    /// three flags, read on every step, note and phase, where hashing the group's name into a set cost as much as
    /// finding the template.
    private let wordsCompiled: Bool, markdownCompiled: Bool, htmlCompiled: Bool
    /// Parsed on first use, one library per group, so that a command parses only the templates it renders:
    /// `tick` needs no page layout, Markdown no HTML. (swift-mustache's parser is slow: parsing every template
    /// took longer than planning a runbook.)
    private let libraries: LibraryCache

    /// Markdown is not HTML: values are inserted as they are, never entity-escaped.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"
    /// HTML templates escape values with `HTMLEscaping`, which does what swift-mustache's own HTML type does, faster.
    static let htmlPragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        return "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
    }()

    /// - Parameter validating: the templates to parse now, so that a malformed one is reported before anything is
    ///   rendered; nil for all of them. The others are parsed when first rendered.
    ///   - compiled: render the groups whose templates are all the built-in ones with the compiled code; false
    ///     renders everything through swift-mustache (the tests compare the two).
    public init(sources: [String: String], validating: Set<String>? = nil, compiled: Bool = true) throws(TemplateError) {
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) where validating?.contains(name) ?? true {
            guard !Self.isVerbatim(name) else { continue }
            do {
                _ = try MustacheTemplate(string: Self.prepared(name, text))
            } catch {
                throw Self.malformed(name, error)
            }
        }
        self.sources = sources
        self.libraries = LibraryCache()
        // The groups that render through swift-mustache: those with an overridden template, or all of them.
        let interpretedGroups = compiled
            ? Set(sources.filter { EmbeddedResources.templates[$0.key] != $0.value }.keys.map(Self.group(of:)))
            : Set(sources.keys.map(Self.group(of:)))
        wordsCompiled = !interpretedGroups.contains("words")
        markdownCompiled = !interpretedGroups.contains("markdown")
        htmlCompiled = !interpretedGroups.contains("html")
    }

    /// The text swift-mustache parses: the template with the content type its name calls for.
    static func prepared(_ name: String, _ text: String) -> String {
        pragma(name) + text
    }

    static func pragma(_ name: String) -> String { name.hasSuffix(".html") ? htmlPragma : textPragma }

    /// swift-mustache's parse error as the place in the template's own text (the pragma `prepared` puts before
    /// its first line taken off the column) and words a team can act on.
    static func malformed(_ name: String, _ error: any Error) -> TemplateError {
        guard let parse = error as? MustacheTemplate.ParserError else {
            return .malformed(name: name, line: 1, column: 1, reason: "cannot parse: \(error)")
        }
        let line = parse.context.lineNumber
        let column = line == 1 ? max(1, parse.context.columnNumber - pragma(name).count) : parse.context.columnNumber
        let reason = switch parse.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "section closed with the wrong name (each {{#name}} or {{^name}} ends with {{/name}})"
        case .expectedSectionEnd: "the file ends inside a section: end each {{#name}} or {{^name}} with {{/name}}"
        case .unfinishedName: "unfinished tag: close it with }}"
        case .invalidSetDelimiter: "malformed set-delimiter tag"
        // swift-mustache's parser ran past the end (its internal `Parser.Error.overflow`): a tag left open.
        default: "\(parse.error)" == "overflow" ? "the file ends inside a tag: close it with }}" : "malformed template: \(parse.error)"
        }
        return .malformed(name: name, line: line, column: column, reason: reason)
    }

    /// Templates render with the others of their group: the page layouts (`html/…`) with each other, as partials;
    /// the Markdown layout (`runbook`) alone; step, note and phase words together.
    static func group(of name: String) -> String {
        if name.hasPrefix("html/") { return "html" }
        if name == "runbook" { return "markdown" }
        return "words"
    }

    private func library(for group: String) -> MustacheLibrary {
        libraries.library(group) {
            var library = MustacheLibrary()
            for (name, text) in sources where Self.group(of: name) == group && !Self.isVerbatim(name) {
                do { try library.register(Self.prepared(name, text), named: name) } catch {
                    preconditionFailure("template \(name) was validated when the set was made: \(error)")
                }
            }
            return library
        }
    }

    /// Stylesheets (`html/style.css`) are used as they are, never parsed as Mustache: CSS is all braces, and
    /// swift-mustache took about 2 ms on every run of the tool, whatever the format, to find none.
    static func isVerbatim(_ name: String) -> Bool { name.hasSuffix(".css") }

    /// The templates compiled into the binary.
    public static let embedded: TemplateSet = {
        // Every embedded template is parsed by the tests; here each is parsed when first used.
        do { return try TemplateSet(sources: EmbeddedResources.templates, validating: []) } catch {
            fatalError("the embedded templates do not parse: \(error); run the template freshness test")
        }
    }()

    /// The embedded templates, with every `*.mustache` file under `directory` (UTF-8; CRLF line ends read as LF)
    /// replacing the one of the same name.
    public static func overriding(with directory: String) throws(TemplateError) -> TemplateSet {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderNotFound(path: directory)
        }
        var sources = EmbeddedResources.templates
        var overridden = Set<String>()
        let shown = directory.hasSuffix("/") ? directory : directory + "/"
        for (name, path) in Self.templateFiles(under: root) {
            // Named as the team wrote the folder, like every other template error.
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: shown + name + ".mustache") }
            guard let text = String(data: data, encoding: .utf8) else {
                let place = InputFile.location(of: InputFile.firstInvalidUTF8(data), in: data, file: path)
                throw .invalid(path: shown + name + ".mustache", line: place.line, column: place.column,
                               reason: "not UTF-8 text; save the template as UTF-8")
            }
            guard sources[name] != nil else {
                let hint = Suggestion.closest(to: name, in: sources.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw .unknown(path: (directory.hasSuffix("/") ? directory : directory + "/") + name + ".mustache", name: name, hint: hint)
            }
            // A file saved on Windows: CRLF would leave a carriage return in titles and lines (and make a copy of a
            // built-in template differ from it).
            sources[name] = text.replacingOccurrences(of: "\r\n", with: "\n")
            overridden.insert(name)
        }
        let set: TemplateSet
        do { set = try TemplateSet(sources: sources, validating: overridden) } catch {
            guard case let .malformed(name, line, column, reason) = error else { throw error }
            throw .invalid(path: shown + name + ".mustache", line: line, column: column, reason: reason)
        }
        let check = TemplateCheck(sources: sources)
        for (name, _) in Self.templateFiles(under: root) where !isVerbatim(name) { try check.check(name, path: shown + name + ".mustache") }
        return set
    }

    /// `*.mustache` files under `root`, named by their relative path without the extension.
    static func templateFiles(under root: URL) -> [(name: String, path: String)] {
        let rootPath = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return [] }
        var files: [(String, String)] = []
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            files.append((String(relative.dropLast(".mustache".count)), rootPath + "/" + relative))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// A step, note or phase template (`steps/…`, `notes/…`, `phases/…`) over its view.
    func render(words name: String, _ view: WordsView) -> String {
        if wordsCompiled, let text = CompiledTemplates.words(name, view) { return text }
        return interpreted(name, view)
    }

    /// The Markdown layout (`runbook`). The compiled layout writes into one buffer sized from the view
    /// (`RunbookView.estimatedSize`), so that the page is not copied as it grows.
    func render(markdown view: RunbookView) -> String {
        if markdownCompiled {
            var out = ""
            out.reserveCapacity(view.estimatedSize)
            if CompiledTemplates.markdown(view, into: &out) { return out }
        }
        return interpreted("runbook", view)
    }

    /// A page template (`html/page.html`, `html/runbook.html`), written into one buffer sized from the view
    /// (`HTMLRunbookView.estimatedSize(of:)`) when compiled.
    func render(html name: String, _ view: HTMLRunbookView) -> String {
        if htmlCompiled {
            var out = ""
            out.reserveCapacity(view.estimatedSize(of: name))
            if CompiledTemplates.html(name, view, into: &out) { return out }
        }
        return interpreted(name, view)
    }

    /// Renders through swift-mustache over the view's fields, read once by reflection (`reflected`); a missing
    /// template is a programming error in the embedded set, caught by tests.
    private func interpreted(_ name: String, _ view: Any) -> String {
        guard let text = library(for: Self.group(of: name)).render(Self.reflected(view) ?? [:], withTemplate: name) else {
            preconditionFailure("no template named '\(name)'")
        }
        return text
    }
}

extension TemplateSet {
    /// A view as swift-mustache's dictionaries, read once: a struct becomes `[field: value]`, a list its items,
    /// an optional its value or, when nil, no key at all (so that a lookup climbs the context stack, as it does for
    /// a nil field); strings, numbers and flags stay as they are. (swift-mustache can read structs itself, but
    /// reflects the whole struct again for every name it looks up.)
    static func reflected(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { reflected($0.value) }
        case .struct where !(value is String):
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = reflected(child.value) else { continue }
                fields[label] = field
            }
            return fields
        case .collection:
            return mirror.children.compactMap { reflected($0.value) }
        default:
            return value
        }
    }
}

/// The parsed libraries of a template set, made once per group, safe to share between threads.
private final class LibraryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var libraries: [String: MustacheLibrary] = [:]

    func library(_ group: String, make: () -> MustacheLibrary) -> MustacheLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let library = libraries[group] { return library }
        let library = make()
        libraries[group] = library
        return library
    }
}

public enum TemplateError: DiagnosticError, Equatable {
    case folderNotFound(path: String)
    case unreadable(path: String)
    case unknown(path: String, name: String, hint: String)
    /// swift-mustache cannot parse the template `name` (1-based line and column of its own text).
    case malformed(name: String, line: Int, column: Int, reason: String)
    /// A check of `TemplateCheck` failed at a 1-based line and column of the team's template file.
    case invalid(path: String, line: Int, column: Int, reason: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .folderNotFound: .noInput
        default: .dataError
        }
    }

    public var description: String {
        switch self {
        case let .folderNotFound(path): "\(path): error: no such templates folder"
        case let .unreadable(path): "\(path): error: cannot read template (permission denied?)"
        case let .unknown(path, name, hint): "\(path):1:1: error: no built-in template is named '\(name)'\(hint); overrides must use the names under Templates/"
        case let .malformed(name, line, column, reason): "\(name).mustache:\(line):\(column): error: \(reason)"
        case let .invalid(path, line, column, reason): "\(path):\(line):\(column): error: \(reason)"
        }
    }
}
