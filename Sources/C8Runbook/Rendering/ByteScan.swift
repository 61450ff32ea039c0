/// Byte searches over a rendered page eight bytes at a time: a 64-bit word is tested for the bytes of interest with
/// a few integer operations (the "has zero byte" tests of Bit Twiddling Hacks), and only a word that may hold one
/// is looked at byte by byte. The page's escaping and XML checks scan hundreds of kilobytes per runbook.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero.
    @inline(__always)
    static func hasZero(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZero(word ^ (ones &* UInt64(byte)))
    }

    /// Whether some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func hasLess(_ word: UInt64, than limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// The index of the first byte for which `matches` is true. `mayMatch` must be true for every eight-byte word
    /// that holds such a byte (it may also be true for others).
    @inline(__always)
    static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, mayMatch: (UInt64) -> Bool,
                           matches: (UInt8) -> Bool) -> Int? {
        var index = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                if mayMatch(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    for offset in index..<(index + 8) where matches(bytes[offset]) { return offset }
                }
                index += 8
            }
        }
        while index < count {
            if matches(bytes[index]) { return index }
            index += 1
        }
        return nil
    }
}
