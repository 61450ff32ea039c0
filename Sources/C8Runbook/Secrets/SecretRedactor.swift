/// Replaces secrets in text shown to people with `<redacted: FILE:LINE>` (where the secret is written in the inputs)
/// or `<redacted>`: the fragments a `SecretScanner` found in the inputs (wherever they appear, so a secret moved by
/// the rewrite is hidden too), and anything `SecretShapes` recognises.
///
/// Matching is by bytes with an Aho–Corasick automaton over the fragments, so redacting is linear in the text's length
/// (plus the fragments' total length to build). Fragments shorter than 8 bytes are matched only as whole tokens (not
/// inside a longer word or name, nor as a YAML key), so a short password does not blank every word that contains it;
/// fragments under 3 bytes are
/// not matched by text (their key's line is still caught by shape). Redaction works inside lines: a redacted block
/// scalar keeps every line break, so the next line is never swallowed.
public struct SecretRedactor: Sendable {
    public static let placeholder = "<redacted>"

    /// One trie node: outgoing bytes, failure link, the pattern ending here and the nearest suffix node that ends one.
    private struct Node: Sendable {
        var next: [UInt8: Int32] = [:]
        var fail: Int32 = 0
        var length: Int32 = 0
        var output: Int32 = -1
        /// Index into `labels` of the pattern ending here.
        var label: Int32 = -1
    }

    private var nodes: [Node] = [Node()]
    private var labels: [String] = []
    /// The root's transitions by byte (0 = none): most bytes of a text start no fragment and cost one array read.
    private var root = [Int32](repeating: 0, count: 256)

    /// No fragments: only shapes are redacted.
    public static let shapesOnly = SecretRedactor(fragments: [])

    /// Fragments shown as `<redacted>`.
    public init(fragments: some Sequence<String>) {
        for fragment in fragments where fragment.utf8.count >= 3 { insert(Array(fragment.utf8), label: nil) }
        link()
    }

    /// Fragments with where they are written (`camunda-values.yml:12`), shown as `<redacted: camunda-values.yml:12>`.
    public init(labelled fragments: [String: String]) {
        for (fragment, label) in fragments.sorted(by: { $0.key < $1.key }) where fragment.utf8.count >= 3 {
            insert(Array(fragment.utf8), label: label)
        }
        link()
    }

    public var isEmpty: Bool { nodes.count == 1 }

    /// `text` with every fragment and every shape-recognised secret replaced. With `pairs`, `key: value` pairs whose key
    /// names a secret are redacted too (for YAML and configuration text; not for prose such as error messages).
    public func redact(_ text: String, pairs: Bool = true) -> String {
        let bytes = Array(text.utf8)
        var ranges = matches(in: bytes)
        ranges += SecretShapes.spans(in: bytes, pairs: pairs).map { ($0.range, nil) }
        guard !ranges.isEmpty else { return text }
        ranges.sort { $0.0.lowerBound < $1.0.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while index < ranges.count {
            var (merged, label) = ranges[index]
            index += 1
            while index < ranges.count, ranges[index].0.lowerBound <= merged.upperBound {
                merged = merged.lowerBound..<max(merged.upperBound, ranges[index].0.upperBound)
                label = label ?? ranges[index].1
                index += 1
            }
            guard merged.lowerBound >= copied else { continue }
            output += bytes[copied..<merged.lowerBound]
            output += (label.map { "<redacted: \(labels[$0])>" } ?? Self.placeholder).utf8
            copied = merged.upperBound
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// A one-line message for standard error: shapes only (URL credentials, parameters, Bearer tokens, PEM bodies),
    /// plus the fragments when the command has read values files.
    public func redactMessage(_ message: String) -> String { redact(message, pairs: false) }

    // MARK: Automaton

    private mutating func insert(_ pattern: [UInt8], label: String?) {
        var state = 0
        for byte in pattern {
            if let next = nodes[state].next[byte] {
                state = Int(next)
            } else {
                nodes.append(Node())
                nodes[state].next[byte] = Int32(nodes.count - 1)
                state = nodes.count - 1
            }
        }
        nodes[state].length = Int32(pattern.count)
        if let label {
            labels.append(label)
            nodes[state].label = Int32(labels.count - 1)
        }
    }

    /// Breadth-first failure and output links.
    private mutating func link() {
        var queue: [Int] = []
        for (byte, child) in nodes[0].next {
            queue.append(Int(child))
            root[Int(byte)] = child
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in nodes[state].next.sorted(by: { $0.key < $1.key }) {
                var fallback = Int(nodes[state].fail)
                while fallback != 0, nodes[fallback].next[byte] == nil { fallback = Int(nodes[fallback].fail) }
                let target = nodes[fallback].next[byte].map(Int.init) ?? 0
                nodes[Int(child)].fail = Int32(target == Int(child) ? 0 : target)
                let failNode = Int(nodes[Int(child)].fail)
                nodes[Int(child)].output = nodes[failNode].length > 0 ? Int32(failNode) : nodes[failNode].output
                queue.append(Int(child))
            }
        }
    }

    /// Byte ranges of fragment occurrences (the longest acceptable one ending at each position) and their labels.
    private func matches(in bytes: [UInt8]) -> [(Range<Int>, Int?)] {
        guard !isEmpty else { return [] }
        var ranges: [(Range<Int>, Int?)] = []
        var state = 0
        for (index, byte) in bytes.enumerated() {
            if state == 0 {
                state = Int(root[Int(byte)])
                if state == 0 { continue }
            } else {
                while state != 0, nodes[state].next[byte] == nil { state = Int(nodes[state].fail) }
                state = state == 0 ? Int(root[Int(byte)]) : Int(nodes[state].next[byte] ?? 0)
            }
            var candidate = nodes[state].length > 0 ? state : Int(nodes[state].output)
            while candidate > 0 {
                let length = Int(nodes[candidate].length)
                let start = index + 1 - length
                if length >= 8 || Self.isWhole(bytes, start..<(index + 1)) {
                    let label = nodes[candidate].label
                    ranges.append((start..<(index + 1), label >= 0 ? Int(label) : nil))
                    break
                }
                candidate = Int(nodes[candidate].output)
            }
        }
        return ranges
    }

    /// A short match stands alone: no word byte glued to either end of it, directly or across one `-`, `.` or `/`
    /// (a password `camunda` is not hidden in `io.camunda.zeebe`, `camunda-primary`, `camunda-values.yml` or
    /// `<release>-elasticsearch`: hiding it there garbled the diffs of `values --diff` and the runbook), and it is no
    /// YAML key (`zeebe:` before a blank or the line's end). Where it stands alone (`value: camunda`,
    /// `user:camunda@host`, `--password=camunda`) it is hidden.
    private static func isWhole(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func word(_ index: Int) -> Bool { index >= 0 && index < bytes.count && SecretShapes.isWordByte(bytes[index]) }
        func glue(_ index: Int) -> Bool {
            index >= 0 && index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "/"))
        }
        let first = range.lowerBound, last = range.upperBound - 1
        if word(first), word(first - 1) || (glue(first - 1) && word(first - 2)) { return false }
        if word(last), word(last + 1) || (glue(last + 1) && word(last + 2)) { return false }
        if range.upperBound < bytes.count, bytes[range.upperBound] == UInt8(ascii: ":") {
            let next = range.upperBound + 1
            if next == bytes.count || bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D || bytes[next] == 0x09 { return false }
        }
        return true
    }
}
