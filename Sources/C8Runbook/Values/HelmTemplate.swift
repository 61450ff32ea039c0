import Foundation

/// Helm template expressions (`{{ .Release.Name }}`) in values: the 12.x chart renders some values with `tpl`
/// (env values, `global.elasticsearch.url`), so they are legitimate there, but c8runbook reads values without
/// rendering them. `{{ .Release.Name }}` is substituted when the release is known; any other expression is refused
/// with the key that holds it.
enum HelmTemplate {
    /// Whether `text` holds a template expression.
    static func contains(_ text: String) -> Bool { text.contains("{{") }

    /// `text` as a template that renders as `text` itself: each `{{` written `{{ "{{" }}` (a closing `}}` outside an
    /// action is text already). For values a 13.x template renders with `tpl` that the 12.x chart gave the pod as
    /// written (the broker's pod annotations and labels: CHART 12.x zeebe/statefulset.yaml writes them with `quote`
    /// and `toYaml`, CHART 13.12.7 orchestration/statefulset.yaml with `tpl`).
    static func literal(_ text: String) -> String { text.replacingOccurrences(of: "{{", with: "{{ \"{{\" }}") }

    /// `text` with every `{{ .Release.Name }}` (with or without spaces and `-` trim markers) replaced by `release`.
    /// Returns the first expression that is not one, or that appears while `release` is nil, as `.failure`.
    static func substitute(_ text: String, release: String?) -> Result<String, Unrendered> {
        guard contains(text) else { return .success(text) }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(Unrendered(expression: String(rest[open.lowerBound...].prefix(60)), release: false))
            }
            let expression = String(rest[open.lowerBound..<close.upperBound])
            var inner = Substring(rest[open.upperBound..<close.lowerBound])
            if inner.first == "-" { inner = inner.dropFirst() }
            if inner.last == "-" { inner = inner.dropLast() }
            let isRelease = inner.trimmingCharacters(in: .whitespaces) == ".Release.Name"
            guard isRelease, let release else { return .failure(Unrendered(expression: expression, release: isRelease)) }
            output += release
            rest = rest[close.upperBound...]
        }
        output += rest
        return .success(output)
    }

    /// An expression c8runbook cannot render.
    struct Unrendered: Error {
        var expression: String
        /// True for `{{ .Release.Name }}` met without a known release.
        var release: Bool

        /// The one-line message for the value at `key`.
        func message(key: String, releaseOption: String) -> String {
            let quoted = expression.count <= 60 ? "'\(expression)' " : ""
            let fix = release
                ? "pass \(releaseOption) to substitute the release name, or write the value out"
                : "write the value out literally, as Helm renders it"
            return "Helm template expression \(quoted)in \(key): c8runbook reads values without rendering templates; \(fix)"
        }
    }
}
