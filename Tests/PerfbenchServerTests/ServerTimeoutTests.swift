import Foundation
import NIOCore
import NIOPosix
import PerfbenchWorld
import Testing

@testable import PerfbenchServer

/// Issue 18 §5: the server drops idle and stalled connections, and answers a client that
/// half-closed after its request.
@Suite struct ServerTimeoutTests {
    let profile = quietProfile()

    /// A connection that sends nothing, or stalls mid-head, is closed after the idle timeout
    /// (0.3 s here; the test allows 30 s, so a loaded machine cannot fail it).
    @Test func anIdleOrStalledConnectionIsClosed() async throws {
        var configuration = WorldServerConfiguration(profile: profile, seed: 7, timeScale: 1000)
        configuration.idleTimeout = .milliseconds(300)
        for bytes in [[UInt8](), Array("GET /v1/me HTTP/1.1\r\nHost: x\r\n".utf8)] {
            let closed = try await WorldServer.withRunning(configuration) { served in
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        do {
                            _ = try await RawHTTP.exchange(port: served.port, bytes)
                        } catch ChannelError.ioOnClosedChannel, is IOError {
                            // On a loaded machine the client may reach its write only after the
                            // idle timeout closed the connection: the server closed it, as asked.
                        }
                        return true
                    }
                    group.addTask { try await Task.sleep(for: .seconds(30)); return false }
                    let first = try await group.next() ?? false
                    group.cancelAll()
                    return first
                }
            }
            #expect(closed, "the server kept an idle connection open")
        }
    }

    @Test func aRequestWhoseClientHalfClosedIsAnswered() async throws {
        let configuration = WorldServerConfiguration(profile: profile, seed: 7, timeScale: 1000)
        let id = UpstreamWorld(profile: profile, seed: 7).catalogue.artist(0).spotifyID
        let text = try await WorldServer.withRunning(configuration) { served in
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.allowRemoteHalfClosure, value: true)
                .connect(host: "127.0.0.1", port: served.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(isOutboundHalfClosureEnabled: true))
                    }
                }
            return try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET /v1/artists/\(id) HTTP/1.1\r\nHost: x\r\n\r\n"))
                outbound.finish()
                var received = ByteBuffer()
                do {
                    for try await var chunk in inbound { received.writeBuffer(&chunk) }
                } catch {}
                return String(decoding: received.readableBytesView, as: UTF8.self)
            }
        }
        #expect(RawResponse(text).status == 200, "\(text.prefix(200))")
    }
}
