/// Removes known secrets from text that came from outside (server error bodies, stream errors).
public enum SecretRedaction {
    public static let placeholder = "[redacted]"

    /// `text` with every occurrence of each secret replaced. Secrets shorter than 8 bytes are
    /// left alone: no real key is that short, and scrubbing "a" would garble the message.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var bytes = Array(text.utf8)
        var changed = false
        for secret in secrets where secret.utf8.count >= 8 {
            let needle = Array(secret.utf8)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == needle[0], index + needle.count <= bytes.count, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    result += placeholder.utf8
                    index += needle.count
                    changed = true
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            bytes = result
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }
}

extension ProviderError {
    /// This error with `secrets` scrubbed from its message.
    public func redacting(_ secrets: [String]) -> ProviderError {
        var copy = self
        copy.message = SecretRedaction.scrub(message, secrets: secrets)
        return copy
    }
}
