// swift-tools-version:6.0
// libFuzzer targets for c8runbook's three readers. A package of its own so that the main package's `swift build`
// and `swift test` never compile them; build and run with `Fuzz/run` (see Fuzz/README.md).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "c8runbook-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "c8runbook", path: "..")],
    targets: ["FuzzScenario", "FuzzValues", "FuzzProgress"].map { name in
        .executableTarget(
            name: name,
            dependencies: [.product(name: "C8Runbook", package: "c8runbook")],
            swiftSettings: swiftSettings
        )
    }
)
