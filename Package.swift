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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
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
        .target(
            name: "FirebreakServer",
            dependencies: [
                "Firebreak", "FirebreakStore", "FirebreakFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "firebreak",
            dependencies: [
                "Firebreak", "FirebreakFormats", "FirebreakLanguage", "FirebreakModels", "FirebreakDrill",
                "FirebreakStore", "FirebreakServer",
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
        .testTarget(
            name: "FirebreakServerTests",
            dependencies: [
                "FirebreakServer", "FirebreakStore", "Firebreak", "FirebreakFormats",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "FirebreakCLITests", dependencies: ["firebreak"], swiftSettings: strict),
    ]
)
