import Foundation

/// Base64 bodies as HAR writers store them.
public enum Base64 {
    /// The decoded bytes as UTF-8 text; nil when the input is not base64 or the bytes are not
    /// UTF-8 (a binary body).
    public static func decodeUTF8(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
