// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "c8runbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "c8runbook", targets: ["c8runbook"]),
        .library(name: "C8Runbook", targets: ["C8Runbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "C8Runbook",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                "CCmark",
            ],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "C8RunbookCLI",
            dependencies: [
                "C8Runbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "c8runbook",
            dependencies: ["C8RunbookCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "c8runbook-bench",
            dependencies: ["C8Runbook"],
            path: "Benchmarks/InProcess",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "C8RunbookTests",
            dependencies: ["C8Runbook"],
            exclude: ["Values/Fixtures", "FuzzRegressions", "Progress/Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "C8RunbookCLITests",
            dependencies: ["C8RunbookCLI", "C8Runbook"],
            exclude: ["BadInput", "Secrets/Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
