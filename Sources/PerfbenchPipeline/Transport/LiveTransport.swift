import Foundation
import PerfbenchRecording
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests to real (or emulated) upstreams over HTTP with URLSession.
///
/// URLSession rather than AsyncHTTPClient: it ships with the toolchain, so the live path adds
/// no package to the build CI repeats from scratch, and live recording is not a hot path.
/// Latency is measured by the caller on its clock; this transport only maps outcomes.
public final class LiveTransport: HTTPTransport, Sendable {
    /// Base URL (scheme, host, optional port and path prefix) per service.
    public let bases: [Service: String]
    /// Extra headers per service, e.g. `Authorization` from an environment variable.
    public let headers: [Service: [HTTPHeader]]
    public let connectTimeout: Duration
    /// Told about every request whose host could not be reached at all (refused, not found,
    /// no route) before it returns `.connectionError`; a live recording stops on it.
    public let onUnreachable: (@Sendable (UnreachableHost) -> Void)?
    private let session: URLSession

    public init(
        bases: [Service: String], headers: [Service: [HTTPHeader]] = [:],
        connectTimeout: Duration = .seconds(10),
        onUnreachable: (@Sendable (UnreachableHost) -> Void)? = nil
    ) {
        self.bases = bases
        self.headers = headers
        self.connectTimeout = connectTimeout
        self.onUnreachable = onUnreachable
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = connectTimeout.seconds
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// A URLSession lives until invalidated: without this, its idle keep-alive connections
    /// would stay open after the transport is gone (and a server waiting for them to close,
    /// with them).
    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        let base = bases[request.service] ?? HTTPRequest.defaultBase(for: request.service)
        guard let url = URL(string: request.url(base: base)) else {
            return .connectionError("invalid URL \(request.url(base: base))")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = timeout.seconds
        for header in request.headers + (headers[request.service] ?? []) {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        if let body = request.body { urlRequest.httpBody = Data(body.utf8) }
        do {
            let (data, response) = try await perform(urlRequest)
            guard let http = response as? HTTPURLResponse else {
                return .connectionError("not an HTTP response from \(base)")
            }
            let responseHeaders = http.allHeaderFields.compactMap { key, value -> HTTPHeader? in
                guard let name = key as? String else { return nil }
                return HTTPHeader(name, "\(value)")
            }.sorted { $0.name.lowercased() < $1.name.lowercased() }
            return .response(
                HTTPResponse(
                    status: http.statusCode, headers: responseHeaders,
                    body: String(decoding: data, as: UTF8.self)))
        } catch let error as URLError where error.code == .timedOut {
            return .timeout
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as URLError where error.code == .cancelled {
            throw CancellationError()
        } catch {
            if let unreachable = UnreachableHost(service: request.service, base: base, error: error) {
                onUnreachable?(unreachable)
                return .connectionError("\(base): \(unreachable.cause)")
            }
            return .connectionError("\(base): \(error.localizedDescription)")
        }
    }

    /// `URLSession.data(for:)` without its cancellation path.
    ///
    /// FoundationNetworking's async `data(for:)` cancels its task synchronously from inside the
    /// cancelling thread's task-status lock, while the session's queue may be delivering that
    /// task's completion and waiting for the same lock: a deadlock, seen when a timeout race or a
    /// task group cancelled a live request. Here cancellation hops to another queue first.
    private func perform(_ urlRequest: URLRequest) async throws -> (Data, URLResponse) {
        let pending = PendingDataTask()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let data, let response {
                        continuation.resume(returning: (data, response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                pending.start(task)
            }
        } onCancel: {
            DispatchQueue.global().async { pending.cancel() }
        }
    }
}

/// The data task of one request, startable once and cancellable from any thread, before or
/// after it starts.
private final class PendingDataTask: Sendable {
    /// URLSessionTask is thread-safe (its methods lock internally) but not marked Sendable on
    /// Linux; the Mutex guards the hand-over between the starting and the cancelling thread.
    private struct State: @unchecked Sendable {
        var task: URLSessionDataTask?
        var cancelled = false
    }
    private let state = Mutex(State())

    func start(_ task: URLSessionDataTask) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }
}
