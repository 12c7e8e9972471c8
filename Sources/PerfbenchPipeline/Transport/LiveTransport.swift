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

    /// `URLSession.data(for:)` without FoundationNetworking's cancellation path.
    ///
    /// Cancelling a URLSession task on Linux is unsafe twice over: the async `data(for:)`
    /// cancels synchronously inside the cancelling thread's task-status lock while the session's
    /// queue may be delivering the completion and waiting for that lock (a deadlock), and
    /// `URLSessionTask.cancel()` racing a completion can reach a task the session has already
    /// dropped (a fatal error in its task registry). So a cancelled request is never cancelled
    /// in URLSession: the caller gets `CancellationError` at once, from another queue, and the
    /// orphaned task ends on its own, bounded by the request's timeout.
    private func perform(_ urlRequest: URLRequest) async throws -> (Data, URLResponse) {
        let exchange = PendingExchange()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard exchange.begin(continuation) else { return }
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        exchange.finish(.failure(error))
                    } else if let data, let response {
                        exchange.finish(.success((data, response)))
                    } else {
                        exchange.finish(.failure(URLError(.badServerResponse)))
                    }
                }
                task.resume()
            }
        } onCancel: {
            // Resume from another thread: this handler runs under the task-status lock.
            DispatchQueue.global().async { exchange.finish(.failure(CancellationError())) }
        }
    }
}

/// The caller's side of one request: resumed exactly once, by the response or by cancellation,
/// whichever comes first.
private final class PendingExchange: Sendable {
    typealias Continuation = CheckedContinuation<(Data, URLResponse), any Error>
    private struct State: Sendable {
        var continuation: Continuation?
        var finished: Result<(Data, URLResponse), any Error>?
    }
    private let state = Mutex(State())

    /// Stores the continuation; false (and resumed) when the exchange already finished.
    func begin(_ continuation: Continuation) -> Bool {
        let early = state.withLock { state -> Result<(Data, URLResponse), any Error>? in
            if let finished = state.finished { return finished }
            state.continuation = continuation
            return nil
        }
        guard let early else { return true }
        continuation.resume(with: early)
        return false
    }

    /// Resumes the caller with `result` unless it was resumed already.
    func finish(_ result: Result<(Data, URLResponse), any Error>) {
        let waiting = state.withLock { state -> Continuation? in
            guard state.finished == nil else { return nil }
            state.finished = result
            defer { state.continuation = nil }
            return state.continuation
        }
        waiting?.resume(with: result)
    }
}
