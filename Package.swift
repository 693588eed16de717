// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Firebreak",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "firebreak", targets: ["firebreak"]),
        .library(name: "Firebreak", targets: ["Firebreak"]),
        .library(name: "FirebreakLanguage", targets: ["FirebreakLanguage"]),
        .library(name: "FirebreakFormats", targets: ["FirebreakFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "FirebreakLanguage", swiftSettings: strict),
        .target(name: "Firebreak", dependencies: ["FirebreakLanguage"], swiftSettings: strict),
        .target(
            name: "FirebreakModels", dependencies: ["FirebreakLanguage", "Firebreak"],
            resources: [.copy("Resources")], swiftSettings: strict
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "FirebreakFormats",
            dependencies: ["Firebreak", "CZlib", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "FirebreakDrill", dependencies: ["Firebreak", "FirebreakLanguage", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(
            name: "FirebreakStore",
            dependencies: ["Firebreak", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "firebreak",
            dependencies: [
                "Firebreak", "FirebreakFormats", "FirebreakLanguage", "FirebreakModels", "FirebreakDrill",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "FirebreakLanguageTests", dependencies: ["FirebreakLanguage"], swiftSettings: strict),
        .testTarget(name: "FirebreakTests", dependencies: ["Firebreak", "FirebreakLanguage"], swiftSettings: strict),
        .testTarget(
            name: "FirebreakFormatsTests", dependencies: ["FirebreakFormats", "Firebreak"],
            resources: [.copy("Fixtures")], swiftSettings: strict
        ),
        .testTarget(name: "FirebreakDrillTests", dependencies: ["FirebreakDrill", "FirebreakFormats"], swiftSettings: strict),
        .testTarget(name: "FirebreakStoreTests", dependencies: ["FirebreakStore", "Firebreak"], swiftSettings: strict),
        .testTarget(name: "FirebreakCLITests", dependencies: ["firebreak"], swiftSettings: strict),
    ]
)
