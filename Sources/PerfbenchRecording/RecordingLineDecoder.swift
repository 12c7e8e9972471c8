/// Reads the header and event lines of the native format, checking every field (see
/// Recordings/FORMAT.md). The header comes from a parsed `JSONObject`; event lines, the hot
/// path, are decoded member by member with a `JSONCursor`.
enum RecordingLineDecoder {
    /// What one event line decodes to.
    enum Line {
        case event(RecordingEvent)
        /// A stored body, referenced by later exchanges.
        case body(id: String, content: String)
        /// An exchange whose bodies are references still to be resolved.
        case exchange(Exchange, requestBodyRef: String?, responseBodyRef: String?)
    }

    static let headerFields = ["type", "format", "version", "created_at", "recorder", "config", "workflow"]

    static func header(_ object: JSONObject, _ context: LineContext) throws -> RecordingHeader {
        let fix = "the first line must be the header (see Recordings/FORMAT.md)"
        guard object["type"]?.stringValue == "header" else {
            throw context.fail(
                "type", "the first line is not a recording header",
                fix: "pass a perfbench recording; a HAR file must be imported with `perfbench import har` first")
        }
        guard let formatMember = object.member("format") else {
            throw context.fail("format", "required field missing from the header line", fix: fix)
        }
        let format = try context.string(formatMember)
        guard format == RecordingHeader.formatName else {
            throw context.fail(
                "format", "is \"\(format)\", not \"\(RecordingHeader.formatName)\"",
                fix: "pass a perfbench recording")
        }
        guard let versionMember = object.member("version") else {
            throw context.fail("version", "required field missing from the header line", fix: fix)
        }
        let version = try context.int(versionMember)
        guard version <= RecordingHeader.currentVersion else {
            throw context.fail(
                "version",
                "made by a newer perfbench: format version \(version), this perfbench reads up to \(RecordingHeader.currentVersion)",
                fix: "upgrade perfbench")
        }
        guard version >= 1 else {
            throw context.fail("version", "format version \(version) does not exist", fix: "versions start at 1")
        }
        // Version 1 is the only version so far; an older version would be migrated here.
        var createdAt: String?
        var recorder: String?
        var configName: String?
        var phases: [String: String] = [:]
        var configSource: String?
        var evidence: [ConfigEvidence] = []
        var prompt: String?
        var userID: String?
        var profile: String?
        var seed: UInt64?
        for member in object.members {
            switch member.key {
            case "type", "format", "version": break
            case "created_at": createdAt = try context.string(member)
            case "recorder": recorder = try context.string(member)
            case "config":
                guard case .object(let config) = member.value else {
                    throw context.fail("config", "expected an object", fix: "write {\"name\": …, \"phases\": {…}}")
                }
                for item in config.members {
                    switch item.key {
                    case "name": configName = try context.string(item)
                    case "phases":
                        guard case .object(let map) = item.value else {
                            throw context.fail("config.phases", "expected an object of phase: value", fix: "write {\"phase-id\": \"value\", …}")
                        }
                        for phase in map.members { phases[phase.key] = try context.string(phase) }
                    case "source": configSource = try context.optionalString(item)
                    case "evidence": evidence = try configEvidence(item, context)
                    default: try context.unknown(item, in: "header config", known: ["name", "phases", "source", "evidence"])
                    }
                }
            case "workflow":
                guard case .object(let workflow) = member.value else {
                    throw context.fail("workflow", "expected an object", fix: "write {\"prompt\": …}")
                }
                for item in workflow.members {
                    switch item.key {
                    case "prompt": prompt = try context.string(item)
                    case "user_id": userID = try context.optionalString(item)
                    case "profile": profile = try context.optionalString(item)
                    case "seed":
                        switch item.value {
                        case .int(let value) where value >= 0: seed = UInt64(value)
                        case .uint(let value): seed = value
                        case .null: seed = nil
                        default:
                            throw context.fail("workflow.seed", "expected a non-negative whole number", fix: "write the seed as an integer")
                        }
                    default:
                        try context.unknown(item, in: "header workflow", known: ["prompt", "user_id", "profile", "seed"])
                    }
                }
            default: try context.unknown(member, in: "header", known: headerFields)
            }
        }
        return RecordingHeader(
            createdAt: try context.require(createdAt, "created_at", in: "header", fix: "add an ISO 8601 time"),
            recorder: try context.require(recorder, "recorder", in: "header", fix: "add what made the file"),
            configName: try context.require(configName, "config.name", in: "header", fix: "add the configuration name"),
            phases: phases, configSource: configSource, configEvidence: evidence,
            prompt: prompt ?? "", userID: userID, profile: profile, seed: seed, version: version)
    }

    /// `config.evidence`: an array of `{"phase", "value", "lines", "why"}`.
    private static func configEvidence(_ member: JSONMember, _ context: LineContext) throws -> [ConfigEvidence] {
        let fix = "write [{\"phase\": …, \"value\": …, \"lines\": [n, …], \"why\": …}, …]"
        guard case .array(let items) = member.value else {
            throw context.fail("config.evidence", "expected an array", fix: fix)
        }
        return try items.map { item in
            guard case .object(let object) = item else { throw context.fail("config.evidence", "expected objects", fix: fix) }
            var phase = "", value = "", why = ""
            var lines: [Int] = []
            for field in object.members {
                switch field.key {
                case "phase": phase = try context.string(field)
                case "value": value = try context.string(field)
                case "why": why = try context.string(field)
                case "lines":
                    guard case .array(let numbers) = field.value else {
                        throw context.fail("config.evidence.lines", "expected an array of line numbers", fix: fix)
                    }
                    lines = try numbers.map { number in
                        guard case .int(let line) = number, line > 0, line <= Int64(Int32.max) else {
                            throw context.fail("config.evidence.lines", "expected line numbers from 1 to \(Int32.max)", fix: fix)
                        }
                        return Int(line)
                    }
                default: try context.unknown(field, in: "config evidence", known: ["phase", "value", "lines", "why"])
                }
            }
            guard !phase.isEmpty else { throw context.fail("config.evidence.phase", "missing", fix: fix) }
            return ConfigEvidence(phase: phase, value: value, lines: lines, why: why)
        }
    }

    /// Decodes one event line (after the header) straight from its bytes.
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ context: LineContext) throws -> Line {
        var cursor = JSONCursor(bytes, context: context)
        try cursor.beginObject()
        let type: String
        if let key = try cursor.nextKey(), key == "type" {
            type = try cursor.string("type")
        } else {
            // Our writer puts "type" first; for hand-edited lines find it wherever it is, then
            // decode from the start (the decoders skip "type").
            type = try typeAnywhere(bytes, context)
            cursor = JSONCursor(bytes, context: context)
            try cursor.beginObject()
        }
        switch type {
        case "exchange": return try exchange(&cursor)
        case "body": return try body(&cursor)
        case "wait": return .event(.wait(try wait(&cursor)))
        case "retry": return .event(.retry(try retry(&cursor)))
        case "cache_hit": return .event(.cacheHit(try cacheHit(&cursor)))
        case "stage": return .event(.stage(try stage(&cursor)))
        case "header":
            throw context.fail("type", "a second header line", fix: "a recording has one header, on line 1")
        default:
            throw context.fail(
                "type", "unknown event type \"\(type)\"",
                fix: NearestName.nearest(to: type, in: RecordingEvent.lineTypes).map { "the nearest known type is \"\($0)\"" }
                    ?? "known types are " + RecordingEvent.lineTypes.joined(separator: ", "))
        }
    }

    private static func typeAnywhere(_ bytes: UnsafeBufferPointer<UInt8>, _ context: LineContext) throws -> String {
        let object = try RecordingReader.object(bytes, context)
        guard let member = object.member("type") else {
            throw context.fail("type", "required field missing", fix: "every line needs a \"type\" (exchange, wait, retry, cache_hit, stage or body)")
        }
        return try context.string(member)
    }

    static let exchangeFields = [
        "type", "id", "start_us", "duration_us", "service", "method", "url", "request_headers", "request_body",
        "request_body_ref", "status", "response_headers", "response_body", "response_body_ref", "outcome", "tool",
        "stage", "provenance",
    ]

    private static func exchange(_ cursor: inout JSONCursor) throws -> Line {
        var id: String?
        var start: Int?
        var duration: Int?
        var service: Service?
        var method: String?
        var url: String?
        var requestHeaders: [HTTPHeader] = []
        var requestBody: String?
        var requestBodyRef: String?
        var status: Int?
        var responseHeaders: [HTTPHeader] = []
        var responseBody: String?
        var responseBodyRef: String?
        var outcome = Outcome.ok
        var tool: String?
        var stage: String?
        var provenance = Provenance.observed
        // Ordered as the writer writes them, so most comparisons succeed early.
        while let key = try cursor.nextKey() {
            if key == "id" {
                id = try cursor.string("id")
            } else if key == "start_us" {
                start = try cursor.micros("start_us")
            } else if key == "duration_us" {
                duration = try cursor.micros("duration_us")
            } else if key == "service" {
                service = try cursor.enumValue("service", as: Service.self)
            } else if key == "method" {
                method = try cursor.string("method")
            } else if key == "url" {
                url = try cursor.string("url")
            } else if key == "request_headers" {
                requestHeaders = try cursor.headers("request_headers")
            } else if key == "request_body" {
                requestBody = try cursor.optionalString("request_body")
            } else if key == "request_body_ref" {
                requestBodyRef = try cursor.string("request_body_ref")
            } else if key == "status" {
                status = cursor.takeNull() ? nil : try cursor.int("status")
            } else if key == "response_headers" {
                responseHeaders = try cursor.headers("response_headers")
            } else if key == "response_body" {
                responseBody = try cursor.optionalString("response_body")
            } else if key == "response_body_ref" {
                responseBodyRef = try cursor.string("response_body_ref")
            } else if key == "outcome" {
                outcome = try cursor.enumValue("outcome", as: Outcome.self)
            } else if key == "tool" {
                tool = try cursor.optionalString("tool")
            } else if key == "stage" {
                stage = try cursor.optionalString("stage")
            } else if key == "provenance" {
                provenance = try cursor.enumValue("provenance", as: Provenance.self)
            } else if key == "type" {
                _ = try cursor.string("type")
            } else {
                try cursor.unknown(key, in: "exchange", known: exchangeFields)
            }
        }
        let context = cursor.context
        let exchange = Exchange(
            id: try context.require(id, "id", in: "exchange", fix: "give every exchange a unique id"),
            startMicros: try context.require(start, "start_us", in: "exchange", fix: "add the start in microseconds"),
            durationMicros: try context.require(duration, "duration_us", in: "exchange", fix: "add the duration in microseconds"),
            service: try context.require(service, "service", in: "exchange", fix: "add spotify, reccobeats, llm or other"),
            method: try context.require(method, "method", in: "exchange", fix: "add the HTTP method"),
            url: try context.require(url, "url", in: "exchange", fix: "add the request's full URL"),
            requestHeaders: requestHeaders, requestBody: requestBody, status: status,
            responseHeaders: responseHeaders, responseBody: responseBody, outcome: outcome, tool: tool,
            stage: stage, provenance: provenance)
        return .exchange(exchange, requestBodyRef: requestBodyRef, responseBodyRef: responseBodyRef)
    }

    private static func body(_ cursor: inout JSONCursor) throws -> Line {
        var id: String?
        var content: String?
        while let key = try cursor.nextKey() {
            if key == "id" {
                id = try cursor.string("id")
            } else if key == "content" {
                content = try cursor.string("content")
            } else if key == "type" {
                _ = try cursor.string("type")
            } else {
                try cursor.unknown(key, in: "body", known: ["type", "id", "content"])
            }
        }
        return .body(
            id: try cursor.context.require(id, "id", in: "body", fix: "add the body's id"),
            content: try cursor.context.require(content, "content", in: "body", fix: "add the body text"))
    }

    private static func wait(_ cursor: inout JSONCursor) throws -> Wait {
        var kind: Wait.Kind?
        var tool: String?
        var start: Int?
        var duration: Int?
        var stage: String?
        var provenance = Provenance.observed
        while let key = try cursor.nextKey() {
            if key == "kind" {
                kind = try cursor.enumValue("kind", as: Wait.Kind.self)
            } else if key == "tool" {
                tool = try cursor.string("tool")
            } else if key == "start_us" {
                start = try cursor.micros("start_us")
            } else if key == "duration_us" {
                duration = try cursor.micros("duration_us")
            } else if key == "stage" {
                stage = try cursor.optionalString("stage")
            } else if key == "provenance" {
                provenance = try cursor.enumValue("provenance", as: Provenance.self)
            } else if key == "type" {
                _ = try cursor.string("type")
            } else {
                try cursor.unknown(key, in: "wait", known: ["type", "kind", "tool", "start_us", "duration_us", "stage", "provenance"])
            }
        }
        let context = cursor.context
        return Wait(
            kind: try context.require(kind, "kind", in: "wait", fix: "add window, min_interval or retry_after"),
            tool: try context.require(tool, "tool", in: "wait", fix: "add the tool that waited"),
            startMicros: try context.require(start, "start_us", in: "wait", fix: "add the start in microseconds"),
            durationMicros: try context.require(duration, "duration_us", in: "wait", fix: "add the wait in microseconds"),
            stage: stage, provenance: provenance)
    }

    private static func retry(_ cursor: inout JSONCursor) throws -> Retry {
        var tool: String?
        var start: Int?
        var attempt: Int?
        var reason: Retry.Reason?
        var delay: Int?
        var exchangeID: String?
        var stage: String?
        var provenance = Provenance.observed
        while let key = try cursor.nextKey() {
            if key == "tool" {
                tool = try cursor.string("tool")
            } else if key == "start_us" {
                start = try cursor.micros("start_us")
            } else if key == "attempt" {
                attempt = try cursor.int("attempt")
            } else if key == "reason" {
                reason = try cursor.enumValue("reason", as: Retry.Reason.self)
            } else if key == "delay_us" {
                delay = try cursor.micros("delay_us")
            } else if key == "exchange" {
                exchangeID = try cursor.optionalString("exchange")
            } else if key == "stage" {
                stage = try cursor.optionalString("stage")
            } else if key == "provenance" {
                provenance = try cursor.enumValue("provenance", as: Provenance.self)
            } else if key == "type" {
                _ = try cursor.string("type")
            } else {
                try cursor.unknown(
                    key, in: "retry",
                    known: ["type", "tool", "start_us", "attempt", "reason", "delay_us", "exchange", "stage", "provenance"])
            }
        }
        let context = cursor.context
        return Retry(
            tool: try context.require(tool, "tool", in: "retry", fix: "add the tool that retried"),
            startMicros: try context.require(start, "start_us", in: "retry", fix: "add the time in microseconds"),
            attempt: try context.require(attempt, "attempt", in: "retry", fix: "add the attempt number (2 = first retry)"),
            reason: try context.require(reason, "reason", in: "retry", fix: "add timeout, rate_limited, server_error or connection_error"),
            delayMicros: try context.require(delay, "delay_us", in: "retry", fix: "add the sleep in microseconds"),
            exchangeID: exchangeID, stage: stage, provenance: provenance)
    }

    private static func cacheHit(_ cursor: inout JSONCursor) throws -> CacheEvent {
        var tool: String?
        var key: String?
        var start: Int?
        var stage: String?
        var provenance = Provenance.observed
        while let name = try cursor.nextKey() {
            if name == "tool" {
                tool = try cursor.string("tool")
            } else if name == "key" {
                key = try cursor.string("key")
            } else if name == "start_us" {
                start = try cursor.micros("start_us")
            } else if name == "stage" {
                stage = try cursor.optionalString("stage")
            } else if name == "provenance" {
                provenance = try cursor.enumValue("provenance", as: Provenance.self)
            } else if name == "type" {
                _ = try cursor.string("type")
            } else {
                try cursor.unknown(name, in: "cache_hit", known: ["type", "tool", "key", "start_us", "stage", "provenance"])
            }
        }
        let context = cursor.context
        return CacheEvent(
            tool: try context.require(tool, "tool", in: "cache_hit", fix: "add the tool"),
            key: try context.require(key, "key", in: "cache_hit", fix: "add the cache key"),
            startMicros: try context.require(start, "start_us", in: "cache_hit", fix: "add the time in microseconds"),
            stage: stage, provenance: provenance)
    }

    private static func stage(_ cursor: inout JSONCursor) throws -> StageSpan {
        var name: String?
        var path: String?
        var start: Int?
        var duration: Int?
        var provenance = Provenance.observed
        while let key = try cursor.nextKey() {
            if key == "name" {
                name = try cursor.string("name")
            } else if key == "path" {
                path = try cursor.string("path")
            } else if key == "start_us" {
                start = try cursor.micros("start_us")
            } else if key == "duration_us" {
                duration = try cursor.micros("duration_us")
            } else if key == "provenance" {
                provenance = try cursor.enumValue("provenance", as: Provenance.self)
            } else if key == "type" {
                _ = try cursor.string("type")
            } else {
                try cursor.unknown(key, in: "stage", known: ["type", "name", "path", "start_us", "duration_us", "provenance"])
            }
        }
        let context = cursor.context
        let spanName = try context.require(name, "name", in: "stage", fix: "add the stage name")
        let spanPath = path ?? spanName
        guard spanPath == spanName || spanPath.hasSuffix("/" + spanName) else {
            throw context.fail(
                "path", "\"\(spanPath)\" does not end with the stage name \"\(spanName)\"",
                fix: "write the path from the top stage down to and including this one")
        }
        return StageSpan(
            name: spanName, path: spanPath,
            startMicros: try context.require(start, "start_us", in: "stage", fix: "add the start in microseconds"),
            durationMicros: try context.require(duration, "duration_us", in: "stage", fix: "add the duration in microseconds"),
            provenance: provenance)
    }
}
