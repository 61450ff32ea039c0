import Testing
@testable import C8Runbook

/// The command classifier's tokenizer reads words as ranges of the command's bytes. These tests hold it to the
/// tokenizer it replaced (kept below as the reference, byte for byte as it was) on every command of every variant's
/// runbook and on generated commands full of quotes, line breaks in quotes, heredocs, redirects and separators.
@Suite struct CommandSplitTests {
    @Test func everyRunbookCommandSplitsAsBefore() throws {
        let base = try Scenario.parse(yaml: Scenario.exampleYAML, file: "reference")
        var count = 0
        for scenario in base.variants {
            for step in Planner().plan(scenario).steps {
                for command in step.commands {
                    #expect(CommandDanger.simpleCommands(command) == Reference.simpleCommands(command), "\(step.id): \(command)")
                    count += 1
                }
            }
        }
        #expect(count > 1_000)
    }

    @Test func generatedCommandsSplitAsBefore() {
        let pieces = ["kubectl", " ", "  ", "\t", "\n", "\r", "'", "\"", "\\", "\\\n", "|", "||", "&", "&&", ";", "<<", "<<'EOF'",
                      "<<-EOF", "EOF", " EOF ", ">", ">>", "2>/dev/null", "[[", "]]", "$(", ")", "a=b", "é", "x", "--rm", "-n"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20_000 {
            var command = ""
            for _ in 0..<(next() % 14) { command += pieces[next() % pieces.count] }
            #expect(CommandDanger.simpleCommands(command) == Reference.simpleCommands(command), "\(command.debugDescription)")
        }
    }

    /// The tokenizer before words became byte ranges.
    enum Reference {
        static func simpleCommands(_ command: String) -> [[String]] {
            var bytes = Array(command.utf8)
            var joined: [UInt8] = []
            joined.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == Byte.backslash, index + 1 < bytes.count, bytes[index + 1] == Byte.newline {
                    joined.append(Byte.space)
                    index += 2
                } else {
                    joined.append(bytes[index])
                    index += 1
                }
            }
            bytes = joined
            var commands: [[String]] = []
            var words: [String] = []
            var word: [UInt8] = []
            var quote: UInt8? = nil
            var heredocEnd: [UInt8]? = nil
            var pendingHeredoc: [UInt8]? = nil
            func endWord() { if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) } }
            func endCommand() { endWord(); if !words.isEmpty { commands.append(words); words = [] } }
            for line in bytes.split(separator: Byte.newline, omittingEmptySubsequences: false) {
                if let end = heredocEnd {
                    if trimmed(line).elementsEqual(end) { heredocEnd = nil }
                    continue
                }
                var chars = line[...]
                while let c = chars.popFirst() {
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
                        chars = chars.drop { isBlank($0) }
                        let marker = chars.prefix { !isBlank($0) }
                        pendingHeredoc = marker.filter { $0 != Byte.singleQuote && $0 != Byte.doubleQuote && $0 != Byte.minus }
                        chars = chars.dropFirst(marker.count)
                    case Byte.greater: endWord() // a redirect target is a local file
                        let rest = chars.drop { $0 == Byte.space || $0 == Byte.greater }
                        chars = rest.drop { !isBlank($0) && $0 != Byte.semicolon && $0 != Byte.pipe && $0 != Byte.ampersand }
                    default: word.append(c)
                    }
                }
                if quote == nil { endCommand() }
                if let pending = pendingHeredoc { heredocEnd = pending; pendingHeredoc = nil }
            }
            endCommand()
            return commands
        }

        private enum Byte {
            static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, space: UInt8 = 0x20, doubleQuote: UInt8 = 0x22
            static let ampersand: UInt8 = 0x26, singleQuote: UInt8 = 0x27, minus: UInt8 = 0x2D, semicolon: UInt8 = 0x3B
            static let less: UInt8 = 0x3C, greater: UInt8 = 0x3E, backslash: UInt8 = 0x5C, pipe: UInt8 = 0x7C
        }

        private static func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || (0x09...0x0D).contains(byte)
        }

        private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else { return [] }
            return line[first...last]
        }
    }
}
