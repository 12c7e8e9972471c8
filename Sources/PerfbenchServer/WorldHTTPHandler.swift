import NIOCore
import NIOHTTP1
import PerfbenchPipeline
import PerfbenchRecording

/// Serves the requests of one HTTP/1.1 connection on its event loop: gathers each request's
/// head and body (413 for bodies over the limit, 400 for bodies that are not UTF-8), asks the
/// ``WorldResponder``, and writes the answer once its delay has passed, or closes the connection
/// when the world drops it. NIO's pipelining handler in front keeps one request in flight per
/// connection, so answers go out in request order; its error handler answers malformed HTTP
/// with 400 and closes.
final class WorldHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: WorldResponder
    private let timing: ResponseTiming
    private let registry: ConnectionRegistry
    private let maxBodyBytes: Int
    /// `X-Perfbench-Time-Scale`'s value, formatted once.
    private let timeScaleValue: String

    /// The request being read, nil between requests.
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    /// Bytes of an oversize body read and thrown away since its 413 was sent; nil otherwise.
    private var discarded: Int?
    /// The delayed answer on the event loop's timer, cancelled if the connection closes first.
    private var pending: Scheduled<Void>?
    /// Whether the client half-closed: the request in progress is still answered, then the
    /// connection is closed.
    private var inputClosed = false
    /// Whether a request is between its head and its answer.
    private var answering = false

    init(
        responder: WorldResponder, timing: ResponseTiming, registry: ConnectionRegistry, maxBodyBytes: Int
    ) {
        self.responder = responder
        self.timing = timing
        self.registry = registry
        self.maxBodyBytes = maxBodyBytes
        timeScaleValue = responder.scale.headerValue
    }

    func channelActive(context: ChannelHandlerContext) {
        registry.opened(context.channel)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        registry.closed(context.channel)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Idle with no answer due: an abandoned keep-alive connection or a stalled request.
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, pending == nil {
            context.close(promise: nil)
            return
        }
        if let channelEvent = event as? ChannelEvent, channelEvent == .inputClosed {
            inputClosed = true
            // Nothing left to answer: done.
            if !answering { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let started):
            answering = true
            head = started
            body = nil
            discarded = nil
            if let declared = started.headers.first(name: "content-length").flatMap({ Int($0) }),
                declared > maxBodyBytes
            {
                refuseOversizeBody(started, context: context)
            }
        case .body(var chunk):
            if let count = discarded {
                discarded = count + chunk.readableBytes
                // A client that keeps sending after its 413 is cut off.
                if count + chunk.readableBytes > maxBodyBytes * 4 { context.close(promise: nil) }
                return
            }
            guard let started = head else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > maxBodyBytes {
                body = nil
                refuseOversizeBody(started, context: context)
                return
            }
            if body == nil {
                body = chunk
            } else {
                body?.writeBuffer(&chunk)
            }
        case .end:
            if discarded != nil {
                // The 413 went out with Connection: close; the body is now read, so close.
                context.close(promise: nil)
                return
            }
            guard let request = head else { return }
            head = nil
            let text: String?
            if let bytes = body, bytes.readableBytes > 0 {
                guard let decoded = String(validating: bytes.readableBytesView, as: UTF8.self) else {
                    let service = ServerRoute.service(for: Self.path(of: request.uri)).0
                    let refusal = WorldResponder.error(service, 400, "The request body is not UTF-8.")
                    send(.respond(refusal), to: request, context: context)
                    return
                }
                text = decoded
            } else {
                text = nil
            }
            body = nil
            answer(request, body: text, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Malformed HTTP was answered 400 by NIO's handler in front; a reset needs nothing.
        context.close(promise: nil)
    }

    private func answer(_ request: HTTPRequestHead, body: String?, context: ChannelHandlerContext) {
        var headers: [HTTPHeader] = []
        headers.reserveCapacity(request.headers.count)
        for (name, value) in request.headers {
            headers.append(HTTPHeader(name, value))
        }
        let (delay, answer) = responder.answer(
            method: request.method.rawValue, target: request.uri, headers: headers, body: body)
        guard delay > .zero else {
            send(answer, to: request, context: context)
            return
        }
        switch timing {
        case .eventLoop:
            pending = context.eventLoop.assumeIsolated().scheduleTask(in: delay.timeAmount) {
                self.pending = nil
                self.send(answer, to: request, context: context)
            }
        case .clock(let timer):
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            // Held strongly so the check below never touches a context whose channel is gone.
            let channel = context.channel
            timer.yield(
                DelayedSend(delay: delay) {
                    channel.eventLoop.execute {
                        guard channel.isActive else { return }
                        let (handler, context) = bound.value
                        handler.send(answer, to: request, context: context)
                    }
                })
        }
    }

    /// Answers 413 with `Connection: close`, then reads and throws away the rest of the body
    /// (up to four times the limit) before closing, so the client reads the 413 rather than a
    /// reset.
    private func refuseOversizeBody(_ request: HTTPRequestHead, context: ChannelHandlerContext) {
        discarded = 0
        let service = ServerRoute.service(for: Self.path(of: request.uri)).0
        let refusal = WorldResponder.error(
            service, 413, "The request body is over the server's limit of \(maxBodyBytes) bytes.")
        write(refusal, to: request, keepAlive: false, context: context)
    }

    private func send(_ answer: ServerAnswer, to request: HTTPRequestHead, context: ChannelHandlerContext) {
        switch answer {
        case .respond(let response):
            answering = false
            let keepAlive = request.isKeepAlive && !inputClosed
            let written = write(response, to: request, keepAlive: keepAlive, context: context)
            if !keepAlive {
                written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
        case .dropConnection:
            context.close(promise: nil)
        }
    }

    @discardableResult
    private func write(
        _ response: HTTPResponse, to request: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext
    ) -> EventLoopFuture<Void> {
        var headers = HTTPHeaders()
        headers.reserveCapacity(response.headers.count + 4)
        for header in response.headers where !Self.isFraming(header.name) {
            headers.add(name: header.name, value: header.value)
        }
        let body = context.channel.allocator.buffer(string: response.body)
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: WorldServer.timeScaleHeader, value: timeScaleValue)
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if request.version.minor == 0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        let head = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        return context.writeAndFlush(wrapOutboundOut(.end(nil)))
    }

    /// Headers the server sets itself from the body it sends.
    private static func isFraming(_ name: String) -> Bool {
        switch name.utf8.count {
        case 10: return name.lowercased() == "connection"
        case 14: return name.lowercased() == "content-length"
        case 17: return name.lowercased() == "transfer-encoding"
        default: return false
        }
    }

    private static func path(of uri: String) -> String {
        String(uri.prefix { $0 != "?" })
    }
}
