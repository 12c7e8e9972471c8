import Foundation
import PerfbenchImport
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchServer

/// The parsers a fuzzer drives (`perfbench-fuzz TARGET`): each takes arbitrary bytes the way the
/// tool takes that input from a file or a socket. A thrown error is a correct answer to bad input;
/// only a trap, a hang or a sanitizer report is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A native recording (JSONL, gzipped or not): read every event, then index it for replay.
    case recording
    /// A HAR file, imported with redaction.
    case har
    /// A moodlist backend log, imported (every workflow it holds).
    case moodlistLog = "moodlist-log"
    /// A configuration file, TOML or JSON (both are tried).
    case config
    /// A baseline file (`perfbench baseline --output`).
    case baseline
    /// An HTTP request target as the server reads it (path, query, percent-decoding).
    case serverTarget = "server-target"
    /// A JSON document read both ways a replay reads a recorded body: laid out as a tape and
    /// parsed into a tree. Any disagreement (one accepts what the other refuses, or a value reads
    /// differently) traps, so the fuzzer reports it as a finding.
    case json

    /// Feeds `bytes` to the target's parser; errors are swallowed (they are the right answer).
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .recording:
            guard let reader = try? RecordingReader(bytes: bytes, label: "fuzz.jsonl") else { return }
            let header = reader.header
            var events: [RecordingEvent] = []
            while let event = try? reader.next() { events.append(event) }
            let recording = Recording(header: header, events: events)
            _ = ReplayIndex(recording: recording).exchangeCount
        case .har:
            _ = try? HARImporter().importHAR(bytes, path: "fuzz.har")
        case .moodlistLog:
            _ = try? MoodlistLogImporter().importText(String(decoding: bytes, as: UTF8.self), path: "fuzz.log")
        case .config:
            let text = String(decoding: bytes, as: UTF8.self)
            for path in ["fuzz.toml", "fuzz.json"] { _ = try? ConfigurationFile.parse(text, path: path) }
        case .baseline:
            _ = try? BaselineFile.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.json")
        case .serverTarget:
            _ = WorldServer.readsTarget(String(decoding: bytes, as: UTF8.self))
        case .json:
            let text = String(decoding: bytes, as: UTF8.self)
            let tree = try? JSONValue.parse(text)
            let tape = JSONTape(text)
            precondition((tape == nil) == (tree == nil), "the JSON tape and the parser disagree on whether this is JSON")
            if let tape, let tree { precondition(Self.reads(tape.root, as: tree), "the JSON tape reads a value differently") }
        }
    }

    /// Whether every accessor of `node` gives what `value`'s gives, all the way down (member
    /// lookups for an object's first 64 names: a lookup is a scan, and a fuzzer's flat object
    /// of thousands of names would spend its time there).
    static func reads(_ node: JSONNode, as value: JSONValue) -> Bool {
        guard node.stringValue == value.stringValue, node.doubleValue?.bitPattern == value.doubleValue?.bitPattern,
            node.int64Value == value.int64Value, node.intValue == value.intValue, node.boolValue == value.boolValue,
            node.isObject == (value.objectValue != nil), node.arrayValue?.count == value.arrayValue?.count,
            node.members?.map(\.key) == value.objectValue?.members.map(\.key)
        else { return false }
        if let elements = value.arrayValue, let nodes = node.arrayValue {
            return zip(nodes, elements).allSatisfy { reads($0, as: $1) }
        }
        if let members = node.members, let expected = value.objectValue?.members,
            !zip(members, expected).allSatisfy({ reads($0.value, as: $1.value) })
        {
            return false
        }
        if let object = value.objectValue {
            for member in object.members.prefix(64) {
                guard let found = node[member.key], let expected = object[member.key], reads(found, as: expected) else {
                    return false
                }
            }
        }
        return true
    }
}

/// The target libFuzzer's entry point drives, from `PERFBENCH_FUZZ_TARGET` (read once).
private let selected: FuzzTarget? = ProcessInfo.processInfo.environment["PERFBENCH_FUZZ_TARGET"].flatMap(FuzzTarget.init)

/// libFuzzer's setup hook: refuses to start without a known target.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    guard selected != nil else {
        FileHandle.standardError.write(Data(
            ("perfbench-fuzz: set PERFBENCH_FUZZ_TARGET to one of: "
                + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ") + "\n").utf8))
        exit(64)
    }
    return 0
}

/// libFuzzer's entry point: one input through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let selected else { return 0 }
    selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// The regression runner's entry point (no libFuzzer): one input through target `name`; -1 when
/// there is no such target.
@_cdecl("perfbench_fuzz_run")
public func fuzzRun(_ name: UnsafePointer<CChar>, _ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = FuzzTarget(rawValue: String(cString: name)) else { return -1 }
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// The targets' names, space-separated, for the runner's usage line.
@_cdecl("perfbench_fuzz_targets")
public func fuzzTargets() -> UnsafePointer<CChar> {
    targetNames
}

// Written once, on first use, and only read after: a C string the runner prints.
nonisolated(unsafe) private let targetNames: UnsafePointer<CChar> = {
    let text = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
    return UnsafePointer(strdup(text)!)
}()
