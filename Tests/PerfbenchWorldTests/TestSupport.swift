import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
@testable import PerfbenchWorld

/// A quiet world for unit tests: the small catalogue, no faults.
func testWorld(seed: UInt64 = 7, profile: WorldProfile = .standard) -> UpstreamWorld {
    var quiet = profile
    quiet.catalogue = .small
    quiet.faults = .none
    return UpstreamWorld(profile: quiet, seed: seed)
}

func spotifyGET(_ path: String, _ query: [(String, String)] = []) -> HTTPRequest {
    HTTPRequest(
        service: .spotify, path: path, query: query.map { HTTPRequest.QueryItem($0.0, $0.1) },
        tool: "test")
}

func reccoGET(_ path: String, _ query: [(String, String)] = []) -> HTTPRequest {
    HTTPRequest(
        service: .reccobeats, path: path, query: query.map { HTTPRequest.QueryItem($0.0, $0.1) },
        tool: "test")
}

func llmRequest(_ task: LLMTask, _ input: LLMRequestInput) -> HTTPRequest {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let user = String(decoding: (try? encoder.encode(input)) ?? Data(), as: UTF8.self)
    let envelope: [String: Any] = [
        "model": LLMWire.defaultModel, "temperature": LLMWire.temperature,
        "response_format": ["type": "json_object"],
        "messages": [
            ["role": "system", "content": "\(task.systemLine)\nAnswer in JSON."],
            ["role": "user", "content": user],
        ],
    ]
    let data = (try? JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys])) ?? Data()
    return HTTPRequest(
        service: .llm, method: "POST", path: LLMWire.path, body: String(decoding: data, as: UTF8.self),
        tool: "llm")
}

/// The response of a request the world answers, as text.
func body(_ world: UpstreamWorld, _ request: HTTPRequest) -> (status: Int, json: JSONValue) {
    let response = world.response(to: request)
    let json = (try? JSONValue.parse(response.body)) ?? .null
    return (response.status, json)
}

/// The first object key that is out of order in `value` (recursively), or nil.
func unsortedKey(in value: JSONValue, path: String = "$") -> String? {
    switch value {
    case .object(let object):
        let keys = object.members.map(\.key)
        for (left, right) in zip(keys, keys.dropFirst()) where !(left < right) {
            return "\(path).\(right) after \(left)"
        }
        for member in object.members {
            if let found = unsortedKey(in: member.value, path: path + "." + member.key) { return found }
        }
        return nil
    case .array(let items):
        for (position, item) in items.enumerated() {
            if let found = unsortedKey(in: item, path: "\(path)[\(position)]") { return found }
        }
        return nil
    default:
        return nil
    }
}

/// The keys of an object, in order.
func keys(_ value: JSONValue?) -> [String] {
    value?.objectValue?.members.map(\.key) ?? []
}
