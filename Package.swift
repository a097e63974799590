// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "svforms",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "svforms", targets: ["svforms"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "SVFormsCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SVFormsStore",
            dependencies: [
                "SVFormsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "SVFormsExport",
            dependencies: ["SVFormsCore", "CXLSXWriter"]
        ),
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "SVFormsMail",
            dependencies: [
                "SVFormsCore",
                "CCurl",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Figures, tables and the board report, from the store; `svforms export` and the web share it.
        .target(
            name: "SVFormsReporting",
            dependencies: [
                "SVFormsCore",
                "SVFormsStore",
                "SVFormsExport",
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Work that runs beside the web server: mail delivery, scheduled mail and housekeeping.
        .target(
            name: "SVFormsBackground",
            dependencies: [
                "SVFormsCore",
                "SVFormsStore",
                "SVFormsMail",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "SVFormsWeb",
            dependencies: [
                "SVFormsCore",
                "SVFormsStore",
                "SVFormsExport",
                "SVFormsReporting",
                "SVFormsBackground",
                "SVFormsMail",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        .executableTarget(
            name: "svforms",
            dependencies: [
                "SVFormsWeb",
                "SVFormsReporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SVFormsCoreTests", dependencies: ["SVFormsCore"]),
        .testTarget(name: "SVFormsExportTests", dependencies: ["SVFormsExport"]),
        .testTarget(name: "SVFormsMailTests", dependencies: ["SVFormsMail"]),
        .testTarget(name: "SVFormsReportingTests", dependencies: ["SVFormsReporting"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SVFormsStoreTests",
            dependencies: ["SVFormsStore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SVFormsWebTests",
            dependencies: [
                "SVFormsWeb",
                "SVFormsReporting",
                "SVFormsBackground",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
