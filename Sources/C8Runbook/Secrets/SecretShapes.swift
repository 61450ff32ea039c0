/// Secrets recognisable by their shape inside any text, whatever key holds it: credentials in URLs
/// (`https://user:password@host`, `redis://:password@host`, `jdbc:oracle:thin:user/password@host`), secret-named
/// parameters (`?password=…`, `;password=…`, `&access_token=…`, `-Djavax.net.ssl.keyStorePassword=…`),
/// `Bearer`/`Basic`/`Token` credentials, PEM bodies (private keys and certificates, line by line), and, in embedded
/// configuration (`pairs`), `password: …` and `"token": "…"` pairs.
///
/// One pass over UTF-8 bytes, no Foundation: linear in the text's length. Spans are byte offsets into the text;
/// they may overlap.
enum SecretShapes {
    struct Span: Equatable {
        var range: Range<Int>
        var kind: SecretFinding.Kind
    }

    /// The secret spans of `bytes`. With `pairs`, also `key: value`, `key=value` and JSON `"key": "value"` pairs whose
    /// key names a secret (for values that hold configuration: block scalars, JSON strings, Java options).
    static func spans(in bytes: [UInt8], pairs: Bool) -> [Span] {
        var spans: [Span] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ":"):
                if index + 2 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                    index = urlCredentials(bytes, schemeEnd: index, into: &spans)
                    continue
                }
                if pairs { pair(bytes, colon: index, into: &spans) }
            case UInt8(ascii: "="):
                parameter(bytes, equals: index, into: &spans)
            case UInt8(ascii: "-"):
                if matches(bytes, index, "-----begin ") {
                    index = pem(bytes, begin: index, into: &spans)
                    continue
                }
                if index == 0 || isFlagStart(bytes[index - 1]) { flag(bytes, at: index, into: &spans) }
            case UInt8(ascii: "@"):
                schemelessUserinfo(bytes, at: index, into: &spans)
            case UInt8(ascii: "a"), UInt8(ascii: "A"):
                if (index == 0 || !isWordByte(bytes[index - 1])) && matches(bytes, index, "authorization:") {
                    header(bytes, valueAt: index + 14, into: &spans)
                }
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "t"), UInt8(ascii: "T"):
                if index == 0 || !isWordByte(bytes[index - 1]) { authorization(bytes, at: index, into: &spans) }
            case UInt8(ascii: "j"), UInt8(ascii: "J"):
                if matches(bytes, index, "jdbc:oracle:") { oracle(bytes, at: index + 12, into: &spans) }
            default:
                break
            }
            index += 1
        }
        return spans
    }

    static func spans(in text: some StringProtocol, pairs: Bool) -> [Span] { spans(in: Array(text.utf8), pairs: pairs) }

    /// False when `spans` finds nothing in `text`, with or without `pairs`, for certain: every shape starts where
    /// `spans` looks further, at a `:`, `=`, `-` or `@`, or at a `b` or `t` (any case) that starts a word
    /// (`authorization:` and `jdbc:oracle:` hold a colon). One pass over the bytes in place, for the many values
    /// (names, numbers, words) that need no copy into an array to be scanned.
    static func mayHoldSpans(_ text: String) -> Bool {
        var previous: UInt8?
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "@"):
                return true
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "t"), UInt8(ascii: "T"):
                if previous.map({ !isWordByte($0) }) ?? true { return true }
            default:
                break
            }
            previous = byte
        }
        return false
    }

    // MARK: URLs

    /// `scheme://userinfo@host…`: the userinfo when it holds a password (`:`) or is long enough to be a token.
    /// Returns where to go on scanning (after the userinfo).
    private static func urlCredentials(_ bytes: [UInt8], schemeEnd: Int, into spans: inout [Span]) -> Int {
        var start = schemeEnd
        while start > 0, isSchemeByte(bytes[start - 1]) { start -= 1 }
        let authorityStart = schemeEnd + 3
        guard start < schemeEnd else { return authorityStart }
        var end = authorityStart
        var at: Int?
        while end < bytes.count, !isAuthorityEnd(bytes[end]) {
            if bytes[end] == UInt8(ascii: "@") { at = end }
            end += 1
        }
        if let at, at > authorityStart {
            let userinfo = bytes[authorityStart..<at]
            if userinfo.contains(UInt8(ascii: ":")) || hasEncodedColon(userinfo) || userinfo.count >= 16 {
                spans.append(Span(range: authorityStart..<at, kind: .url))
            }
            return at + 1
        }
        // No userinfo: scan on inside the authority (JDBC's `;password=` lives there).
        return authorityStart
    }

    /// `%3A` (an encoded `:`) in a URL's userinfo: `http://user%3Apassword@host`.
    private static func hasEncodedColon(_ userinfo: ArraySlice<UInt8>) -> Bool {
        var index = userinfo.startIndex
        while index + 2 < userinfo.endIndex {
            if userinfo[index] == UInt8(ascii: "%"), userinfo[index + 1] == UInt8(ascii: "3"), userinfo[index + 2] | 0x20 == UInt8(ascii: "a") { return true }
            index += 1
        }
        return false
    }

    /// `user:password@host` without a scheme (`admin:pw@es.example:9200`): the `user:password` before the `@`, when it
    /// starts a word (not `…/nginx:1.27@sha256:…`, an image digest) and a host follows.
    private static func schemelessUserinfo(_ bytes: [UInt8], at: Int, into spans: inout [Span]) {
        guard at + 1 < bytes.count, isLetter(bytes[at + 1]) || isDigit(bytes[at + 1]) else { return }
        if matches(bytes, at + 1, "sha256:") || matches(bytes, at + 1, "sha512:") || matches(bytes, at + 1, "sha384:") { return }
        var start = at
        while start > 0, isUserinfoByte(bytes[start - 1]) { start -= 1 }
        guard start < at, start == 0 || isUserinfoBoundary(bytes[start - 1]) else { return }
        let userinfo = bytes[start..<at]
        guard let colon = userinfo.firstIndex(of: UInt8(ascii: ":")), colon > start, colon + 1 < at,
              !matches(bytes, start, "mailto:") else { return }
        spans.append(Span(range: start..<at, kind: .url))
    }

    /// Where an authorization value's credential starts: after its scheme word (`Bearer `, `Basic `, `ApiKey `) when it
    /// has one, else at `start`.
    static func credentialStart(_ bytes: ArraySlice<UInt8>, from start: Int, to end: Int) -> Int {
        var scheme = start
        while scheme < end, isLetter(bytes[scheme]) { scheme += 1 }
        guard scheme > start, scheme < end, bytes[scheme] == UInt8(ascii: " ") else { return start }
        while scheme < end, bytes[scheme] == UInt8(ascii: " ") { scheme += 1 }
        return scheme
    }

    // MARK: Command lines

    /// What a command-line flag takes: `user:password` (`-u`, `--user`), a header (`-H`, `--header`), or a secret
    /// (`--password`, `--token`, `--client-secret`: a long flag whose name names a secret; not `--password-file`).
    /// `-p` is left alone: it is a port, a prompt or a path as often as a password.
    enum FlagValue { case userPassword, header, secret }

    /// The kind of value `flag` (`--password`, `-u`) takes, or nil.
    static func flagValue(_ flag: some StringProtocol) -> FlagValue? {
        switch flag {
        case "-u", "--user", "-U", "--proxy-user", "--basic-auth", "--auth": return .userPassword
        case "-H", "--header", "--proxy-header": return .header
        default:
            guard flag.hasPrefix("--"), flag.count > 3 else { return nil }
            return SecretKeyName.classify(flag.dropFirst(2)) == .secret ? .secret : nil
        }
    }

    /// The secret part of `value`, the argument that follows a flag taking `kind`: the whole `user:password` (with a
    /// colon), the whole secret, or a secret header's value.
    static func flagArgumentSpan(_ kind: FlagValue, _ value: ArraySlice<UInt8>) -> Range<Int>? {
        guard !value.isEmpty, value.first != UInt8(ascii: "-"), isLiteral(value) else { return nil }
        switch kind {
        case .userPassword:
            guard let colon = value.firstIndex(of: UInt8(ascii: ":")), colon + 1 < value.endIndex else { return nil }
            return value.startIndex..<value.endIndex
        case .secret:
            return value.startIndex..<value.endIndex
        case .header:
            guard let colon = value.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            // Spaces around the name split no word of it: `classify` reads words.
            let name = String(decoding: value[value.startIndex..<colon], as: UTF8.self)
            guard SecretKeyName.classify(name) == .secret || SecretKeyName.words(name) == ["cookie"] else { return nil }
            var start = colon + 1
            while start < value.endIndex, value[start] == UInt8(ascii: " ") { start += 1 }
            start = credentialStart(value, from: start, to: value.endIndex)
            return start < value.endIndex ? start..<value.endIndex : nil
        }
    }

    /// `-u user:password`, `--user=user:password`, `--password secret`, `-H 'Authorization: …'` inside a command line.
    private static func flag(_ bytes: [UInt8], at index: Int, into spans: inout [Span]) {
        var end = index
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        guard end > index + 1, let kind = flagValue(String(decoding: bytes[index..<end], as: UTF8.self)) else { return }
        var start = end
        if start < bytes.count, bytes[start] == UInt8(ascii: "=") { start += 1 } else {
            guard start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") else { return }
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        }
        guard start < bytes.count else { return }
        var valueEnd = start
        if let quoted = quotedValue(bytes, openingAt: start) {
            (start, valueEnd) = (quoted.lowerBound, quoted.upperBound)
        } else {
            while valueEnd < bytes.count, !isValueEnd(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ";") { valueEnd += 1 }
        }
        if let range = flagArgumentSpan(kind, bytes[start..<valueEnd]) { spans.append(Span(range: range, kind: .parameter)) }
    }

    /// The inside of a quoted value whose opening quote is at `index`: up to the closing quote or the line's end; in
    /// double quotes a backslash escapes the next byte (`"ab\"cd"` is one value). Nil when no quote opens there.
    private static func quotedValue(_ bytes: [UInt8], openingAt index: Int) -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
        let closing = bytes[index]
        var end = index + 1
        while end < bytes.count, bytes[end] != closing, bytes[end] != UInt8(ascii: "\n") {
            end += bytes[end] == UInt8(ascii: "\\") && closing == UInt8(ascii: "\"") ? 2 : 1
        }
        return (index + 1)..<min(end, bytes.count)
    }

    /// `Authorization: <credential>` anywhere (a header written out in a command or a configuration): up to a quote or
    /// the line's end.
    private static func header(_ bytes: [UInt8], valueAt: Int, into spans: inout [Span]) {
        var start = valueAt
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        var end = start
        while end < bytes.count, !"\"'`\r\n".utf8.contains(bytes[end]) { end += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        // The scheme (`Bearer`, `Basic`, `ApiKey`) stays: the credential is what follows it.
        start = credentialStart(bytes[...], from: start, to: end)
        let value = bytes[start..<end]
        if isLiteral(value), value.count >= 3 { spans.append(Span(range: start..<end, kind: .bearer)) }
    }

    /// `jdbc:oracle:thin:user/password@host…` (and `oci:`): the `user/password` part.
    private static func oracle(_ bytes: [UInt8], at start: Int, into spans: inout [Span]) {
        var index = start
        while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return }
        let credentialsStart = index + 1
        var end = credentialsStart
        var slash = false
        while end < bytes.count, bytes[end] != UInt8(ascii: "@"), !isValueEnd(bytes[end]) {
            if bytes[end] == UInt8(ascii: "/") { slash = true }
            end += 1
        }
        if slash, end < bytes.count, bytes[end] == UInt8(ascii: "@"), end > credentialsStart {
            spans.append(Span(range: credentialsStart..<end, kind: .url))
        }
    }

    // MARK: Parameters and pairs

    /// `name=value` where `name` names a secret (query strings, JDBC properties, Java options, `.properties` lines).
    private static func parameter(_ bytes: [UInt8], equals: Int, into spans: inout [Span]) {
        var nameStart = equals
        while nameStart > 0, isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
        guard nameStart < equals, equals + 1 < bytes.count, bytes[equals + 1] != UInt8(ascii: "=") else { return }
        var end = equals + 1
        while end < bytes.count, !isParameterEnd(bytes[end]) { end += 1 }
        let value = bytes[(equals + 1)..<end]
        guard isLiteral(value) else { return }
        let name = String(decoding: bytes[nameStart..<equals], as: UTF8.self)
        if namesSecret(name, value: value) || queryOnlyNames.contains(name.lowercased()) {
            spans.append(Span(range: (equals + 1)..<end, kind: .parameter))
        }
    }

    /// Query parameters that carry a credential under a short name (Google's `key=`, Azure SAS `sig=`).
    private static let queryOnlyNames: Set<String> = ["key", "sig", "signature", "x-amz-signature", "x-amz-credential",
                                                      "x-amz-security-token", "access_token", "auth"]

    /// `name: value`, `"name": "value"`, `'name': value` inside a value.
    private static func pair(_ bytes: [UInt8], colon: Int, into spans: inout [Span]) {
        var nameEnd = colon
        var quote: UInt8?
        if nameEnd > 0, bytes[nameEnd - 1] == UInt8(ascii: "\"") || bytes[nameEnd - 1] == UInt8(ascii: "'") {
            quote = bytes[nameEnd - 1]
            nameEnd -= 1
        }
        var nameStart = nameEnd
        while nameStart > 0, isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
        guard nameStart < nameEnd else { return }
        var before = nameStart
        if let quote {
            guard before > 0, bytes[before - 1] == quote else { return }
            before -= 1
        }
        guard before == 0 || isPairStart(bytes[before - 1]) else { return }
        var valueStart = colon + 1
        guard valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t")
                || bytes[valueStart] == UInt8(ascii: "\"") || bytes[valueStart] == UInt8(ascii: "'") else { return }
        while valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") {
            valueStart += 1
        }
        guard valueStart < bytes.count else { return }
        var end = valueStart
        if let quoted = quotedValue(bytes, openingAt: valueStart) {
            (valueStart, end) = (quoted.lowerBound, quoted.upperBound)
        } else {
            // A plain value ends at a flow indicator, the line's end or a comment (`#` after a space).
            while end < bytes.count, !isPlainPairEnd(bytes[end]),
                  !(bytes[end] == UInt8(ascii: "#") && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t"))) {
                end += 1
            }
            while end > valueStart, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") || bytes[end - 1] == UInt8(ascii: "\r") {
                end -= 1
            }
        }
        let value = bytes[valueStart..<end]
        // Block scalars and flow collections (`auth: {enabled: false}`) are not one value.
        guard isLiteral(value), value.first != UInt8(ascii: "|"), value.first != UInt8(ascii: ">"), value.first != UInt8(ascii: "{"),
              value.first != UInt8(ascii: "[") else { return }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        if namesSecret(name, value: value) {
            // An authorization value keeps its scheme (`Authorization: Bearer <redacted>`).
            // Prose after an auth-named key (`# falls back to basic-auth: demo/demo (user/password)`) is not one.
            if let last = SecretKeyName.words(name).last, SecretKeyName.authWords.contains(last) {
                valueStart = credentialStart(bytes[...], from: valueStart, to: end)
                if bytes[valueStart..<end].contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
            }
            spans.append(Span(range: valueStart..<end, kind: .key))
        }
    }

    private static func namesSecret(_ name: String, value: ArraySlice<UInt8>) -> Bool {
        switch SecretKeyName.classify(name) {
        case .secret: true
        case .secretOrSecretName: !SecretKeyName.isObjectName(String(decoding: value, as: UTF8.self))
        case .plain: false
        }
    }

    /// Not a value to hide: empty, a boolean or null, a `${VARIABLE}` or `{{ template }}` reference.
    static func isLiteral(_ value: some Collection<UInt8>) -> Bool {
        guard let first = value.first else { return false }
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "{") && value.dropFirst().first == UInt8(ascii: "{") { return false }
        let lowered = String(decoding: value.prefix(6), as: UTF8.self).lowercased()
        return value.count > 5 || !["true", "false", "null", "~", "yes", "no", "on", "off"].contains(lowered)
    }

    // MARK: Authorization headers and PEM

    /// `Bearer <token>`, `Basic <base64>`, `Token <token>`: the credential when it looks like one (8 or more token
    /// characters with a digit, punctuation or an inner capital, so that prose such as "basic authentication" is left
    /// alone).
    private static func authorization(_ bytes: [UInt8], at index: Int, into spans: inout [Span]) {
        var start: Int
        if matches(bytes, index, "bearer ") { start = index + 7 }
        else if matches(bytes, index, "basic ") { start = index + 6 }
        else if matches(bytes, index, "token ") { start = index + 6 }
        else { return }
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        var end = start
        var marked = false
        while end < bytes.count, isTokenByte(bytes[end]) {
            // A digit, punctuation or an upper-case letter inside the word: not an English word.
            if !isLetter(bytes[end]) || (end > start && bytes[end] >= 0x41 && bytes[end] <= 0x5A) { marked = true }
            end += 1
        }
        if end - start >= 8, marked { spans.append(Span(range: start..<end, kind: .bearer)) }
    }

    /// `-----BEGIN <LABEL>-----` … `-----END <LABEL>-----`: each body line (or the whole body when it is one line with
    /// escaped line breaks). Returns where to go on scanning (the END marker, or the end of the text).
    private static func pem(_ bytes: [UInt8], begin: Int, into spans: inout [Span]) -> Int {
        var labelEnd = begin + 11
        while labelEnd < bytes.count, bytes[labelEnd] != UInt8(ascii: "-"), bytes[labelEnd] != UInt8(ascii: "\n") { labelEnd += 1 }
        guard matches(bytes, labelEnd, "-----") else { return begin + 11 }
        let label = String(decoding: bytes[(begin + 11)..<labelEnd], as: UTF8.self).uppercased()
        let kind: SecretFinding.Kind = label.contains("CERTIFICATE") && !label.contains("PRIVATE") ? .certificate : .privateKey
        let bodyStart = labelEnd + 5
        var bodyEnd = bodyStart
        while bodyEnd < bytes.count, !matches(bytes, bodyEnd, "-----end ") { bodyEnd += 1 }
        var lineStart = bodyStart
        for index in bodyStart...bodyEnd where index == bodyEnd || bytes[index] == UInt8(ascii: "\n") {
            var start = lineStart
            var end = index
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if end > start { spans.append(Span(range: start..<end, kind: kind)) }
            lineStart = index + 1
        }
        return max(bodyEnd, begin + 11)
    }

    // MARK: Bytes

    /// Case-insensitive ASCII comparison of `bytes[at...]` with a lower-case `literal`.
    static func matches(_ bytes: [UInt8], _ at: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at >= 0, at + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { needle in
            for offset in 0..<count {
                var byte = bytes[at + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] { return false }
            }
            return true
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isWordByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || "._~+/=-".utf8.contains(byte)
    }
    private static func isAuthorityEnd(_ byte: UInt8) -> Bool { "/?#\"'<>` \t\r\n".utf8.contains(byte) }
    private static func isValueEnd(_ byte: UInt8) -> Bool { "\"'<>` \t\r\n".utf8.contains(byte) }
    private static func isParameterEnd(_ byte: UInt8) -> Bool { "&;,#\"'<>`) \t\r\n".utf8.contains(byte) }
    private static func isPlainPairEnd(_ byte: UInt8) -> Bool { ",}]\r\n".utf8.contains(byte) }
    private static func isPairStart(_ byte: UInt8) -> Bool { "{[, \t\n".utf8.contains(byte) }
    private static func isFlagStart(_ byte: UInt8) -> Bool { "\"'[, \t\n".utf8.contains(byte) }
    /// Bytes of a URL's userinfo (RFC 3986: unreserved, percent-encoded, sub-delims, `:`), less those that end a word.
    private static func isUserinfoByte(_ byte: UInt8) -> Bool { isWordByte(byte) || "-.~%!$&*+:".utf8.contains(byte) }
    private static func isUserinfoBoundary(_ byte: UInt8) -> Bool { "\"'=, \t\n\r([{".utf8.contains(byte) }
}
