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
        var digits: [Int] = []
        digits.reserveCapacity(14)
        var count = 0
        for (byte, expected) in zip(text.utf8, timestampPattern.utf8) {
            count += 1
            if expected == UInt8(ascii: "d") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
                digits.append(Int(byte - UInt8(ascii: "0")))
            } else if byte != expected {
                return false
            }
        }
        guard count == 20, text.utf8.count == 20 else { return false }
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        let hour = digits[8] * 10 + digits[9], minute = digits[10] * 10 + digits[11], second = digits[12] * 10 + digits[13]
        return (1...12).contains(month) && (1...31).contains(day) && hour < 24 && minute < 60 && second < 61
    }

    private static let timestampPattern = "dddd-dd-ddTdd:dd:ddZ"
}
