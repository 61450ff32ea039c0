import Foundation

/// The planner's class of a command, read in one pass over its bytes: the simple commands are split as
/// `forEachSimpleCommand` splits them, but each word is a range of one buffer, not a `String`, and is compared with
/// the word lists as a packed `Key`. `classify` stays the reference: `DangerTests` holds the two equal on every command
/// of every variant and on commands made to meet every branch of the tokenizer. (Splitting into `String`s, comparing
/// and hashing them was an eighth of planning and rendering a runbook; BENCHMARKS.md, fourth pass.)
extension CommandDanger {
    /// `classify(command) ?? .changes`: the class the planner gives a command (one it does not know counts as a
    /// change). No simple command classifies as `irreversible`, so the first one that is a change or unknown decides,
    /// and the rest of the command is not read.
    static func danger(of command: String) -> Danger {
        var text = command
        let byBytes: Danger? = text.withUTF8 { source in
            // Every word the lists hold is ASCII; a command with other bytes (a kube context in another script) takes
            // the reference path below, where `Character` rules (grapheme clusters, Unicode letters in `NAME=`) decide.
            let (ascii, backslash) = scan(source)
            guard ascii else { return nil }
            guard backslash else { return danger(bytes: source) }
            return joiningContinuedLines(Array(source)).withUnsafeBufferPointer { danger(bytes: $0) }
        }
        return byBytes ?? classify(command) ?? .changes
    }

    /// The class of a command whose bytes are ASCII and whose continued lines are joined.
    private static func danger(bytes: UnsafeBufferPointer<UInt8>) -> Danger {
        var worst = Danger.readOnly
        forEachSimpleCommand(bytes: bytes) { words in
            guard let danger = classify(words.ranges, in: words), danger == .readOnly else { worst = .changes; return false }
            return true
        }
        return worst
    }

    /// Whether every byte is ASCII, and whether one is a backslash: eight bytes at a time.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, backslash: Bool) {
        var backslash = false
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & ByteScan.highBits != 0 { return (false, backslash) }
                if !backslash, ByteScan.has(word, Byte.backslash) { backslash = true }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return (false, backslash) }
            if bytes[index] == Byte.backslash { backslash = true }
            index += 1
        }
        return (true, backslash)
    }

    /// The words of one simple command: ranges of `bytes`, valid only during the call that receives them.
    struct Words {
        let bytes: UnsafeBufferPointer<UInt8>
        let ranges: ArraySlice<Range<Int>>

        /// The word as a `Key`.
        func key(_ range: Range<Int>) -> Key {
            guard range.count <= 16 else { return Key(low: 0, high: 0, count: range.count) }
            var key = Key(low: 0, high: 0, count: range.count)
            for (offset, index) in range.enumerated() {
                if offset < 8 { key.low |= UInt64(bytes[index]) << (8 * offset) } else { key.high |= UInt64(bytes[index]) << (8 * (offset - 8)) }
            }
            return key
        }

        func `is`(_ range: Range<Int>, _ word: Key) -> Bool { range.count == word.count && key(range) == word }

        func isAny(_ range: Range<Int>, _ list: [Key]) -> Bool {
            let key = key(range)
            return list.contains(key)
        }

        /// `unquoted(_:)` over the bytes of an ASCII word.
        func unquoted(_ range: Range<Int>) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(range.count)
            var quote: UInt8? = nil
            var index = range.lowerBound
            while index < range.upperBound {
                let c = bytes[index]
                index += 1
                switch quote {
                case Byte.singleQuote:
                    if c == Byte.singleQuote { quote = nil } else { result.append(c) }
                case Byte.doubleQuote:
                    if c == Byte.doubleQuote { quote = nil }
                    else if c == Byte.backslash, index < range.upperBound, [0x24, 0x60, Byte.doubleQuote, Byte.backslash].contains(bytes[index]) {
                        result.append(bytes[index])
                        index += 1
                    } else { result.append(c) }
                default:
                    if c == Byte.singleQuote || c == Byte.doubleQuote { quote = c }
                    else if c == Byte.backslash { if index < range.upperBound { result.append(bytes[index]); index += 1 } }
                    else { result.append(c) }
                }
            }
            return result
        }

        /// Whether `needle` occurs in the word.
        func contains(_ range: Range<Int>, _ needle: [UInt8]) -> Bool {
            guard range.count >= needle.count else { return false }
            return (range.lowerBound...(range.upperBound - needle.count)).contains { start in
                bytes[start..<(start + needle.count)].elementsEqual(needle)
            }
        }

        func hasPrefix(_ range: Range<Int>, _ prefix: Key) -> Bool {
            range.count >= prefix.count && key(range.lowerBound..<(range.lowerBound + prefix.count)) == prefix
        }
    }

    /// A word of at most 16 bytes packed into two integers with its length, so that comparing it with a word of a
    /// list is two integer comparisons. A longer word's key holds only its length, which no list word has (each is
    /// checked when the lists are made), so it equals none of them.
    struct Key: Equatable {
        var low: UInt64
        var high: UInt64
        var count: Int

        init(low: UInt64, high: UInt64, count: Int) {
            self.low = low
            self.high = high
            self.count = count
        }

        init(_ word: String) {
            let bytes = Array(word.utf8)
            precondition(bytes.count <= 16, "a classifier word longer than 16 bytes: \(word)")
            self = bytes.withUnsafeBufferPointer { Words(bytes: $0, ranges: []).key(0..<bytes.count) }
        }
    }

    /// `classify(words:)` over byte ranges, as far as the planner asks: whether the simple command reads only. (A
    /// `sh -c` script that changes something is nil here, where the reference may say `changes`.)
    private static func classify(_ words: ArraySlice<Range<Int>>, in w: Words) -> Danger? {
        var rest = words
        while let first = rest.first {
            if w.isAny(first, Lists.openers) { rest.removeFirst(); continue }
            // `NAME=value` prefixes; `NAME=$(command …` is that command. (ASCII: letters, digits and `_`.)
            if let equals = w.bytes[first].firstIndex(of: Byte.equals), equals > first.lowerBound,
               w.bytes[first.lowerBound..<equals].allSatisfy(isNameByte) {
                let value = (equals + 1)..<first.upperBound
                rest.removeFirst()
                if w.hasPrefix(value, Lists.substitution) { rest.insert((value.lowerBound + 2)..<value.upperBound, at: rest.startIndex) }
                continue
            }
            break
        }
        guard var first = rest.first else { return .readOnly }
        if w.hasPrefix(first, Lists.substitution) { first = (first.lowerBound + 2)..<first.upperBound }
        let arguments = rest.dropFirst()
        if w.is(first, Lists.kubectl) { return kubectl(arguments, in: w) }
        if w.is(first, Lists.helm) { return helm(arguments, in: w) }
        if w.is(first, Lists.curl) { return curl(arguments, in: w) }
        if w.is(first, Lists.sh) || w.is(first, Lists.bash) {
            // c8-multi-region's generate_zeebe_helm_values.sh only prints values.
            if let script = arguments.first, w.unquoted(script).ends(with: Lists.zeebeScript) { return .readOnly }
            // `sh -c "…"`: the quoted script decides (read only or not is all the planner asks).
            guard let option = arguments.first, w.is(option, Lists.dashC), arguments.count >= 2 else { return nil }
            let script = String(decoding: w.unquoted(arguments[arguments.startIndex + 1]), as: UTF8.self)
            return danger(of: script) == .readOnly ? .readOnly : nil
        }
        return w.isAny(first, Lists.local) ? .readOnly : nil
    }

    private static func kubectl(_ words: ArraySlice<Range<Int>>, in w: Words) -> Danger? {
        let (verb, object) = verbs(words, valued: Lists.kubectlValued, in: w)
        guard let verb else { return nil }
        if w.is(verb, Lists.rollout) {
            return object.map { w.is($0, Lists.status) || w.is($0, Lists.history) } == true ? .readOnly : .changes
        }
        let exec = w.is(verb, Lists.exec)
        if exec || w.is(verb, Lists.run) {
            guard let dash = words.firstIndex(where: { w.is($0, Lists.dashDash) }) else { return exec ? .readOnly : .changes }
            let inner = classify(words[(dash + 1)...], in: w)
            return !exec && !words.contains(where: { w.is($0, Lists.rm) }) ? max(inner ?? .changes, .changes) : inner
        }
        if w.isAny(verb, Lists.kubectlReading) { return .readOnly }
        if w.isAny(verb, Lists.kubectlChanging) { return .changes }
        return nil
    }

    private static func helm(_ words: ArraySlice<Range<Int>>, in w: Words) -> Danger? {
        guard let verb = verbs(words, valued: Lists.helmValued, in: w).verb else { return nil }
        if w.isAny(verb, Lists.helmReading) { return .readOnly }
        if w.isAny(verb, Lists.helmChanging) { return .changes }
        return nil
    }

    private static func curl(_ words: ArraySlice<Range<Int>>, in w: Words) -> Danger {
        for index in words.indices {
            let word = words[index]
            guard word.count > 0, w.bytes[word.lowerBound] == Byte.minus else { continue }
            let method: Range<Int>?
            if w.is(word, Lists.dashX) || w.is(word, Lists.request) { method = index + 1 < words.endIndex ? words[index + 1] : nil }
            else if w.hasPrefix(word, Lists.dashX) { method = (word.lowerBound + 2)..<word.upperBound }
            else if w.isAny(word, Lists.curlBody) || w.hasPrefix(word, Lists.data) { return isSearch(words, in: w) ? .readOnly : .changes }
            else { method = nil }
            if let method {
                let name = w.unquoted(method).map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }  // ASCII upper case
                if !name.elementsEqual("GET".utf8), !name.elementsEqual("HEAD".utf8) { return isSearch(words, in: w) ? .readOnly : .changes }
            }
        }
        return .readOnly
    }

    /// `isSearch(_:)` over byte ranges.
    private static func isSearch(_ words: ArraySlice<Range<Int>>, in w: Words) -> Bool {
        words.contains { word in
            guard w.contains(word, Lists.search) else { return false }
            let url = w.unquoted(word)
            return (url.starts(with: Lists.http) || url.starts(with: Lists.https)) && url.ends(with: Lists.search)
        }
    }

    /// `verbs(_:valued:)` over byte ranges.
    private static func verbs(_ words: ArraySlice<Range<Int>>, valued: [Key], in w: Words) -> (verb: Range<Int>?, object: Range<Int>?) {
        var verb: Range<Int>? = nil
        var skip = false
        for word in words {
            if skip { skip = false; continue }
            if w.is(word, Lists.dashDash) { break }
            if word.count > 0, w.bytes[word.lowerBound] == Byte.minus { skip = w.isAny(word, valued); continue }
            if verb == nil { verb = word } else { return (verb, word) }
        }
        return (verb, nil)
    }

    /// An ASCII letter, digit or `_`: what `Character.isLetter`, `isNumber` or `== "_"` accept among ASCII bytes.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }

    /// The word lists of `CommandDanger` as keys, made from the same sets.
    private enum Lists {
        static let openers = CommandDanger.openers.map(Key.init), local = CommandDanger.local.map(Key.init)
        static let kubectlReading = CommandDanger.kubectlReading.map(Key.init)
        static let kubectlChanging = CommandDanger.kubectlChanging.map(Key.init)
        static let helmReading = CommandDanger.helmReading.map(Key.init), helmChanging = CommandDanger.helmChanging.map(Key.init)
        static let kubectlValued = CommandDanger.kubectlValued.map(Key.init), helmValued = CommandDanger.helmValued.map(Key.init)
        static let curlBody = CommandDanger.curlBody.map(Key.init)
        static let substitution = Key("$("), kubectl = Key("kubectl"), helm = Key("helm"), curl = Key("curl")
        static let sh = Key("sh"), bash = Key("bash"), rollout = Key("rollout"), status = Key("status"), history = Key("history")
        static let exec = Key("exec"), run = Key("run"), dashDash = Key("--"), rm = Key("--rm")
        static let dashC = Key("-c"), zeebeScript = Array(("/" + Rule.zeebeValuesScript).utf8), search = Array("/search".utf8)
        static let http = Array("http://".utf8), https = Array("https://".utf8)
        static let dashX = Key("-X"), request = Key("--request"), data = Key("--data"), testOpen = Key("[["), testClose = Key("]]")
    }

    /// `\`-newline continues a line: each pair becomes a space (both readings of a command use this).
    static func joiningContinuedLines(_ bytes: [UInt8]) -> [UInt8] {
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
        return joined
    }

    /// `forEachSimpleCommand` over bytes whose continued lines are joined: the same splitting, quoting, heredocs and
    /// redirects, with each word's bytes copied to one buffer (a run of plain or quoted bytes at once) and the word a
    /// range of it.
    private static func forEachSimpleCommand(bytes: UnsafeBufferPointer<UInt8>, _ body: (Words) -> Bool) {
        // A word holds bytes of the command, each at most once, so the command's length bounds the buffer.
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        defer { storage.deallocate() }
        var stored = 0
        var stopped = false
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(32)  // a simple command's words, kept from one to the next (growing it was a tenth of the tokenizer)
        var wordStart = 0
        var quote: UInt8? = nil
        var heredocEnd: [UInt8]? = nil
        var pendingHeredoc: [UInt8]? = nil
        func words() -> Words { Words(bytes: UnsafeBufferPointer(start: storage, count: stored), ranges: ranges[...]) }
        func copy(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            (storage + stored).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
            stored += range.count
        }
        func append(_ byte: UInt8) { storage[stored] = byte; stored += 1 }
        func endWord() {
            if stored > wordStart { ranges.append(wordStart..<stored); wordStart = stored }
        }
        func endCommand() {
            endWord()
            if !ranges.isEmpty, !stopped {
                stopped = !body(words())
                ranges.removeAll(keepingCapacity: true)
                stored = 0
                wordStart = 0
            }
        }
        /// Inside `[[ … ]]`: the first word is `[[` and no word is `]]` yet.
        func inTest() -> Bool {
            guard let first = ranges.first else { return false }
            let w = words()
            return w.is(first, Lists.testOpen) && !ranges.contains { w.is($0, Lists.testClose) }
        }
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = firstIndex(of: Byte.newline, in: bytes, from: lineStart)
            defer { lineStart = lineEnd + 1 }
            if stopped { return }
            if let end = heredocEnd {
                var first = lineStart, last = lineEnd  // the line without blanks at its ends
                while first < last, isBlank(bytes[first]) { first += 1 }
                while last > first, isBlank(bytes[last - 1]) { last -= 1 }
                if bytes[first..<last].elementsEqual(end) { heredocEnd = nil }
                continue
            }
            var index = lineStart
            while !stopped, index < lineEnd {
                if let q = quote {
                    // Up to the closing quote (or, in double quotes, a backslash, which escapes the next byte).
                    let start = index
                    if q == Byte.singleQuote {
                        index = min(firstIndex(of: q, in: bytes, from: index), lineEnd)
                    } else {
                        index = firstIndex(in: bytes, from: index, to: lineEnd,
                                           mayMatch: { ByteScan.has($0, Byte.doubleQuote) || ByteScan.has($0, Byte.backslash) },
                                           matches: { $0 == Byte.doubleQuote || $0 == Byte.backslash })
                    }
                    copy(start..<index)
                    guard index < lineEnd else { break }
                    let c = bytes[index]
                    index += 1
                    append(c)
                    if c == Byte.backslash { if index < lineEnd { append(bytes[index]); index += 1 } } else { quote = nil }
                    continue
                }
                let c = bytes[index]
                index += 1
                switch c {
                case Byte.backslash:
                    append(c)
                    if index < lineEnd { append(bytes[index]); index += 1 }
                case Byte.singleQuote, Byte.doubleQuote: quote = c; append(c)
                case Byte.space, Byte.tab: endWord()
                case Byte.pipe where inTest(), Byte.ampersand where inTest():
                    endWord(); if index < lineEnd, bytes[index] == c { index += 1 }
                case Byte.pipe, Byte.semicolon, Byte.ampersand:
                    endCommand(); if index < lineEnd, bytes[index] == c { index += 1 }
                case Byte.less where index < lineEnd && bytes[index] == Byte.less:
                    index += 1
                    while index < lineEnd, isBlank(bytes[index]) { index += 1 }
                    let marker = index
                    while index < lineEnd, !isBlank(bytes[index]) { index += 1 }
                    pendingHeredoc = bytes[marker..<index].filter { $0 != Byte.singleQuote && $0 != Byte.doubleQuote && $0 != Byte.minus }
                case Byte.greater:
                    endWord() // a redirect target is a local file
                    while index < lineEnd, bytes[index] == Byte.space || bytes[index] == Byte.greater { index += 1 }
                    while index < lineEnd, !isBlank(bytes[index]), bytes[index] != Byte.semicolon, bytes[index] != Byte.pipe,
                          bytes[index] != Byte.ampersand { index += 1 }
                default:
                    // A run of bytes none of the cases above reads (a lone `<` among them) joins the word at once.
                    let start = index - 1
                    index = firstIndex(in: bytes, from: index, to: lineEnd, mayMatch: mayBeSpecial, matches: isSpecial)
                    copy(start..<index)
                }
            }
            if quote == nil { endCommand() }
            if let pending = pendingHeredoc { heredocEnd = pending; pendingHeredoc = nil }
        }
        endCommand()
    }

    /// The bytes the tokenizer's cases read outside quotes.
    static let specialBytes: [UInt8] = [Byte.space, Byte.tab, Byte.singleQuote, Byte.doubleQuote, Byte.backslash, Byte.pipe,
                                        Byte.semicolon, Byte.ampersand, Byte.less, Byte.greater]

    /// Whether `byte` is one of `specialBytes`: a bit per byte value (a test holds the masks to the list), not a
    /// branch per case.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        // Tab, space, `"`, `&`, `'`, `;`, `<`, `>`; then `\` and `|` (less 64).
        let below64: UInt64 = 1 << 0x09 | 1 << 0x20 | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3B | 1 << 0x3C | 1 << 0x3E
        let from64: UInt64 = 1 << (0x5C - 64) | 1 << (0x7C - 64)
        let mask = byte < 64 ? below64 : byte < 128 ? from64 : 0
        return (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// True for every eight bytes that hold a special byte (and for some others): each special byte is below 0x28 or
    /// one of five.
    @inline(__always)
    private static func mayBeSpecial(_ word: UInt64) -> Bool {
        ByteScan.hasLess(word, than: 0x28) || ByteScan.has(word, Byte.semicolon) || ByteScan.has(word, Byte.less)
            || ByteScan.has(word, Byte.greater) || ByteScan.has(word, Byte.backslash) || ByteScan.has(word, Byte.pipe)
    }

    /// The index of the first byte in `start..<end` that `matches`, or `end`; eight bytes at a time (`ByteScan`).
    @inline(__always)
    private static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                   mayMatch: (UInt64) -> Bool, matches: (UInt8) -> Bool) -> Int {
        guard start < end else { return end }
        let found = ByteScan.firstIndex(in: UnsafeBufferPointer(rebasing: bytes[start..<end]), mayMatch: mayMatch, matches: matches)
        return found.map { start + $0 } ?? end
    }

    /// The index of the first `byte` at or after `start`, or the end: `memchr`.
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
