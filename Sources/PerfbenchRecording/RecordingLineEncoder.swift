/// Writes the header and each event as one JSON line of the native format (see
/// Recordings/FORMAT.md). Keys come in a fixed order, absent optionals and defaults are left
/// out, and maps are written with sorted keys, so equal recordings give identical bytes.
enum RecordingLineEncoder {
    static func header(_ header: RecordingHeader, into out: inout JSONOutput) {
        out.raw("{")
        out.key("type")
        out.string("header")
        out.nextKey("format")
        out.string(RecordingHeader.formatName)
        out.nextKey("version")
        out.int(header.version)
        out.nextKey("created_at")
        out.string(header.createdAt)
        out.nextKey("recorder")
        out.string(header.recorder)
        out.nextKey("config")
        config(header, into: &out)
        out.nextKey("workflow")
        out.raw("{")
        out.key("prompt")
        out.string(header.prompt)
        if let userID = header.userID {
            out.nextKey("user_id")
            out.string(userID)
        }
        if let profile = header.profile {
            out.nextKey("profile")
            out.string(profile)
        }
        if let seed = header.seed {
            out.nextKey("seed")
            out.uint(seed)
        }
        out.raw("}}\n")
    }

    /// The header's `config` object: name, phases (sorted), and for an imported configuration
    /// its source and evidence. `inspect --format json` writes the same object.
    static func config(_ header: RecordingHeader, into out: inout JSONOutput) {
        out.raw("{")
        out.key("name")
        out.string(header.configName)
        out.nextKey("phases")
        out.object(sortedKeys: header.phases) { $0.string($1) }
        if let source = header.configSource {
            out.nextKey("source")
            out.string(source)
        }
        if !header.configEvidence.isEmpty {
            out.nextKey("evidence")
            out.raw("[")
            for (index, evidence) in header.configEvidence.enumerated() {
                if index > 0 { out.raw(",") }
                out.raw("{")
                out.key("phase")
                out.string(evidence.phase)
                out.nextKey("value")
                out.string(evidence.value)
                out.nextKey("lines")
                out.raw("[")
                for (position, line) in evidence.lines.enumerated() {
                    if position > 0 { out.raw(",") }
                    out.int(line)
                }
                out.raw("]")
                out.nextKey("why")
                out.string(evidence.why)
                out.raw("}")
            }
            out.raw("]")
        }
        out.raw("}")
    }

    /// An exchange; a body whose reference is given is written as `…_body_ref` instead.
    static func exchange(
        _ exchange: Exchange, requestBodyRef: String?, responseBodyRef: String?, into out: inout JSONOutput
    ) {
        out.raw("{")
        out.key("type")
        out.string("exchange")
        out.nextKey("id")
        out.string(exchange.id)
        out.nextKey("start_us")
        out.int(exchange.startMicros)
        out.nextKey("duration_us")
        out.int(exchange.durationMicros)
        out.nextKey("service")
        out.string(exchange.service.rawValue)
        out.nextKey("method")
        out.string(exchange.method)
        out.nextKey("url")
        out.string(exchange.url)
        if !exchange.requestHeaders.isEmpty {
            out.nextKey("request_headers")
            headers(exchange.requestHeaders, into: &out)
        }
        if let requestBodyRef {
            out.nextKey("request_body_ref")
            out.string(requestBodyRef)
        } else if let body = exchange.requestBody {
            out.nextKey("request_body")
            out.string(body)
        }
        if let status = exchange.status {
            out.nextKey("status")
            out.int(status)
        }
        if !exchange.responseHeaders.isEmpty {
            out.nextKey("response_headers")
            headers(exchange.responseHeaders, into: &out)
        }
        if let responseBodyRef {
            out.nextKey("response_body_ref")
            out.string(responseBodyRef)
        } else if let body = exchange.responseBody {
            out.nextKey("response_body")
            out.string(body)
        }
        out.nextKey("outcome")
        out.string(exchange.outcome.rawValue)
        optional("tool", exchange.tool, into: &out)
        optional("stage", exchange.stage, into: &out)
        provenance(exchange.provenance, into: &out)
        out.raw("}\n")
    }

    /// A stored body that later exchanges reference by id.
    static func body(id: String, content: String, into out: inout JSONOutput) {
        out.raw("{")
        out.key("type")
        out.string("body")
        out.nextKey("id")
        out.string(id)
        out.nextKey("content")
        out.string(content)
        out.raw("}\n")
    }

    static func wait(_ wait: Wait, into out: inout JSONOutput) {
        out.raw("{")
        out.key("type")
        out.string("wait")
        out.nextKey("kind")
        out.string(wait.kind.rawValue)
        out.nextKey("tool")
        out.string(wait.tool)
        out.nextKey("start_us")
        out.int(wait.startMicros)
        out.nextKey("duration_us")
        out.int(wait.durationMicros)
        optional("stage", wait.stage, into: &out)
        provenance(wait.provenance, into: &out)
        out.raw("}\n")
    }

    static func retry(_ retry: Retry, into out: inout JSONOutput) {
        out.raw("{")
        out.key("type")
        out.string("retry")
        out.nextKey("tool")
        out.string(retry.tool)
        out.nextKey("start_us")
        out.int(retry.startMicros)
        out.nextKey("attempt")
        out.int(retry.attempt)
        out.nextKey("reason")
        out.string(retry.reason.rawValue)
        out.nextKey("delay_us")
        out.int(retry.delayMicros)
        optional("exchange", retry.exchangeID, into: &out)
        optional("stage", retry.stage, into: &out)
        provenance(retry.provenance, into: &out)
        out.raw("}\n")
    }

    static func cacheHit(_ hit: CacheEvent, into out: inout JSONOutput) {
        out.raw("{")
        out.key("type")
        out.string("cache_hit")
        out.nextKey("tool")
        out.string(hit.tool)
        out.nextKey("key")
        out.string(hit.key)
        out.nextKey("start_us")
        out.int(hit.startMicros)
        optional("stage", hit.stage, into: &out)
        provenance(hit.provenance, into: &out)
        out.raw("}\n")
    }

    static func stage(_ span: StageSpan, into out: inout JSONOutput) {
        out.raw("{")
        out.key("type")
        out.string("stage")
        out.nextKey("name")
        out.string(span.name)
        out.nextKey("path")
        out.string(span.path)
        out.nextKey("start_us")
        out.int(span.startMicros)
        out.nextKey("duration_us")
        out.int(span.durationMicros)
        provenance(span.provenance, into: &out)
        out.raw("}\n")
    }

    private static func headers(_ headers: [HTTPHeader], into out: inout JSONOutput) {
        out.raw("[")
        for (index, header) in headers.enumerated() {
            out.raw(index == 0 ? "[" : ",[")
            out.string(header.name)
            out.raw(",")
            out.string(header.value)
            out.raw("]")
        }
        out.raw("]")
    }

    private static func optional(_ key: StaticString, _ value: String?, into out: inout JSONOutput) {
        guard let value else { return }
        out.nextKey(key)
        out.string(value)
    }

    /// Provenance is written only when it is not the default `observed`.
    private static func provenance(_ provenance: Provenance, into out: inout JSONOutput) {
        guard provenance != .observed else { return }
        out.nextKey("provenance")
        out.string(provenance.rawValue)
    }
}
