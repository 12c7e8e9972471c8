import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import Synchronization

/// What the world does with one request: how long it takes and what comes back.
public struct WorldOutcome: Sendable, Hashable {
    /// The endpoint the request matched.
    public var endpoint: WorldEndpoint
    /// The time until the answer (or until the connection fails).
    public var latency: Duration
    /// The answer, or `.connectionError`; never `.timeout` (that is the client's decision).
    public var result: TransportResult
}

/// The simulated Spotify, ReccoBeats and LLM behind one seed: catalogue, handlers, latency draws,
/// server-side limits and faults, with no clock of its own.
///
/// ``handle(_:at:)`` is synchronous and deterministic: the answer depends on the request and the
/// world seed, the latency on those plus how often the same request was seen before, and the
/// limits on the arrival times. ``SimulatedUpstream`` puts it on a clock; a live server (issue 9)
/// can call it with real elapsed time.
public final class UpstreamWorld: Sendable {
    /// The profile in force.
    public let profile: WorldProfile
    /// The world seed.
    public let seed: UInt64
    /// The catalogue every answer comes from.
    public let catalogue: Catalogue

    private let spotify: SpotifyAPI
    private let reccoBeats: ReccoBeatsAPI
    private let llm: LLMEndpoint
    /// The profile's LLM latency under the mechanics' prefill.
    private let llmLatency: LLMLatency
    /// Rolling windows and per-request counters; a Mutex because a live server calls from many
    /// threads, while under the virtual executor it is uncontended.
    private let state = Mutex(ServerState())

    /// A world of `profile` and `seed`. Pass `catalogue` to share one already built for the same
    /// seed and shape across worlds (synth runs many workflows per seed).
    public init(profile: WorldProfile, seed: UInt64, catalogue: Catalogue? = nil) {
        self.profile = profile
        self.seed = seed
        let built = catalogue ?? Catalogue(seed: seed, shape: profile.catalogue)
        self.catalogue = built
        spotify = SpotifyAPI(catalogue: built, listedAlbumsPerArtist: profile.listedAlbumsPerArtist)
        reccoBeats = ReccoBeatsAPI(catalogue: built)
        llm = LLMEndpoint(catalogue: built, tuning: profile.answers, judge: profile.mechanics.judge)
        var llmLatency = profile.llm
        if let prefill = profile.mechanics.llmSecondsPerPromptToken { llmLatency.secondsPerPromptToken = prefill }
        self.llmLatency = llmLatency
    }

    /// Decides the fate of `request` arriving `time` after the world started.
    public func handle(_ request: HTTPRequest, at time: Duration) -> WorldOutcome {
        let route = Route(request)
        let key = Self.requestKey(request)
        let occurrence = state.withLock { $0.nextOccurrence(of: key) }
        var rng = SplitMix64(seed: Mix64.mix(seed ^ key) ^ Mix64.mix(UInt64(occurrence) &+ 0x5851_F42D_4C95_7F2D))
        // Every draw happens on every path, in this order, so a branch never shifts later draws.
        let connectionDraw = rng.nextUnit()
        let sporadicDraw = rng.nextUnit()
        let sporadicSeconds = rng.nextUnit()
        let serverErrorDraw = rng.nextUnit()
        let service = route.endpoint == .unknown ? request.service : route.endpoint.service

        if connectionDraw < connectionErrorRate(service) {
            return WorldOutcome(
                endpoint: route.endpoint, latency: .secondsRounded(profile.faults.connectionErrorSeconds),
                result: .connectionError("connection reset by peer"))
        }
        let micros = time.microseconds
        if let refusal = admit(
            route.endpoint, at: micros, sporadicDraw: sporadicDraw, sporadicSeconds: sporadicSeconds)
        {
            return rejection(route.endpoint, refusal, service: service, rng: &rng)
        }
        if serverErrorDraw < serverErrorRate(service) {
            let status = [500, 502, 503][Int(serverErrorDraw * 1e6) % 3]
            let reply = WorldReply.error(service, status: status, message: WorldReply.reasonPhrase(status))
            let seconds = profile.latency[route.endpoint].sample(using: &rng)
            return outcome(route.endpoint, reply, latency: served(service, at: micros, seconds: seconds))
        }
        let reply = answer(request, route: route)
        let seconds: Double
        if reply.status >= 400 {
            seconds = profile.latency.rejection.sample(using: &rng)
        } else if route.endpoint == .llmChatCompletions {
            seconds = llmLatency.sample(
                task: reply.llmTask, promptTokens: reply.promptTokens,
                completionTokens: reply.completionTokens, using: &rng)
        } else {
            seconds = profile.latency[route.endpoint].sample(items: reply.items, using: &rng)
        }
        return outcome(route.endpoint, reply, latency: served(service, at: micros, seconds: seconds))
    }

    /// The latency of a request that takes `seconds` of work, under the mechanics' queueing and
    /// load stalls (the standard mechanics: `seconds` itself).
    private func served(_ service: Service, at micros: Int64, seconds: Double) -> Double {
        let mechanics = profile.mechanics
        let workers = mechanics.workers[service]
        guard workers != nil || mechanics.stallPerInFlight > 0 else { return seconds }
        let work = Int64((seconds * 1_000_000).rounded())
        let delay = state.withLock {
            $0.serve(service, at: micros, work: work, workers: workers, stall: mechanics.stallPerInFlight)
        }
        return Double(delay) / 1_000_000
    }

    /// The answer alone: what the handlers say, without latency, limits or faults.
    public func response(to request: HTTPRequest) -> HTTPResponse {
        let reply = answer(request, route: Route(request))
        return HTTPResponse(status: reply.status, headers: reply.headers, body: reply.body)
    }

    private func answer(_ request: HTTPRequest, route: Route) -> WorldReply {
        let service = route.endpoint == .unknown ? request.service : route.endpoint.service
        guard route.endpoint != .unknown else {
            return .error(service, status: 404, message: "No such endpoint: \(request.method) \(request.path)")
        }
        guard route.methodMatches else {
            return .error(service, status: 405, message: "Method \(request.method) not allowed on \(request.path)")
        }
        do {
            switch service {
            case .spotify: return try spotify.reply(to: request, route: route)
            case .reccobeats: return try reccoBeats.reply(to: request, route: route)
            case .llm: return try llm.reply(to: request)
            case .other: return .error(.other, status: 404, message: "Unknown service")
            }
        } catch let error as BadRequest {
            return .error(service, status: 400, message: error.message)
        } catch {
            return .error(service, status: 500, message: "Internal error")
        }
    }

    private func admit(
        _ endpoint: WorldEndpoint, at micros: Int64, sporadicDraw: Double, sporadicSeconds: Double
    ) -> LimitDecision? {
        switch endpoint.service {
        case .spotify:
            let limit = profile.spotifyLimit
            if sporadicDraw < limit.sporadicRate {
                let range = limit.sporadicRetryAfter
                let seconds = range.lowerBound + Int(sporadicSeconds * Double(range.count))
                return .refused(retryAfter: seconds, quota: false)
            }
            let decision = state.withLock { state -> LimitDecision in
                switch profile.mechanics.spotifyLimiter {
                case .rollingWindow:
                    return state.admitSpotify(at: micros, limit: limit)
                case .tokenBucket(let capacity, let rate):
                    return state.admitSpotifyBucket(at: micros, capacity: capacity, refillPerSecond: rate, limit: limit)
                }
            }
            return decision == .allowed ? nil : decision
        case .reccobeats:
            guard let family = endpoint.reccoBeatsFamily else { return nil }
            let decision = state.withLock { $0.admitReccoBeats(family, at: micros, limit: profile.reccoBeatsLimit) }
            return decision == .allowed ? nil : decision
        case .llm, .other:
            return nil
        }
    }

    private func rejection(
        _ endpoint: WorldEndpoint, _ decision: LimitDecision, service: Service, rng: inout SplitMix64
    ) -> WorldOutcome {
        guard case .refused(let retryAfter, let quota) = decision else {
            preconditionFailure("rejection(_:) is only called for refusals")
        }
        var reply: WorldReply
        if service == .spotify {
            var json = JSONWriter(capacity: 120)
            json.beginObject()
            json.key("error")
            json.beginObject()
            json.key("message")
            json.string(quota ? "Too many requests" : "API rate limit exceeded")
            if quota {
                json.key("reason")
                json.string("QUOTA_EXCEEDED")
            }
            json.key("status")
            json.int(429)
            json.endObject()
            json.endObject()
            reply = .json(json, status: 429)
        } else {
            reply = .error(service, status: 429, message: "Rate limit exceeded, retry later")
        }
        reply.headers.append(HTTPHeader("Retry-After", String(retryAfter)))
        return outcome(endpoint, reply, latency: profile.latency.rejection.sample(using: &rng))
    }

    private func outcome(_ endpoint: WorldEndpoint, _ reply: WorldReply, latency seconds: Double) -> WorldOutcome {
        WorldOutcome(
            endpoint: endpoint, latency: .secondsRounded(seconds),
            result: .response(HTTPResponse(status: reply.status, headers: reply.headers, body: reply.body)))
    }

    private func connectionErrorRate(_ service: Service) -> Double {
        switch service {
        case .spotify: return profile.faults.spotifyConnectionErrors
        case .reccobeats: return profile.faults.reccoBeatsConnectionErrors
        case .llm: return profile.faults.llmConnectionErrors
        case .other: return 0
        }
    }

    private func serverErrorRate(_ service: Service) -> Double {
        switch service {
        case .spotify: return profile.faults.spotifyServerErrors
        case .reccobeats: return profile.faults.reccoBeatsServerErrors
        case .llm: return profile.faults.llmServerErrors
        case .other: return 0
        }
    }

    /// A stable key of what the request asks: service, method, path, query sorted by name then
    /// value (so parameter order does not matter), and body.
    static func requestKey(_ request: HTTPRequest) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(request.service.rawValue)
        hasher.combine(request.method.uppercased())
        hasher.combine(request.path)
        let items = request.query.sorted { $0.name != $1.name ? $0.name < $1.name : $0.value < $1.value }
        for item in items {
            hasher.combine(item.name)
            hasher.combine(item.value)
        }
        if let body = request.body { hasher.combine(body) }
        return hasher.value
    }
}
