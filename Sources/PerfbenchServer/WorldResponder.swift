import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchWorld

/// What the server does with one request: send an answer, or drop the connection unanswered
/// (the world's connection errors).
enum ServerAnswer: Sendable, Equatable {
    case respond(HTTPResponse)
    case dropConnection
}

/// Turns one complete HTTP request into the world's answer and how long (in real time) to hold
/// it back, with no sockets and no waiting: routes the request, asks the world at the current
/// world time, scales the world's latency by 1/K and rewrites `Retry-After` into real seconds.
struct WorldResponder: Sendable {
    /// The world behind the server.
    let world: UpstreamWorld
    /// K and the conversions.
    let scale: TimeScale
    /// Real time since the server started.
    private let elapsed: @Sendable () -> Duration

    /// A responder for `world` at `scale`; world time starts now on `clock`.
    init(world: UpstreamWorld, scale: TimeScale, clock: some Clock<Duration>) {
        self.world = world
        self.scale = scale
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
    }

    /// The answer to `method target` with `headers` and a UTF-8 `body` (nil when empty), and
    /// the real time to wait before giving it: the world's latency / K for requests the world
    /// sees, zero for the server's own 400s and 404s.
    func answer(method: String, target: String, headers: [HTTPHeader], body: String?) -> (
        delay: Duration, answer: ServerAnswer
    ) {
        let route: ServerRoute
        do {
            route = try ServerRoute(target: target)
        } catch {
            guard case .badEncoding(let message) = error else { return (.zero, .respond(Self.error(nil, 400, "Bad request"))) }
            let service = ServerRoute.service(for: String(target.prefix { $0 != "?" })).0
            return (.zero, .respond(Self.error(service, 400, "Bad request: \(message).")))
        }
        guard let service = route.service else {
            return (
                .zero,
                .respond(
                    Self.error(
                        nil, 404,
                        "No such path: \(method) \(route.path). Spotify is under /v1/…, ReccoBeats under "
                            + "\(ServerRoute.reccoBeatsPrefix)/v1/…, the LLM at POST \(ServerRoute.llmPath)."))
            )
        }
        let request = HTTPRequest(
            service: service, method: method, path: route.path, query: route.query, headers: headers,
            body: body, tool: "serve")
        let outcome = world.handle(request, at: scale.worldTime(afterReal: elapsed()))
        let delay = scale.realDuration(ofWorld: outcome.latency)
        switch outcome.result {
        case .response(var response):
            for index in response.headers.indices where Self.isRetryAfter(response.headers[index].name) {
                response.headers[index].value = scale.realRetryAfter(response.headers[index].value)
            }
            return (delay, .respond(response))
        case .connectionError:
            return (delay, .dropConnection)
        case .timeout:
            // The world never times out (that is the client's decision); answer as a gateway would.
            return (delay, .respond(Self.error(service, 504, "Upstream timed out")))
        }
    }

    private static func isRetryAfter(_ name: String) -> Bool {
        name.utf8.count == 11 && name.lowercased() == "retry-after"
    }

    /// An error answer from the server itself (not the world), in the body shape of `service`'s
    /// real errors; Spotify's shape when the path names no service.
    static func error(_ service: Service?, _ status: Int, _ message: String) -> HTTPResponse {
        let text = JSONText.quoted(message)
        let body: String
        switch service {
        case .llm:
            let type = status >= 500 ? "server_error" : "invalid_request_error"
            body = #"{"error":{"code":null,"message":\#(text),"type":"\#(type)"}}"#
        case .reccobeats:
            body = #"{"error":\#(JSONText.quoted(reasonPhrase(status))),"message":\#(text),"status":\#(status)}"#
        case .spotify, .other, nil:
            body = #"{"error":{"message":\#(text),"status":\#(status)}}"#
        }
        return HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")], body: body)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 413: return "Payload Too Large"
        case 504: return "Gateway Timeout"
        default: return "Error"
        }
    }
}
