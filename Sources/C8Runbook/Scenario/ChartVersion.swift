/// A chart version `MAJOR.MINOR.PATCH` of ASCII digits without leading zeros, compared numerically.
public struct ChartVersion: Sendable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } && ($0 == "0" || $0.first != "0") }),
              let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]) else { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    public static func < (lhs: ChartVersion, rhs: ChartVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    /// The first 13.x chart whose image (8.8.26) has the fix for disabled exporters flipping back (rules.md R53).
    public static let firstWithExporterStateFix: ChartVersion = ChartRelease.first(with: .exporterStaysDisabled)!.chart
}
