import Foundation

/// Reading a user's input file with the checks every reader needs: present, a regular file, not too large, UTF-8 text.
enum InputFile {
    static func readText(at path: String, maximumSize: Int, what: String) throws(ScenarioError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        // Too large is a property of the whole file, not of a place in it: the error names the file only.
        if data.count > maximumSize {
            throw .unreadable(path: path, reason: "larger than \(Self.size(maximumSize)), more than any \(what) file; check that it is the right file")
        }
        // UTF-16 (a Windows editor's "Unicode"), or UTF-32: one line naming the encoding, not 'binary data' at 1:3.
        if let encoding = Self.wideEncoding(data) {
            throw .invalid(SourceLocation(file: path, line: 1, column: 1),
                           message: "\(encoding) text, not UTF-8; save the \(what) file as UTF-8 (helm 4.1.4 read UTF-16 big-endian and refused little-endian: 'incomplete UTF-16 character')")
        }
        // memchr over the bytes: `Data.firstIndex(of:)` checked exclusive access at every byte (5% of an `init`).
        let nulOffset = data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        if let nulOffset {
            throw .invalid(Self.location(of: nulOffset, in: data, file: path),
                           message: "binary data (a NUL byte); a \(what) file is YAML text")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(Self.location(of: Self.firstInvalidUTF8(data), in: data, file: path),
                           message: "not UTF-8 text; save the \(what) file as UTF-8")
        }
        return text
    }

    /// "UTF-16 little-endian" and the like when `data` starts with a UTF-16 or UTF-32 byte-order mark, or with two
    /// ASCII characters written in UTF-16 (a NUL before, or after, each); nil for anything else.
    static func wideEncoding(_ data: Data) -> String? {
        let head = Array(data.prefix(4))
        if head.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32 big-endian" }
        if head.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32 little-endian" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16 big-endian" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16 little-endian" }
        // Without a mark: two printable ASCII characters, each with a NUL byte on the same side.
        guard head.count == 4 else { return nil }
        func text(_ byte: UInt8) -> Bool { (0x20...0x7E).contains(byte) || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if head[0] == 0, head[2] == 0, text(head[1]), text(head[3]) { return "UTF-16 big-endian" }
        if head[1] == 0, head[3] == 0, text(head[0]), text(head[2]) { return "UTF-16 little-endian" }
        return nil
    }

    /// `4 MiB`, `512 KiB`, `100 bytes`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The 1-based line and column of the byte at `offset`: lines end at line feeds, columns count the characters
    /// (Unicode scalars) before it on its line, as editors do; an invalid byte before it on the line counts as one.
    static func location(of offset: Int, in data: Data, file: String) -> SourceLocation {
        let bytes = data.prefix(offset)
        let lineStart = bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        // Continuation bytes (10xxxxxx) belong to the character before them.
        let column = bytes[lineStart...].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The offset of the first byte that does not begin a valid UTF-8 sequence (the end when there is none).
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}
