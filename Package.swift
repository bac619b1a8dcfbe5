// swift-tools-version:6.0
import PackageDescription

// Member lookups see only what a file imports: without this, TOMLKit's Foundation import makes
// `String.contains` resolve to Foundation's locale-aware NSString search, ~50x slower on hot paths.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "llmroute",
    products: [
        .executable(name: "llmroute", targets: ["llmroute"]),
        .library(name: "LLMRouteCore", targets: ["LLMRouteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // HTTP for providers: TLS, proxies, pooling, timeouts (no hand-written HTTP).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The usage ledger: SQLite (system libsqlite3; apt: libsqlite3-dev) with WAL and migrations.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `llmroute serve`: the OpenAI-compatible gateway's HTTP server (HTTP/1.1 on NIO, routing,
        // streaming bodies) and graceful shutdown on SIGTERM/SIGINT.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Already in hummingbird's graph; named here because the gateway uses their types directly.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // The gateway's GET /metrics in Prometheus's text format.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The shared team ledger on PostgreSQL ([ledger] url); nothing of it runs unless that is set.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // TLS for the PostgreSQL ledger (sslmode=require); already in async-http-client's graph.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // GNU readline, linked through pkg-config (apt: libreadline-dev). Used by the REPL.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // Data files linked into the binary (tokenizer vocabularies, classifier weights).
        .target(
            name: "CLLMRouteData",
            exclude: ["blobs"],
            cSettings: [.headerSearchPath("blobs")]
        ),
        // Start-up threads that begin on an idle core (see its header).
        .target(name: "CLLMRouteThreads"),
        // The engine: catalog, tokens, classifier, strategies, config. No terminal code.
        .target(
            name: "LLMRouteCore",
            dependencies: [
                "CLLMRouteData",
                "CLLMRouteThreads",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports
        ),
        // The `llmroute serve` gateway: an OpenAI-compatible HTTP front for the engine. A target of
        // its own so that only `serve` links its code paths into use (nothing initialises unless
        // it runs) and the engine stays free of HTTP-server code.
        .target(
            name: "LLMRouteServe",
            dependencies: [
                "LLMRouteCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictImports
        ),
        // Argument spec and parser, commands, output formatting.
        .target(
            name: "LLMRouteCLI",
            dependencies: ["LLMRouteCore", "LLMRouteServe", "CReadline"],
            swiftSettings: strictImports
        ),
        .executableTarget(name: "llmroute", dependencies: ["LLMRouteCLI"], swiftSettings: strictImports),
        // Trains the local classifier (make train-classifier); shares feature code with LLMRouteCore.
        .executableTarget(name: "llmroute-train", dependencies: ["LLMRouteCore"], swiftSettings: strictImports),
        .testTarget(name: "LLMRouteCoreTests", dependencies: ["LLMRouteCore", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Tokens/Fixtures"]),
        .testTarget(name: "LLMRouteCLITests", dependencies: ["LLMRouteCLI"]),
        .testTarget(name: "LLMRouteServeTests", dependencies: ["LLMRouteServe", "LLMRouteCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LLMRouteCore", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Servers"]),
    ]
)

// Fuzz targets (Fuzz/README.md; `make fuzz`), declared only when LLMROUTE_FUZZ=1: they are built
// with `-sanitize=fuzzer,address` into their own scratch path, and a normal build never sees them.
// Each is an executable whose top-level code hands control to libFuzzer (CLLMRouteFuzz declares
// its driver), because SwiftPM links an executable's `main` to the module's own entry point.
if Context.environment["LLMROUTE_FUZZ"] == "1" {
    // Our code is optimized (a later -O overrides debug's -Onone) while staying testable, so
    // runs reach millions of inputs; dependencies stay debug builds, which saves build time.
    // Not for CI's smoke build (LLMROUTE_SANITIZE=fuzzer,address): for 30 s a target, a debug
    // compile of our modules is the better trade.
    let optimize = Context.environment["LLMROUTE_SANITIZE"] == nil
    for target in package.targets where optimize && ["LLMRouteCore", "LLMRouteCLI", "LLMRouteServe"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"])]
    }
    package.targets.append(.target(name: "CLLMRouteFuzz", path: "Fuzz/Sources/CLLMRouteFuzz"))
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-sse", ["LLMRouteCore"]),
        ("fuzz-openai", ["LLMRouteCore"]),
        ("fuzz-anthropic", ["LLMRouteCore"]),
        ("fuzz-config", ["LLMRouteCore"]),
        ("fuzz-arguments", ["LLMRouteCLI"]),
        ("fuzz-jsonl", ["LLMRouteCLI"]),
        ("fuzz-tokenizer", ["LLMRouteCore"]),
        ("fuzz-outcomes", ["LLMRouteCore"]),
        ("fuzz-request", ["LLMRouteServe"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: target.dependencies + ["CLLMRouteFuzz", "LLMRouteCore"],
            path: "Fuzz/Sources/\(target.name)", swiftSettings: strictImports + (optimize ? [.unsafeFlags(["-O"])] : [])))
    }
}

// Sanitizers on our own modules only (`make check-sanitizers-ci`, mk/hardening.mk): with
// LLMROUTE_SANITIZE=address or thread, our targets are compiled and linked with that sanitizer
// while dependencies stay ordinary debug builds, so a build reuses the compiled dependencies of
// the normal scratch path and only our modules recompile. Unlike `swift build --sanitize`,
// nothing inside NIO, GRDB or TOMLKit is checked (the full runs, `make check-sanitizers`, do).
// `fuzzer,address` (with LLMROUTE_FUZZ=1) is CI's fuzz smoke build the same way (`make
// fuzz-smoke-ci`): coverage and ASan in our parsers only, none inside toml++.
if let sanitizer = Context.environment["LLMROUTE_SANITIZE"], !sanitizer.isEmpty {
    precondition(["address", "thread", "fuzzer,address"].contains(sanitizer),
                 "LLMROUTE_SANITIZE must be address, thread or fuzzer,address, not \(sanitizer)")
    for target in package.targets where target.type != .system && target.name != "CLLMRouteData" {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=\(sanitizer)"])]
        // The executables and the test bundle link the sanitizer's runtime.
        target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-sanitize=\(sanitizer)"])]
    }
}
