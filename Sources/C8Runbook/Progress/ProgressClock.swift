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

    /// Whether `text` is a timestamp in the form the log stores.
    static func isTimestamp(_ text: String) -> Bool {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text) != nil
    }
}
