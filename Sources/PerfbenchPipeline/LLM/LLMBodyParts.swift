import PerfbenchRecording

/// An LLM call's body in its parts: the task's envelope around the user message, quoted. A
/// replay compares a call with recorded calls by these parts, not by the whole body.
///
/// The writer is deterministic, so `LLMClient.body(task, input)` equals a recorded body exactly
/// when the recorded body is the task's envelope around some quoted message, quoted as this
/// writer quotes it, and that message equals `userMessage(input)`. The recorded side is worked
/// out once per recorded body (``userMessage(in:task:)``); the call's side skips quoting its
/// message into the envelope and making a `String` of it: a third of what writing the body cost
/// (`perf record` of `optimize Recordings/corpus`: the body was 6.7 % of the search, quoting
/// the message into it 2.4 %).
public enum LLMBodyParts {
    /// The user message of a call with `input`, as the body carries it (before quoting).
    public static func userMessage(_ input: LLMRequestInput) -> [UInt8] {
        var out = JSONBytes(capacity: 1024)
        LLMClient.encode(input, into: &out)
        return out.bytes
    }

    /// The user message inside `body` when `body` is exactly what this writer writes for a
    /// call of `task` (its envelope, the message quoted as the writer quotes); nil when it is
    /// not, and then no call of `task` writes `body`.
    public static func userMessage(in body: String, task: LLMTask) -> [UInt8]? {
        let (prefix, suffix) = LLMClient.envelopes[task.ordinal]
        // Read in place: recorded prompts are long, and copying each one out was most of this.
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? in
            guard bytes.count >= prefix.count + suffix.count + 2, bytes.starts(with: prefix),
                bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
            else { return nil }
            let quoted = UnsafeBufferPointer(rebasing: bytes[prefix.count..<(bytes.count - suffix.count)])
            guard let message = JSONStringDecoding.literal(quoted) else { return nil }
            // Quoted again the writer's way, it must give the same bytes (`\/` or `\u00e9` would not).
            var requoted = JSONBytes(capacity: quoted.count)
            requoted.quoted(utf8: message.utf8)
            return requoted.bytes.elementsEqual(quoted) ? Array(message.utf8) : nil
        }
        return body.utf8.withContiguousStorageIfAvailable(read) ?? Array(body.utf8).withUnsafeBufferPointer(read)
    }

    /// The body a call of `task` with `userMessage` writes: the task's envelope around the
    /// message, quoted.
    static func body(task: LLMTask, userMessage: [UInt8]) -> JSONBytes {
        let (prefix, suffix) = LLMClient.envelopes[task.ordinal]
        var out = JSONBytes(capacity: prefix.count + userMessage.count + userMessage.count / 8 + suffix.count + 2)
        out.append(prefix)
        out.quoted(utf8: userMessage)
        out.append(suffix)
        return out
    }

    /// The length in bytes of the body a call of `task` with `userMessage` writes, counted
    /// without writing it (writing the body only to count it was ≈ 1 % of a search).
    public static func bodyByteCount(task: LLMTask, userMessage: [UInt8]) -> Int {
        let (prefix, suffix) = LLMClient.envelopes[task.ordinal]
        var quoted = 2
        for byte in userMessage { quoted += JSONEscape.width(byte) }
        return prefix.count + quoted + suffix.count
    }
}
