/// The 64-bit FNV-1a hash: tiny, dependency-free and the same on every platform. It identifies content; it is not
/// a defence against somebody forging a collision (the progress file is the operators' own record).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// A string, prefixed with its UTF-8 length so that field boundaries cannot shift between fields.
    mutating func combine(field: String) {
        let utf8 = Array(field.utf8)
        combine("\(utf8.count):".utf8)
        combine(utf8)
    }

    /// Sixteen lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
