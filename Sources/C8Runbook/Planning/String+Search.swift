extension StringProtocol {
    /// Whether `needle` occurs in this text, compared byte for byte in UTF-8 (no Unicode normalisation, which no
    /// command, id or path needs). Foundation's `contains` bridges through `NSString`, and the standard library's
    /// searches by `Character`: either cost more than the rest of planning a step.
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle  // read in place (`withUTF8`), not copied into an array on every call
        return needle.withUTF8 { needle in
            guard let first = needle.first else { return true }
            let found = utf8.withContiguousStorageIfAvailable { Self.search($0, needle, first) }
            return found ?? Array(utf8).withUnsafeBufferPointer { Self.search($0, needle, first) }
        }
    }

    private static func search(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, _ first: UInt8) -> Bool {
        guard hay.count >= needle.count else { return false }
        var start = 0
        let last = hay.count - needle.count
        while start <= last {
            if hay[start] == first {
                var matched = 1
                while matched < needle.count, hay[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// This text with every occurrence of `target` replaced, matched byte for byte in UTF-8 like `containsBytes`
    /// (Foundation's `replacingOccurrences` bridges through `NSString`).
    func replacingBytes(of target: String, with replacement: String) -> String {
        let hay = Array(utf8)
        let needle = Array(target.utf8)
        guard !needle.isEmpty, hay.count >= needle.count else { return String(self) }
        var result: [UInt8] = []
        result.reserveCapacity(hay.count + replacement.utf8.count)
        var start = 0
        while start < hay.count {
            if start + needle.count <= hay.count, hay[start] == needle[0], hay[start..<(start + needle.count)].elementsEqual(needle) {
                result.append(contentsOf: replacement.utf8)
                start += needle.count
            } else {
                result.append(hay[start])
                start += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
