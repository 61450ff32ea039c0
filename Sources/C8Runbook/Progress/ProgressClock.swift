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

    static func isTimestamp(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 20 else { return false }
        // Separators at their places, digits everywhere else (this runs for every event of every read).
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x5A else {
            return false
        }
        func number(_ at: Int) -> Int? {
            let high = Int(bytes[at]) - 0x30, low = Int(bytes[at + 1]) - 0x30
            return (0...9).contains(high) && (0...9).contains(low) ? high * 10 + low : nil
        }
        guard let century = number(0), let year = number(2), let month = number(5), let day = number(8),
              let hour = number(11), let minute = number(14), let second = number(17) else { return false }
        return century >= 0 && year >= 0 && (1...12).contains(month) && (1...31).contains(day) && hour < 24 && minute < 60 && second < 61
    }
}
