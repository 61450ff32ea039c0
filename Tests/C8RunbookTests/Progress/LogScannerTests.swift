import Foundation
import Testing
@testable import C8Runbook

/// The one-pass reading of a version-2 log: the word-at-a-time checks against plain readings, and the locked
/// reading in place (`mmap`) against the reading by copies, wherever a mapped run ends.
@Suite struct LogScannerTests {
    /// `YYYY-MM-DDTHH:MM:SSZ` read character by character, as the word-at-a-time check must agree with.
    static func plainTimestamp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 20 else { return false }
        let separators: [Int: UInt8] = [4: 0x2D, 7: 0x2D, 10: 0x54, 13: 0x3A, 16: 0x3A, 19: 0x5A]
        for (index, byte) in bytes.enumerated() {
            if let separator = separators[index] {
                if byte != separator { return false }
            } else if !(0x30...0x39).contains(byte) {
                return false
            }
        }
        func number(_ at: Int) -> Int { Int(bytes[at] - 0x30) * 10 + Int(bytes[at + 1] - 0x30) }
        return (1...12).contains(number(5)) && (1...31).contains(number(8)) && number(11) < 24 && number(14) < 60 && number(17) < 61
    }

    /// Every byte value at every place of a few times, against the plain reading.
    @Test(arguments: ["2026-11-24T21:43:56Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60Z", "2026-10-09T19:09:09Z"])
    func timesAreCheckedAsAPlainReadingChecksThem(_ base: String) {
        #expect(ProgressClock.isTimestamp(base))
        var mismatches: [String] = []
        for index in 0..<20 {
            for value in 0...255 {
                var bytes = Array(base.utf8)
                bytes[index] = UInt8(value)
                let fast = bytes.withUnsafeBufferPointer { ProgressClock.isTimestamp(bytes: $0) }
                if fast != Self.plainTimestamp(bytes) { mismatches.append("byte \(value) at \(index): \(fast)") }
            }
        }
        #expect(mismatches.isEmpty)
    }
}
