import Testing
import Foundation

@Test(.enabled(if: ProcessInfo.processInfo.environment["C8_WORKER"] != nil))
func workerProbe() {
    print("WORKER RAN pid \(getpid())")
}

@Test func dummy() { #expect(1 == 1) }
