import Testing
@testable import LLMRouteCore

@Suite("Secret handling")
struct SecretHandlingTests {
    let key = "sk-ant-TEST-0123456789abcdef"

    @Test func echoedKeysAreScrubbedFromErrors() {
        let body = Array(#"{"error":{"message":"bad request; headers were x-api-key: sk-ant-TEST-0123456789abcdef, twice sk-ant-TEST-0123456789abcdef"}}"#.utf8)
        let error = ProviderError.fromHTTP(status: 400, body: body, retryAfter: nil).redacting([key])
        #expect(!error.message.contains(key) && !error.description.contains(key))
        #expect(error.message == "bad request; headers were x-api-key: [redacted], twice [redacted]")
        #expect(SecretRedaction.scrub("short abc", secrets: ["abc"]) == "short abc", "too short to be a key")
        #expect(SecretRedaction.scrub("é\(key)é", secrets: [key, "sk-other-secret-1"]) == "é[redacted]é")
    }

    @Test func preparedRequestsNameTheirSecrets() {
        let model = ModelInfo(id: "m", provider: "p", api: .openai, inputCostPerToken: 0, outputCostPerToken: 0,
                              contextWindow: 1000, maxOutputTokens: 100, quality: 1, qualitySource: "")
        let request = ChatRequest(system: nil, messages: [ChatMessage(role: .user, content: "q")])
        let openai = OpenAIProvider(info: ProviderInfo(name: "p", api: .openai, baseURL: "http://127.0.0.1:1/v1", apiKeyEnv: "K"))
            .prepare(request, model: model, baseURL: "http://127.0.0.1:1/v1", apiKey: key)
        #expect(openai.secretValues == [key], "without the Bearer scheme")
        #expect(!openai.url.contains(key))
        let anthropic = AnthropicProvider(info: ProviderInfo(name: "p", api: .anthropic, baseURL: "http://127.0.0.1:1", apiKeyEnv: "K"))
            .prepare(request, model: model, baseURL: "http://127.0.0.1:1", apiKey: key)
        #expect(anthropic.secretValues == [key])
        #expect(!anthropic.url.contains(key) && !anthropic.body.serialized().contains(key))
    }

    @Test func configExposureWarning() throws {
        let path = "/tmp/llmroute-exposure-\(getpid()).toml"
        defer { unlink(path) }
        _ = try? FileIO.write(Array("x".utf8), to: path, mode: 0o644)
        chmod(path, 0o644)
        var config = UserConfig(file: path)
        #expect(ConfigExposure.warning(for: config) == nil, "no inline key, nothing to protect")
        config.providers = [ProviderSettings(name: "p", apiKey: key)]
        let warning = try #require(ConfigExposure.warning(for: config))
        #expect(warning.contains("readable by its group and other users (mode 0644)") && warning.contains("chmod 600 \(path)"))
        #expect(!warning.contains(key))
        chmod(path, 0o600)
        #expect(ConfigExposure.warning(for: config) == nil)
        chmod(path, 0o602)
        #expect(ConfigExposure.warning(for: config)?.contains("readable or writable by other users (mode 0602)") == true)
    }

    @Test func noHomeMeansNoGuessedDirectories() {
        let paths = XDGPaths(environment: Environment([:]))
        #expect(paths.configFile == XDGPaths.noHome + "/.config/llmroute/config.toml")
        #expect(!paths.stateHome.hasPrefix("/tmp"))
        #expect(XDGPaths(environment: Environment(["HOME": "relative"])).dataHome.hasPrefix(XDGPaths.noHome))
        // Nothing can be created there, not even by root.
        #expect(throws: FileIO.Failure.self) { try FileIO.makeDirectories(paths.stateHome) }
        #expect(!FileIO.exists(paths.configFile))
    }
}

@Suite("File writes")
struct FileWriteSafetyTests {
    @Test func writesGoThroughLinksAndNeverReplaceSpecialFiles() throws {
        let base = "/tmp/llmroute-write-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? FileIO.read(base); unlink(base + "/real.toml"); unlink(base + "/link.toml"); rmdir(base) }
        try FileIO.makeDirectories(base)
        try FileIO.write(Array("a".utf8), to: base + "/real.toml")
        symlink(base + "/real.toml", base + "/link.toml")
        try FileIO.write(Array("b".utf8), to: base + "/link.toml")
        var info = stat()
        #expect(lstat(base + "/link.toml", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "still a link")
        #expect(try FileIO.read(base + "/real.toml") == Array("b".utf8), "written through")
        #expect(throws: FileIO.Failure.self) { try FileIO.write(Array("x".utf8), to: "/dev/null") }
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        #expect(throws: FileIO.Failure.self) { try FileIO.write(Array("x".utf8), to: base) }
    }
}
