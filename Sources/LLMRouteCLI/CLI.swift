import LLMRouteCore
#if canImport(Glibc)
import Glibc
#endif
public enum CLI {
    public static func run(_ args: [String]) -> Int32 { print(probeBlobCount()); return 0 }
}
public func exitProcess(_ code: Int32) -> Never { exit(code) }
