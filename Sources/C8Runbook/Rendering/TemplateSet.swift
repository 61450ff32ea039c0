import Foundation
import Mustache

/// The runbook's words: Mustache templates by name (`steps/upgrade.helm`, `notes/unprotected-api`, `runbook`).
/// The set built into the binary is `Templates/` at build time; a team's own folder overrides it file by file.
public struct TemplateSet: Sendable {
    /// Template sources by name, without extension.
    public let sources: [String: String]
    let library: MustacheLibrary

    /// Markdown is not HTML: values are inserted as they are, never entity-escaped.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"
    /// HTML templates escape values with `HTMLEscaping`, which does what swift-mustache's own HTML type does, faster.
    static let htmlPragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        return "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
    }()

    public init(sources: [String: String]) throws(TemplateError) {
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) where !Self.isVerbatim(name) {
            let prefixed = (name.hasSuffix(".html") ? Self.htmlPragma : Self.textPragma) + text
            do {
                try library.register(prefixed, named: name)
            } catch {
                throw .malformed(name: name, reason: "\(error)")
            }
        }
        self.sources = sources
        self.library = library
    }

    /// Stylesheets (`html/style.css`) are used as they are, never parsed as Mustache: CSS is all braces, and
    /// swift-mustache took about 2 ms on every run of the tool, whatever the format, to find none.
    static func isVerbatim(_ name: String) -> Bool { name.hasSuffix(".css") }

    /// The templates compiled into the binary.
    public static let embedded: TemplateSet = {
        do { return try TemplateSet(sources: EmbeddedResources.templates) } catch {
            fatalError("the embedded templates do not parse: \(error); run the template freshness test")
        }
    }()

    /// The embedded templates, with every `*.mustache` file under `directory` replacing the one of the same name.
    public static func overriding(with directory: String) throws(TemplateError) -> TemplateSet {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderNotFound(path: directory)
        }
        var sources = EmbeddedResources.templates
        for (name, path) in Self.templateFiles(under: root) {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .unreadable(path: path)
            }
            guard sources[name] != nil else {
                let hint = Suggestion.closest(to: name, in: sources.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw .unknown(path: path, name: name, hint: hint)
            }
            sources[name] = text
        }
        return try TemplateSet(sources: sources)
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

    /// Renders a template; a missing template is a programming error in the embedded set, caught by tests.
    func render(_ name: String, _ context: [String: Any]) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("no template named '\(name)'")
        }
        return text
    }

    func has(_ name: String) -> Bool { sources[name] != nil }
}

public enum TemplateError: DiagnosticError, Equatable {
    case folderNotFound(path: String)
    case unreadable(path: String)
    case unknown(path: String, name: String, hint: String)
    case malformed(name: String, reason: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .folderNotFound: .noInput
        default: .dataError
        }
    }

    public var description: String {
        switch self {
        case let .folderNotFound(path): "\(path): error: no such templates folder"
        case let .unreadable(path): "\(path): error: cannot read template (not UTF-8 text or permission denied)"
        case let .unknown(path, name, hint): "\(path): error: no built-in template is named '\(name)'\(hint); overrides must use the names under Templates/"
        case let .malformed(name, reason): "\(name).mustache: error: malformed template: \(reason)"
        }
    }
}
