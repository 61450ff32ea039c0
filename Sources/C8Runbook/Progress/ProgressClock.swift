public import Foundation

/// Where event times come from: the system clock in the tool, a fixed instant in tests.
public struct ProgressClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = ProgressClock { Date() }

    public static func fixed(_ date: Date) -> ProgressClock { ProgressClock { date } }

    /// The current time as the log stores it: UTC, ISO 8601, to the second.
    public func timestamp() -> String { Self.format(now()) }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Whether `text` is a timestamp exactly in the form the log stores: `YYYY-MM-DDTHH:MM:SSZ`, a valid UTC time.
    static func isTimestamp(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isTimestamp(bytes: $0) }
    }

    @inline(__always) static func isTimestamp(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 20 else { return false }
        // This runs for every event of every read: separators and digits are checked eight bytes at a time, in three
        // words (bytes 0-7, 8-15 and 12-19; the first byte in the low lane), then the fields' ranges.
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        /// Separators where `digits` has no lane, and an ASCII digit in each lane of `digits`: 0x30-0x39 is high
        /// nibble 3, and stays there after adding 6 (no lane carries, the separators being already known).
        func matches(_ word: UInt64, digits: UInt64, separators: UInt64) -> Bool {
            let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes = 0x3030_3030_3030_3030 & digits
            return word & ~digits == separators && word & digits & nibbles == threes
                && (word &+ 0x0606_0606_0606_0606) & digits & nibbles == threes
        }
        guard matches(word(0), digits: 0x00FF_FF00_FFFF_FFFF, separators: 0x2D00_002D_0000_0000),   // YYYY-MM-
              matches(word(8), digits: 0xFFFF_00FF_FF00_FFFF, separators: 0x0000_3A00_0054_0000),   // DDTHH:MM
              matches(word(12), digits: 0x00FF_FF00_FFFF_00FF, separators: 0x5A00_003A_0000_3A00)   // H:MM:SSZ
        else { return false }
        func number(_ at: Int) -> Int { Int(bytes[at] & 0x0F) * 10 + Int(bytes[at + 1] & 0x0F) }
        let month = number(5), day = number(8)
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && number(11) < 24 && number(14) < 60 && number(17) < 61
    }
}
