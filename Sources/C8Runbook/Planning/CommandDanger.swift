import Foundation

/// Classifies a runbook command by what it does to a cluster (issue 10 item 12): the words of each simple command
/// in it (split at `|`, `&&`, `||`, `;`, newlines outside quotes) are matched against the tools the runbook uses.
/// The most dangerous part wins. A command this classifier does not know is nil, so a test can name it; the
/// planner treats it as `changes` (`danger(of:)`, the same reading over bytes, `CommandDanger+Bytes.swift`).
enum CommandDanger {
    static func classify(_ command: String) -> Danger? {
        var worst: Danger? = .readOnly
        forEachSimpleCommand(command) { words in
            guard let danger = classify(words: words[...]) else { worst = nil; return false }
            worst = max(worst ?? .readOnly, danger)
            return true
        }
        return worst
    }

    /// Read-only `kubectl` verbs; `exec` and `run` are classified by the command they run.
    static let kubectlReading: Set<String> = ["get", "describe", "logs", "wait", "top", "port-forward", "version", "auth", "explain", "events"]
    static let kubectlChanging: Set<String> = ["delete", "apply", "create", "patch", "scale", "label", "annotate", "replace", "set", "edit", "cordon", "drain"]
    static let helmReading: Set<String> = ["list", "ls", "search", "show", "get", "status", "history", "repo", "template", "version", "lint", "diff"]
    static let helmChanging: Set<String> = ["upgrade", "install", "rollback", "uninstall", "delete"]
    /// Shell words and local tools that read, filter, wait or print.
    static let local: Set<String> = [
        "export", "jq", "grep", "echo", "printf", "sleep", "date", "cat", "test", "[", "[[", "true", "false", "head", "tail",
        "sort", "wc", "tee", "c8runbook", "for", "while", "until", "do", "done", "if", "then", "else", "fi", "break", "exit",
        "wait", "read", "mkdir", "sed", "awk", "]]", "}", ")", "base64", "in", "seq", "tr",
    ]

    /// Shell keywords that open a command (`do curl -XPOST …`, `if kubectl get …`) and `!`.
    static let openers: Set<String> = ["do", "then", "else", "if", "while", "until", "!", "{", "("]
    /// Options whose value is the next word.
    static let kubectlValued: Set<String> = ["--context", "-n", "--namespace", "-l", "-c", "--container", "-o", "--for", "--timeout", "--image", "--tail", "--field-selector", "--selector", "--restart"]
    static let helmValued: Set<String> = ["--kube-context", "--namespace", "-n", "--version", "-f", "--values", "--set", "-o"]
    /// curl options that send a body.
    static let curlBody: Set<String> = ["-d", "--data", "--data-raw", "--data-binary", "-F", "--form", "-T", "--upload-file", "--json"]

    private static func classify(words: ArraySlice<String>) -> Danger? {
        var rest = words
        while let first = rest.first {
            // Shell keywords that open a command (`do curl -XPOST …`, `if kubectl get …`) and `!`.
            if Self.openers.contains(first) { rest.removeFirst(); continue }
            // `NAME=value` prefixes; `NAME=$(command …` is that command.
            if let equals = first.firstIndex(of: "="), first[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
               !first[..<equals].isEmpty {
                let value = first[first.index(after: equals)...]
                rest.removeFirst()
                if value.hasPrefix("$(") { rest.insert(String(value.dropFirst(2)), at: rest.startIndex) }
                continue
            }
            break
        }
        guard var first = rest.first else { return .readOnly }
        if first.hasPrefix("$(") { first = String(first.dropFirst(2)) }
        let arguments = rest.dropFirst()
        switch first {
        case "kubectl": return kubectl(arguments)
        case "helm": return helm(arguments)
        case "curl": return curl(arguments)
        case "sh", "bash":
            // c8-multi-region's generate_zeebe_helm_values.sh only prints values.
            if let script = arguments.first, unquoted(script).hasSuffix("/" + Rule.zeebeValuesScript) { return .readOnly }
            // `sh -c "…"`: the quoted script decides.
            guard arguments.first == "-c", arguments.count >= 2 else { return nil }
            return classify(unquoted(arguments[arguments.startIndex + 1]))
        default: return local.contains(first) ? .readOnly : nil
        }
    }

    private static func kubectl(_ words: ArraySlice<String>) -> Danger? {
        let (verb, object) = verbs(words, valued: Self.kubectlValued)
        guard let verb else { return nil }
        if verb == "rollout" { return object == "status" || object == "history" ? .readOnly : .changes }
        if verb == "exec" || verb == "run" {
            // The command after `--` decides; a pod `kubectl run` creates is removed again with `--rm`.
            guard let dash = words.firstIndex(of: "--") else { return verb == "exec" ? .readOnly : .changes }
            let inner = classify(words: words[(dash + 1)...])
            return verb == "run" && !words.contains("--rm") ? max(inner ?? .changes, .changes) : inner
        }
        if kubectlReading.contains(verb) { return .readOnly }
        if kubectlChanging.contains(verb) { return .changes }
        return nil
    }

    private static func helm(_ words: ArraySlice<String>) -> Danger? {
        guard let verb = verbs(words, valued: Self.helmValued).verb else { return nil }
        if helmReading.contains(verb) { return .readOnly }
        if helmChanging.contains(verb) { return .changes }
        return nil
    }

    /// A curl that sends a body or a method other than GET/HEAD changes something.
    private static func curl(_ words: ArraySlice<String>) -> Danger {
        for index in words.indices {
            let word = words[index]
            // Every option tested below starts with `-`: other words (URLs, bodies, headers' values) need no lookup.
            guard word.utf8.first == 0x2D else { continue }
            let method: String?
            if word == "-X" || word == "--request" { method = index + 1 < words.endIndex ? words[index + 1] : nil }
            else if word.hasPrefix("-X") { method = String(word.dropFirst(2)) }
            else if Self.curlBody.contains(word)
                        || word.hasPrefix("--data") { return isSearch(words) ? .readOnly : .changes }
            else { method = nil }
            if let method, !["GET", "HEAD"].contains(unquoted(method).uppercased()) { return isSearch(words) ? .readOnly : .changes }
        }
        return .readOnly
    }

    /// A POST to a REST search endpoint (`…/v2/process-instances/search`) is a query: it reads.
    private static func isSearch(_ words: ArraySlice<String>) -> Bool {
        words.contains { word in
            guard word.containsBytes("/search") else { return false }
            let url = unquoted(word)
            return (url.hasPrefix("http://") || url.hasPrefix("https://")) && url.hasSuffix("/search")
        }
    }

    /// The first two words that are not options nor option values (the verb and what it acts on), read no further.
    private static func verbs(_ words: ArraySlice<String>, valued: Set<String>) -> (verb: String?, object: String?) {
        var verb: String? = nil
        var skip = false
        for word in words {
            if skip { skip = false; continue }
            if word == "--" { break }
            if word.hasPrefix("-") { skip = valued.contains(word); continue }
            if verb == nil { verb = word } else { return (verb, word) }
        }
        return (verb, nil)
    }

    /// The word a shell passes to the command: quotes removed, backslash escapes resolved (POSIX 2.2, 2.6.7 quote
    /// removal). `'a'\''b'` is `a'b`, `"a\"b"` is `a"b`, `a\ b` is `a b`.
    static func unquoted(_ word: String) -> String {
        var result = ""
        var quote: Character? = nil
        var chars = Array(word)[...]
        while let c = chars.popFirst() {
            switch quote {
            case "'":
                if c == "'" { quote = nil } else { result.append(c) }
            case "\"":
                if c == "\"" { quote = nil }
                else if c == "\\", let next = chars.first, "$`\"\\".contains(next) { result.append(next); chars.removeFirst() }
                else { result.append(c) }
            default:
                if c == "'" || c == "\"" { quote = c }
                else if c == "\\" { if let next = chars.popFirst() { result.append(next) } }
                else { result.append(c) }
            }
        }
        return result
    }

    /// Splits a command into simple commands and each into words by POSIX shell quoting: single quotes, double quotes
    /// with backslash escapes, backslash outside quotes (so `'a'\''b'` is one word); the words keep their quotes.
    /// `\`-newline continues a line. Heredoc bodies (`<<'EOF'` … `EOF`) are skipped.
    static func simpleCommands(_ command: String) -> [[String]] {
        var commands: [[String]] = []
        forEachSimpleCommand(command) { commands.append($0); return true }
        return commands
    }

    /// Calls `body` with the words of each simple command of `command` in order (`simpleCommands`), until it
    /// returns false; nothing after that simple command is read.
    static func forEachSimpleCommand(_ command: String, _ body: ([String]) -> Bool) {
        // Bytes, as a shell reads them: every character that splits or quotes is ASCII, and a multi-byte UTF-8
        // sequence never contains an ASCII byte. (Walking `Character`s cost more than planning the rest of a step.)
        var bytes = Array(command.utf8)
        // `\`-newline continues a line.
        if bytes.contains(Byte.backslash) { bytes = joiningContinuedLines(bytes) }
        var stopped = false
        var words: [String] = []
        var word: [UInt8] = []
        var quote: UInt8? = nil
        var heredocEnd: [UInt8]? = nil
        var pendingHeredoc: [UInt8]? = nil
        func endWord() { if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) } }
        func endCommand() {
            endWord()
            if !words.isEmpty, !stopped { stopped = !body(words); words.removeAll(keepingCapacity: true) }
        }
        for line in bytes.split(separator: Byte.newline, omittingEmptySubsequences: false) {
            if stopped { return }
            if let end = heredocEnd {
                if Self.trimmed(line).elementsEqual(end) { heredocEnd = nil }
                continue
            }
            var chars = line[...]
            while !stopped, let c = chars.popFirst() {
                if let q = quote {
                    word.append(c)
                    // Inside double quotes a backslash escapes the next character (`"a\"b"` is one word); inside single
                    // quotes nothing is special but the closing quote (POSIX 2.2.2, 2.2.3).
                    if q == Byte.doubleQuote, c == Byte.backslash, let next = chars.popFirst() { word.append(next); continue }
                    if c == q { quote = nil }
                    continue
                }
                switch c {
                case Byte.backslash:
                    // Outside quotes a backslash keeps the next character literal (POSIX 2.2.1): `'a'\''b'` is one
                    // word, `\;` separates nothing and `\'` opens no quote.
                    word.append(c)
                    if let next = chars.popFirst() { word.append(next) }
                case Byte.singleQuote, Byte.doubleQuote: quote = c; word.append(c)
                case Byte.space, Byte.tab: endWord()
                case Byte.pipe where words.first == "[[" && !words.contains("]]"), Byte.ampersand where words.first == "[[" && !words.contains("]]"):
                    // `&&` and `||` inside `[[ … ]]` join conditions; they do not start a command.
                    endWord(); if chars.first == c { chars.removeFirst() }
                case Byte.pipe, Byte.semicolon, Byte.ampersand: endCommand(); if chars.first == c { chars.removeFirst() }
                case Byte.less where chars.first == Byte.less:
                    // A heredoc: its marker (quotes and `-` removed) ends the body on a line of its own.
                    chars.removeFirst()
                    chars = chars.drop { Self.isBlank($0) }
                    let marker = chars.prefix { !Self.isBlank($0) }
                    pendingHeredoc = marker.filter { $0 != Byte.singleQuote && $0 != Byte.doubleQuote && $0 != Byte.minus }
                    chars = chars.dropFirst(marker.count)
                case Byte.greater: endWord() // a redirect target is a local file
                    let rest = chars.drop { $0 == Byte.space || $0 == Byte.greater }
                    chars = rest.drop { !Self.isBlank($0) && $0 != Byte.semicolon && $0 != Byte.pipe && $0 != Byte.ampersand }
                default: word.append(c)
                }
            }
            if quote == nil { endCommand() }
            if let pending = pendingHeredoc { heredocEnd = pending; pendingHeredoc = nil }
        }
        endCommand()
    }

    enum Byte {
        static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, space: UInt8 = 0x20, doubleQuote: UInt8 = 0x22
        static let ampersand: UInt8 = 0x26, singleQuote: UInt8 = 0x27, minus: UInt8 = 0x2D, semicolon: UInt8 = 0x3B
        static let equals: UInt8 = 0x3D, less: UInt8 = 0x3C, greater: UInt8 = 0x3E, backslash: UInt8 = 0x5C, pipe: UInt8 = 0x7C
    }

    /// ASCII white space (space, tab, vertical tab, form feed, carriage return).
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else { return [] }
        return line[first...last]
    }
}
