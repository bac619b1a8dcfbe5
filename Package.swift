// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "llmroute",
    products: [
        .executable(name: "llmroute", targets: ["llmroute"]),
        .library(name: "LLMRouteCore", targets: ["LLMRouteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
        // The engine: catalog, tokens, classifier, strategies, config. No terminal code.
        .target(
            name: "LLMRouteCore",
            dependencies: ["CLLMRouteData", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Argument spec and parser, commands, output formatting.
        .target(
            name: "LLMRouteCLI",
            dependencies: ["LLMRouteCore", "CReadline"]
        ),
        .executableTarget(name: "llmroute", dependencies: ["LLMRouteCLI"]),
        .testTarget(name: "LLMRouteCoreTests", dependencies: ["LLMRouteCore"]),
        .testTarget(name: "LLMRouteCLITests", dependencies: ["LLMRouteCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LLMRouteCore"]),
    ]
)
