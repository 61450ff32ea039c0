import Yams

/// The YAML 1.1 type of a plain (unquoted, untagged) scalar, decided as Yams' `Resolver.default` decides it, but
/// by hand over the UTF-8 bytes instead of with seven Foundation regular expressions (`NSRegularExpression`):
/// compiling them cost about 8% of a short run, and matching them every mapping key of a values file.
///
/// The rules are Yams 6.2's `Resolver.Rule.bool`, `.int`, `.float`, `.merge`, `.null`, `.timestamp` and `.value`
/// (`Sources/Yams/Resolver.swift`), tried in that order; anything else is a string. `PlainScalarResolverTests`
/// compares the two over a corpus of tricky scalars and every short combination of the pieces these rules are
/// made of. The one difference is intentional: ICU's `$` also matches before a line break that ends the text, so
/// Yams reads `"true\n"` as a boolean; here a line break is part of the text, so it is a string. A plain scalar
/// never ends with a line break (the YAML parser trims it), so files read the same; only
/// `ValuesSnippet.isPlainSafe`, which refuses control characters first, ever asks about other text.
///
/// The scenario format refuses YAML 1.1 booleans (`yes`, `on`, `y`, …) on its own (`ScenarioNode.bool()`); this
/// type only says what Yams would read.
enum PlainScalarResolver {
    /// The tag of `text` written as a plain scalar: `Tag.Name.null`, `.bool`, `.int`, `.float`, `.merge`,
    /// `.timestamp`, `.value` or `.str`.
    static func tag(ofPlain text: String) -> Tag.Name {
        var text = text
        return text.withUTF8 { resolve($0) }
    }

    /// The first of Yams' default rules that matches the whole of `text`, in Yams' order.
    private static func resolve(_ text: Bytes) -> Tag.Name {
        if isBool(text) { return .bool }
        if isInt(text) { return .int }
        if isFloat(text) { return .float }
        if text.spell("<<") { return .merge }
        if isNull(text) { return .null }
        if isTimestamp(text) { return .timestamp }
        if text.spell("=") { return .value }
        return .str
    }

    private static let booleans = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                   "on", "On", "ON", "off", "Off", "OFF"]
    private static let nulls = ["", "~", "null", "Null", "NULL"]

    /// `yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`
    static func isBool(_ text: Bytes) -> Bool { booleans.contains { text.spell($0) } }

    /// `~|null|Null|NULL|` (the empty scalar too)
    static func isNull(_ text: Bytes) -> Bool { nulls.contains { text.spell($0) } }

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    static func isInt(_ text: Bytes) -> Bool {
        var signed = Cursor(text)
        signed.takeSign()
        var cursor = signed
        if cursor.take("0"), cursor.take("b"), cursor.skip(while: \.isBinaryDigitOrUnderscore) > 0, cursor.atEnd { return true }
        cursor = signed
        if cursor.take("0") {
            _ = cursor.take("o")
            if cursor.skip(while: \.isOctalDigitOrUnderscore) > 0, cursor.atEnd { return true }
        }
        cursor = signed
        if cursor.take("0"), cursor.atEnd { return true }
        cursor = signed
        if cursor.take("0"), cursor.take("x"), cursor.skip(while: \.isHexDigitOrUnderscore) > 0, cursor.atEnd { return true }
        cursor = signed
        if cursor.take(where: \.isNonZeroDigit) {
            cursor.skip(while: \.isDigitOrUnderscore)
            if cursor.atEnd { return true }
            if cursor.takeSexagesimalGroups() > 0, cursor.atEnd { return true }
        }
        return false
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)? | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
    /// | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ text: Bytes) -> Bool {
        var start = Cursor(text)
        let signed = start.takeSign()
        var cursor = start
        if cursor.take(where: \.isDigit) {
            cursor.skip(while: \.isDigitOrUnderscore)
            var decimal = cursor
            if decimal.take(".") { decimal.skip(while: \.isDigitOrUnderscore) }
            if decimal.atEnd || (decimal.takeExponent(signRequired: false) && decimal.atEnd) { return true }
            if cursor.takeSexagesimalGroups() > 0, cursor.take(".") {
                cursor.skip(while: \.isDigitOrUnderscore)
                if cursor.atEnd { return true }
            }
        }
        cursor = start
        guard cursor.take(".") else { return false }
        if !signed {
            var fraction = cursor
            if fraction.skip(while: \.isDigitOrUnderscore) > 0,
               fraction.atEnd || (fraction.takeExponent(signRequired: true) && fraction.atEnd) { return true }
            if ["nan", "NaN", "NAN"].contains(where: { cursor.rest.spell($0) }) { return true }
        }
        return ["inf", "Inf", "INF"].contains { cursor.rest.spell($0) }
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2}`, or `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?`
    /// followed by `([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?`
    static func isTimestamp(_ text: Bytes) -> Bool {
        var cursor = Cursor(text)
        guard cursor.digits(4...4), cursor.take("-") else { return false }
        let monthStart = cursor
        if cursor.digits(2...2), cursor.take("-"), cursor.digits(2...2), cursor.atEnd { return true }
        cursor = monthStart
        guard cursor.digits(1...2), cursor.take("-"), cursor.digits(1...2) else { return false }
        guard cursor.take("T") || cursor.take("t") || cursor.skip(while: \.isSpaceOrTab) > 0 else { return false }
        guard cursor.digits(1...2), cursor.take(":"), cursor.digits(2...2), cursor.take(":"), cursor.digits(2...2) else { return false }
        if cursor.take(".") { cursor.skip(while: \.isDigit) }
        if cursor.atEnd { return true }
        cursor.skip(while: \.isSpaceOrTab)
        if cursor.take("Z") { return cursor.atEnd }
        guard cursor.takeSign(), cursor.digits(1...2) else { return false }
        if cursor.take(":") { guard cursor.digits(2...2) else { return false } }
        return cursor.atEnd
    }

    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// A position in the text, moved forward by what it takes.
    struct Cursor {
        let text: Bytes
        var index = 0

        init(_ text: Bytes) { self.text = text }

        var atEnd: Bool { index == text.count }
        var rest: Bytes.SubSequence { text[index...] }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            take { $0 == UInt8(ascii: character) }
        }

        mutating func take(where matches: (UInt8) -> Bool) -> Bool {
            guard index < text.count, matches(text[index]) else { return false }
            index += 1
            return true
        }

        /// Takes a leading `-` or `+`; whether there was one.
        @discardableResult
        mutating func takeSign() -> Bool { take("-") || take("+") }

        /// Takes bytes while they match; how many.
        @discardableResult
        mutating func skip(while matches: (UInt8) -> Bool) -> Int {
            let start = index
            while index < text.count, matches(text[index]) { index += 1 }
            return index - start
        }

        /// Takes as many digits as `count` allows (at most its upper bound); whether there were at least its lower bound.
        mutating func digits(_ count: ClosedRange<Int>) -> Bool {
            var taken = 0
            while taken < count.upperBound, take(where: \.isDigit) { taken += 1 }
            return taken >= count.lowerBound
        }

        /// `[eE][-+]?[0-9]+` (`[eE][-+][0-9]+` when the sign is required). Nothing is taken when it does not match.
        mutating func takeExponent(signRequired: Bool) -> Bool {
            var cursor = self
            guard cursor.take("e") || cursor.take("E") else { return false }
            guard cursor.takeSign() || !signRequired, cursor.skip(while: \.isDigit) > 0 else { return false }
            self = cursor
            return true
        }

        /// `(:[0-5]?[0-9])+`: how many groups were taken, 0 when the text does not go on with one. Taking two digits
        /// when the first is 0–5 is the only way the rest can match: a digit never follows a group.
        mutating func takeSexagesimalGroups() -> Int {
            var groups = 0
            while true {
                var cursor = self
                guard cursor.take(":"), cursor.index < text.count, text[cursor.index].isDigit else { return groups }
                let first = text[cursor.index]
                cursor.index += 1
                if first <= UInt8(ascii: "5") { _ = cursor.take(where: \.isDigit) }
                self = cursor
                groups += 1
            }
        }
    }
}

private extension Sequence<UInt8> {
    /// Whether these bytes are exactly `word`'s UTF-8.
    func spell(_ word: String) -> Bool { elementsEqual(word.utf8) }
}

private extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isNonZeroDigit: Bool { self >= UInt8(ascii: "1") && self <= UInt8(ascii: "9") }
    var isDigitOrUnderscore: Bool { isDigit || self == UInt8(ascii: "_") }
    var isBinaryDigitOrUnderscore: Bool { self == UInt8(ascii: "0") || self == UInt8(ascii: "1") || self == UInt8(ascii: "_") }
    var isOctalDigitOrUnderscore: Bool { (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "7")) || self == UInt8(ascii: "_") }
    var isHexDigitOrUnderscore: Bool {
        isDigitOrUnderscore || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
    var isSpaceOrTab: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
}
