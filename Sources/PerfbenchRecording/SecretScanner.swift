/// Finds secrets in an existing file — a native recording, a HAR file or a text log — and
/// reports where (file, line, kind), never what.
///
/// Recordings and HAR files are walked as JSON: credential headers (`[name, value]` pairs or
/// HAR `{name, value}` objects), HAR cookies, query and form parameters by name, and every
/// other string through the same text patterns the `Redactor` uses (bearer tokens, `sk-`
/// keys, URL passwords, secret `key=value` and JSON keys). Text logs are scanned line by line.
/// Values already redacted (`[REDACTED]`) are not findings.
public enum SecretScanner {
    /// Scans the file at `path`; the findings are sorted by line, one per kind per line.
    public static func scan(
        path: String, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws -> [SecretFinding] {
        let format = try RecordingFileFormat.detect(path: path, maxDecompressedBytes: maxDecompressedBytes)
        let reader = try GzipReader(path: path, maxDecompressedBytes: maxDecompressedBytes)
        var findings = Set<SecretFinding>()
        switch format {
        case .har:
            let root = try JSONDocument.parse(try reader.readAll(), path: path)
            walk(.object(root), line: root.line, parentKey: nil) { line, kind in
                findings.insert(SecretFinding(path: path, line: line, kind: kind))
            }
        case .native:
            // Line by line: a recording may be far larger than memory, and a scan must work even
            // on a file the reader would reject (out of order, unknown fields).
            let lines = LineReader(source: reader)
            while try lines.nextLine(skippingEmptyLines: true, { bytes, number -> Bool in
                guard let value = try? JSONParser.parse(bytes) else { return true }
                walk(value, line: number, parentKey: nil) { _, kind in
                    findings.insert(SecretFinding(path: path, line: number, kind: kind))
                }
                return true
            }) != nil {}
        case .text:
            let lines = LineReader(source: reader)
            while try lines.nextLine(skippingEmptyLines: true, { bytes, number -> Bool in
                for match in SecretText.matches(in: bytes) {
                    findings.insert(SecretFinding(path: path, line: number, kind: match.kind))
                }
                return true
            }) != nil {}
        }
        return findings.sorted()
    }

    /// The secret kinds in one exchange (what the `Redactor` would hide), in a stable order.
    public static func kinds(in exchange: Exchange) -> [SecretKind] {
        var kinds = Set<SecretKind>()
        for header in exchange.requestHeaders + exchange.responseHeaders {
            headerKinds(name: header.name, value: header.value).forEach { kinds.insert($0) }
        }
        for text in [exchange.url, exchange.requestBody ?? "", exchange.responseBody ?? ""] {
            SecretText.matches(in: text).forEach { kinds.insert($0.kind) }
        }
        return kinds.sorted()
    }

    private static func headerKinds(name: String, value: String) -> [SecretKind] {
        if Redactor.isSecretHeader(name) {
            guard !value.isEmpty, !value.contains("REDACTED") else { return [] }
            return [.header(name.lowercased())]
        }
        return SecretText.matches(in: value).map(\.kind)
    }

    /// Walks a JSON value, reporting secrets with the line of the member they are in.
    private static func walk(
        _ value: JSONValue, line: Int, parentKey: String?, report: (Int, SecretKind) -> Void
    ) {
        switch value {
        case .string(let text):
            for match in SecretText.matches(in: text) { report(line, match.kind) }
        case .array(let items):
            for item in items {
                // Native headers: ["Name", "value"] pairs under request_headers/response_headers.
                if parentKey?.hasSuffix("_headers") == true, case .array(let pair) = item, pair.count == 2,
                    case .string(let name) = pair[0], case .string(let headerValue) = pair[1]
                {
                    headerKinds(name: name, value: headerValue).forEach { report(line, $0) }
                } else {
                    walk(item, line: line, parentKey: parentKey, report: report)
                }
            }
        case .object(let object):
            if let kinds = namedValueKinds(object, parentKey: parentKey) {
                let valueLine = object.member("value")?.line ?? object.line
                kinds.forEach { report(valueLine, $0) }
                return
            }
            let base64 = object["encoding"]?.stringValue?.lowercased() == "base64"
            for member in object.members {
                if base64, member.key == "text", case .string(let text) = member.value,
                    let decoded = decodeBase64(text)
                {
                    for match in SecretText.matches(in: decoded) { report(member.line, match.kind) }
                    continue
                }
                walk(member.value, line: member.line, parentKey: member.key, report: report)
            }
        case .null, .bool, .int, .uint, .double:
            break
        }
    }

    /// HAR `{name, value}` objects in `headers`, `cookies`, `queryString` and `params` arrays;
    /// nil for any other object.
    private static func namedValueKinds(_ object: JSONObject, parentKey: String?) -> [SecretKind]? {
        guard let parentKey, let name = object["name"]?.stringValue, let value = object["value"]?.stringValue else {
            return nil
        }
        let placeholder = value.isEmpty || value.contains("REDACTED")
        switch parentKey {
        case "headers":
            return headerKinds(name: name, value: value)
        case "cookies":
            return placeholder ? [] : [.header("cookie")]
        case "queryString", "params":
            let lower = name.lowercased()
            if Redactor.secretParameters.contains(lower) { return placeholder ? [] : [.parameter(lower)] }
            return SecretText.matches(in: value).map(\.kind)
        default:
            return nil
        }
    }

    private static func decodeBase64(_ text: String) -> String? {
        Base64.decodeUTF8(text)
    }
}
