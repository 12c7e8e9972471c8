/// One secret value located in a text: the byte range to hide and what kind it is.
struct SecretMatch: Equatable {
    var range: Range<Int>
    var kind: SecretKind
}

/// Finds secrets in free text (URLs, bodies, header values, log lines) in one pass over the
/// UTF-8 bytes. The redactor and the scanner share it, so whatever `Redactor` writes passes
/// `SecretScanner`, and whatever the scanner reports the redactor would have hidden.
///
/// Patterns, each located by a trigger byte:
/// - `key=value` (query strings, form bodies, `key=value` log fields) for secret keys;
/// - `key="value"` / `key='value'` (structlog, shells) with the quoted value;
/// - `"key": "value"` (JSON) and `'key': 'value'` (Python reprs) for secret keys, string values
///   only;
/// - `Name: value` at the start of a line for credential header names (logs, HTTP dumps);
/// - `scheme://user:password@` passwords;
/// - `Bearer <token>` (8+ token characters) and `sk-<key>` (20+ characters) anywhere.
enum SecretText {
    /// Every match in `text`, non-overlapping, in order.
    static func matches(in text: String) -> [SecretMatch] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    /// `text` with every secret value replaced by `[REDACTED]` (the same string when there is
    /// nothing to hide).
    static func redact(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            let found = matches(in: bytes)
            guard !found.isEmpty else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + found.count * 10)
            var cursor = 0
            for match in found {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<match.range.lowerBound]))
                output.append(contentsOf: Redactor.placeholder.utf8)
                cursor = match.range.upperBound
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        var found: [SecretMatch] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var match: SecretMatch?
            switch byte {
            case UInt8(ascii: "="): match = keyValue(bytes, equals: index)
            case UInt8(ascii: ":"):
                match = urlPassword(bytes, colon: index) ?? jsonMember(bytes, colon: index) ?? headerLine(bytes, colon: index)
            case UInt8(ascii: "b"), UInt8(ascii: "B"): match = bearer(bytes, at: index)
            case UInt8(ascii: "s"): match = skKey(bytes, at: index)
            case UInt8(ascii: "e"): match = jwt(bytes, at: index)
            case UInt8(ascii: "A"): match = googleKey(bytes, at: index)
            default: break
            }
            if let match {
                // Keep the first of overlapping matches (a header line wins over the bearer
                // token inside it) and continue after it.
                if let last = found.last, match.range.lowerBound < last.range.upperBound {
                    index += 1
                    continue
                }
                found.append(match)
                index = max(index + 1, match.range.upperBound)
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: Patterns

    private static func keyValue(_ bytes: UnsafeBufferPointer<UInt8>, equals: Int) -> SecretMatch? {
        var keyStart = equals
        while keyStart > 0, isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
        guard keyStart < equals else { return nil }
        if equals - keyStart == 4, lowercased(bytes, keyStart..<equals) == "name" {
            return multipartField(bytes, equals: equals)
        }
        guard let kind = secretKey(bytes, keyStart..<equals) else { return nil }
        // A quoted value (`password='x y'`, as structlog and shells write) runs to its quote.
        if equals + 1 < bytes.count, bytes[equals + 1] == UInt8(ascii: "\"") || bytes[equals + 1] == UInt8(ascii: "'") {
            let quote = bytes[equals + 1]
            var end = equals + 2
            while end < bytes.count, bytes[end] != quote, bytes[end] != 0x0A { end += 1 }
            return secret(bytes, (equals + 2)..<end, kind)
        }
        var end = equals + 1
        while end < bytes.count, !isValueTerminator(bytes[end]) { end += 1 }
        // `auth=Bearer <token>`: the bearer pattern hides the token that follows.
        if end - equals - 1 == 6, lowercased(bytes, (equals + 1)..<end) == "bearer" { return nil }
        return secret(bytes, (equals + 1)..<end, kind)
    }

    /// A multipart form field with a secret name (`Content-Disposition: form-data;
    /// name="password"`, a blank line, then the value on its own line): the value line.
    private static func multipartField(_ bytes: UnsafeBufferPointer<UInt8>, equals: Int) -> SecretMatch? {
        guard equals + 1 < bytes.count, bytes[equals + 1] == UInt8(ascii: "\"") else { return nil }
        var close = equals + 2
        while close < bytes.count, bytes[close] != UInt8(ascii: "\""), bytes[close] != 0x0A { close += 1 }
        guard close < bytes.count, bytes[close] == UInt8(ascii: "\""), let kind = secretKey(bytes, (equals + 2)..<close) else {
            return nil
        }
        // The rest of the header line, then further part headers, up to the blank line.
        var index = close + 1
        while index < bytes.count {
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            guard index < bytes.count else { return nil }
            index += 1
            if index < bytes.count, bytes[index] == 0x0A { index += 1; break }
            if index + 1 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A { index += 2; break }
        }
        var end = index
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return secret(bytes, index..<end, kind)
    }

    private static func jsonMember(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int) -> SecretMatch? {
        var quote = colon - 1
        while quote >= 0, isSpace(bytes[quote]) { quote -= 1 }
        // JSON uses double quotes; Python reprs in logs (`{'password': 'x'}`) use single ones.
        guard quote > 0, bytes[quote] == UInt8(ascii: "\"") || bytes[quote] == UInt8(ascii: "'") else { return nil }
        let quoteByte = bytes[quote]
        var keyStart = quote
        while keyStart > 0, bytes[keyStart - 1] != quoteByte {
            keyStart -= 1
            if quote - keyStart > 64 { return nil }  // no secret key is that long
        }
        // A backslash-escaped quote (JSON inside a JSON string) is still a key delimiter.
        var keyEnd = quote
        if keyEnd > keyStart, bytes[keyEnd - 1] == UInt8(ascii: "\\") { keyEnd -= 1 }
        guard keyStart > 0, let kind = secretKey(bytes, keyStart..<keyEnd) else { return nil }
        var valueQuote = colon + 1
        while valueQuote < bytes.count, isSpace(bytes[valueQuote]) { valueQuote += 1 }
        // JSON inside a JSON string (`\"key\":\"value\"`) ends its value at `\"`; plain JSON
        // skips escapes and ends at the first unescaped quote.
        var escapedContext = false
        if valueQuote < bytes.count, bytes[valueQuote] == UInt8(ascii: "\\") {
            escapedContext = true
            valueQuote += 1
        }
        guard valueQuote < bytes.count, bytes[valueQuote] == quoteByte else { return nil }
        var end = valueQuote + 1
        while end < bytes.count {
            let byte = bytes[end]
            if escapedContext {
                if byte == UInt8(ascii: "\\"), end + 1 < bytes.count, bytes[end + 1] == quoteByte { break }
                if byte == quoteByte { break }
                end += 1
            } else {
                if byte == quoteByte { break }
                end += byte == UInt8(ascii: "\\") ? 2 : 1
            }
        }
        return secret(bytes, (valueQuote + 1)..<min(end, bytes.count), kind)
    }

    private static func headerLine(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int) -> SecretMatch? {
        var nameStart = colon
        while nameStart > 0, isHeaderNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
        guard nameStart < colon else { return nil }
        var before = nameStart - 1
        while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
        guard before < 0 || bytes[before] == 0x0A || bytes[before] == 0x0D else { return nil }
        let name = lowercased(bytes, nameStart..<colon)
        guard Redactor.isSecretHeader(name) else { return nil }
        var start = colon + 1
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return secret(bytes, start..<end, .header(name))
    }

    private static func urlPassword(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int) -> SecretMatch? {
        guard colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/"),
            colon > 0, isSchemeByte(bytes[colon - 1])
        else { return nil }
        // The user information runs to the last `@` before the URL ends (a password may hold
        // a `/`); all of it is hidden, user name included: a token is often passed as one.
        let start = colon + 3
        var index = start
        var at: Int?
        var firstSlash: Int?
        var firstColon: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") { at = index }
            if byte == UInt8(ascii: ":"), firstColon == nil, firstSlash == nil { firstColon = index }
            if byte == UInt8(ascii: "/"), firstSlash == nil { firstSlash = index }
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || (byte != UInt8(ascii: "/") && isURLAuthorityTerminator(byte)) { break }
            index += 1
        }
        guard let at, at > start else { return nil }
        if let firstSlash, firstSlash < at {
            // An `@` past the first `/` is user information only when a password with a `/`
            // in it put the slash there: a `:` before the slash that is not a port.
            guard let firstColon, firstColon < firstSlash,
                !(firstColon + 1..<firstSlash).allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 })
            else { return nil }
        }
        return secret(bytes, start..<at, .urlPassword)
    }

    private static func bearer(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> SecretMatch? {
        guard index + 7 < bytes.count, index == 0 || !isAlphanumeric(bytes[index - 1]) else { return nil }
        // "bearer", case-insensitively, without building a comparison array on this hot path.
        guard bytes[index + 1] | 0x20 == UInt8(ascii: "e"), bytes[index + 2] | 0x20 == UInt8(ascii: "a"),
            bytes[index + 3] | 0x20 == UInt8(ascii: "r"), bytes[index + 4] | 0x20 == UInt8(ascii: "e"),
            bytes[index + 5] | 0x20 == UInt8(ascii: "r")
        else { return nil }
        var start = index + 6
        guard bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") else { return nil }
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        var end = start
        while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
        guard end - start >= 8 else { return nil }
        return secret(bytes, start..<end, .bearerToken)
    }

    private static func skKey(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> SecretMatch? {
        guard index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "k"), bytes[index + 2] == UInt8(ascii: "-"),
            index == 0 || !(isAlphanumeric(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "_") || bytes[index - 1] == UInt8(ascii: "-"))
        else { return nil }
        var end = index + 3
        while end < bytes.count, isAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: "-") {
            end += 1
        }
        guard end - index - 3 >= 20 else { return nil }
        return SecretMatch(range: index..<end, kind: .apiKey)
    }

    /// `eyJ….eyJ….signature`: a JSON web token (header and payload are base64url JSON objects).
    private static func jwt(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> SecretMatch? {
        func eyJ(_ at: Int) -> Bool {
            at + 2 < bytes.count && bytes[at] == UInt8(ascii: "e") && bytes[at + 1] == UInt8(ascii: "y") && bytes[at + 2] == UInt8(ascii: "J")
        }
        guard eyJ(index), index == 0 || !isBase64URLByte(bytes[index - 1]) else { return nil }
        var end = index
        while end < bytes.count, isBase64URLByte(bytes[end]) { end += 1 }
        guard end - index >= 10, end < bytes.count, bytes[end] == UInt8(ascii: "."), eyJ(end + 1) else { return nil }
        end += 1
        while end < bytes.count, isBase64URLByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ".") else { return nil }
        end += 1
        while end < bytes.count, isBase64URLByte(bytes[end]) { end += 1 }
        return SecretMatch(range: index..<end, kind: .jwt)
    }

    /// `AIza` and 35 base64url characters: a Google API key.
    private static func googleKey(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> SecretMatch? {
        guard index + 39 <= bytes.count, bytes[index + 1] == UInt8(ascii: "I"), bytes[index + 2] == UInt8(ascii: "z"),
            bytes[index + 3] == UInt8(ascii: "a"), index == 0 || !isBase64URLByte(bytes[index - 1])
        else { return nil }
        var end = index + 4
        while end < bytes.count, isBase64URLByte(bytes[end]) { end += 1 }
        guard end - index == 39 else { return nil }
        return SecretMatch(range: index..<end, kind: .googleAPIKey)
    }

    private static func isBase64URLByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    // MARK: Helpers

    /// A match for a non-empty value that is not already a redaction placeholder, and that could
    /// be a credential at all: `True`, `false`, `None`, `null` and short numbers cannot.
    private static func secret(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: SecretKind) -> SecretMatch? {
        guard !range.isEmpty, !containsPlaceholder(bytes, range) else { return nil }
        if case .parameter = kind, cannotBeCredential(bytes, range) { return nil }
        return SecretMatch(range: range, kind: kind)
    }

    private static func cannotBeCredential(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        // Punctuation alone (`cookies_keys=['session_token', …]` lists names, opening with `[`).
        if !bytes[range].contains(where: isAlphanumeric) { return true }
        if range.count <= 4, bytes[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        return ["true", "false", "none", "null"].contains(lowercased(bytes, range))
    }

    /// The kind for a secret key name (parameter or credential header), nil for other keys.
    private static func secretKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SecretKind? {
        guard range.count >= 3, range.count <= 64 else { return nil }
        let name = lowercased(bytes, range)
        if Redactor.secretParameters.contains(name) { return .parameter(name) }
        if Redactor.isCredentialHeader(name) { return .header(name) }
        if Redactor.isSecretName(name) { return .parameter(name) }
        return nil
    }

    private static func containsPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let word: [UInt8] = Array("REDACTED".utf8)
        guard range.count >= word.count else { return false }
        var index = range.lowerBound
        while index + word.count <= range.upperBound {
            if bytes[index] == word[0], (1..<word.count).allSatisfy({ bytes[index + $0] == word[$0] }) { return true }
            index += 1
        }
        return false
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "%")
    }

    private static func isHeaderNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isValueTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "#"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "\\"), 0x20, 0x09, 0x0A, 0x0D:
            return true
        default:
            return false
        }
    }

    private static func isURLAuthorityTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), 0x20, 0x09, 0x0A, 0x0D:
            return true
        default:
            return false
        }
    }
}
