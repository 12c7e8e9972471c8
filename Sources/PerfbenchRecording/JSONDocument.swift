/// A whole JSON document read from a file (a HAR capture, a baseline), with its errors named by
/// file and line.
public enum JSONDocument {
    /// Parses `bytes` (the file at `path`) as one JSON object.
    ///
    /// - Throws: `RecordingError` (exit 65) when the bytes are not JSON or not an object.
    public static func parse(_ bytes: [UInt8], path: String) throws -> JSONObject {
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
        } catch let error as JSONSyntaxError {
            throw RecordingError.badData(
                path, line: error.line, "not valid JSON: \(error.message)",
                fix: "the file is damaged or not JSON: export it again")
        }
        guard case .object(let root) = value else {
            throw RecordingError.badData(path, line: 1, "expected a JSON object at the top", fix: "pass a HAR file")
        }
        return root
    }
}
