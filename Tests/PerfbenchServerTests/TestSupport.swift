import Foundation
import NIOCore
import NIOPosix
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchWorld
import Synchronization

@testable import PerfbenchServer

/// A quiet world: the small catalogue (fast to build), no faults.
func quietProfile(_ base: WorldProfile = .standard) -> WorldProfile {
    var profile = base
    profile.catalogue = .small
    profile.faults = .none
    return profile
}

/// One HTTP response as read off the wire.
struct RawResponse {
    var status: Int?
    var headers: [(name: String, value: String)] = []
    var body: String = ""
    /// Every byte received, for responses that are not one well-formed answer.
    var raw: String = ""

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Parses the first response in `text`; status nil when nothing (or no head) came back.
    init(_ text: String) {
        raw = text
        guard let split = text.range(of: "\r\n\r\n") else { return }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        status = statusParts.count >= 2 ? Int(statusParts[1]) : nil
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let rest = text[split.upperBound...]
        if let length = header("Content-Length").flatMap({ Int($0) }) {
            body = String(decoding: Array(rest.utf8.prefix(length)), as: UTF8.self)
        } else {
            body = String(rest)
        }
    }
}

/// A bare HTTP/1.1 client on a NIO socket, so requests can be anything (garbage included) and no
/// test thread blocks on a read.
enum RawHTTP {
    /// Sends `bytes` to 127.0.0.1:`port` and returns everything received until the server closes.
    static func exchange(port: Int, _ bytes: [UInt8]) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var received = ByteBuffer()
            do {
                for try await var chunk in inbound { received.writeBuffer(&chunk) }
            } catch {
                // A reset after the answer: keep what arrived.
            }
            return String(decoding: received.readableBytesView, as: UTF8.self)
        }
    }

    /// One request with `Connection: close`, parsed.
    static func send(
        port: Int, _ target: String, method: String = "GET", body: String? = nil,
        extraHeaders: [String] = []
    ) async throws -> RawResponse {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for header in extraHeaders { text += header + "\r\n" }
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        return RawResponse(try await exchange(port: port, Array(text.utf8)))
    }

    /// Whether a TCP connection to 127.0.0.1:`port` is accepted.
    static func canConnect(port: Int) async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(2))
                .connect(host: "127.0.0.1", port: port).get()
            try await channel.close()
            return true
        } catch {
            return false
        }
    }
}

/// A clock whose time stands still (so world time stays 0 and the world's windows never move)
/// and whose sleeps return at once, noting how long they were asked to be.
struct FrozenClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// The sleeps asked for, in order.
    final class SleepLog: Sendable {
        private let sleeps = Mutex<[Duration]>([])
        func append(_ duration: Duration) { sleeps.withLock { $0.append(duration) } }
        var all: [Duration] { sleeps.withLock { $0 } }
    }

    let log = SleepLog()
    var now: Instant { Instant(offset: .zero) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        log.append(deadline.offset)
        try Task.checkCancellation()
    }
}

/// A chat-completions body the simulated LLM accepts.
func chatBody(_ task: LLMTask = .intentAnalysis, prompt: String = "rainy sunday jazz") throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let user = String(decoding: try encoder.encode(LLMRequestInput(prompt: prompt)), as: UTF8.self)
    let envelope: [String: Any] = [
        "model": LLMWire.defaultModel,
        "messages": [
            ["role": "system", "content": "\(task.systemLine)\nAnswer in JSON."],
            ["role": "user", "content": user],
        ],
    ]
    let data = try JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
