import Foundation
import PerfbenchRecording

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
    private let session: URLSession

    public init(
        bases: [Service: String], headers: [Service: [HTTPHeader]] = [:],
        connectTimeout: Duration = .seconds(10)
    ) {
        self.bases = bases
        self.headers = headers
        self.connectTimeout = connectTimeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = connectTimeout.seconds
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
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
            let (data, response) = try await session.data(for: urlRequest)
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
            return .connectionError("\(base): \(error.localizedDescription)")
        }
    }
}
