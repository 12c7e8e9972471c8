import Testing

@testable import PerfbenchRecording

@Suite("Redactor")
struct RedactorTests {
    static let redactor = Redactor()

    @Test(arguments: [
        "Authorization", "authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key", "Api-Key",
        "X-Goog-Api-Key", "X-Auth-Token", "X-CSRF-Token",
    ])
    func credentialHeadersAreRedacted(_ name: String) {
        let headers = Self.redactor.redactHeaders([HTTPHeader(name, "s3cret-value"), HTTPHeader("Accept", "application/json")])
        #expect(headers == [HTTPHeader(name, "[REDACTED]"), HTTPHeader("Accept", "application/json")])
    }

    @Test(arguments: ["access_token", "refresh_token", "code", "client_secret", "token", "password", "api_key"])
    func secretParametersAreRedactedInQueriesFormsAndJSON(_ key: String) {
        let url = "https://api.example.com/cb?state=xyz&\(key)=s3cretValue99&market=US"
        #expect(Self.redactor.redactText(url) == "https://api.example.com/cb?state=xyz&\(key)=[REDACTED]&market=US")
        let form = "grant_type=authorization_code&\(key)=s3cretValue99"
        #expect(Self.redactor.redactText(form) == "grant_type=authorization_code&\(key)=[REDACTED]")
        let json = #"{"user":"u1", ""# + key + #"" : "s3cret \"quoted\" value", "n": 1}"#
        #expect(Self.redactor.redactText(json) == #"{"user":"u1", ""# + key + #"" : "[REDACTED]", "n": 1}"#)
    }

    @Test func urlPasswordsAreRedacted() {
        // All of the user information goes: a token is often passed as the user name.
        #expect(Self.redactor.redactText("redis://user:pass@host:6379/0") == "redis://[REDACTED]@host:6379/0")
        #expect(Self.redactor.redactText("see https://bob:hunter2@example.com/x?y=1") == "see https://[REDACTED]@example.com/x?y=1")
        #expect(Self.redactor.redactText("https://ghp_tokenAsUser123@example.com/") == "https://[REDACTED]@example.com/")
        #expect(Self.redactor.redactText("https://u:pa/ss@example.com/x") == "https://[REDACTED]@example.com/x", "a password with a slash")
        #expect(Self.redactor.redactText("https://example.com:8443/a@b") == "https://example.com:8443/a@b", "a port is not a password")
        #expect(Self.redactor.redactText("https://example.com/users/a@b.c/x") == "https://example.com/users/a@b.c/x", "an @ in the path")
    }

    @Test func bearerTokensAndSKKeysAreRedactedAnywhere() {
        #expect(Self.redactor.redactText("calling with bearer abcdEFGH1234.xyz done") == "calling with bearer [REDACTED] done")
        #expect(Self.redactor.redactText("key sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX rest") == "key [REDACTED] rest")
        let headers = Self.redactor.redactHeaders([HTTPHeader("X-Forwarded-Auth", "Bearer abcdEFGH1234")])
        #expect(headers == [HTTPHeader("X-Forwarded-Auth", "Bearer [REDACTED]")])
    }

    @Test func logHeaderLinesAreRedacted() {
        let text = "GET /v1/me HTTP/1.1\nAuthorization: Basic dXNlcjpwYXNz\nCookie: sid=abc; theme=dark\nAccept: */*"
        #expect(
            Self.redactor.redactText(text)
                == "GET /v1/me HTTP/1.1\nAuthorization: [REDACTED]\nCookie: [REDACTED]\nAccept: */*")
    }

    @Test func quotedLogValuesAndPythonReprsAreRedacted() {
        #expect(Self.redactor.redactText("login password='p4ss word' user=bob") == "login password='[REDACTED]' user=bob")
        #expect(Self.redactor.redactText(#"event token="abc def" ok"#) == #"event token="[REDACTED]" ok"#)
        #expect(Self.redactor.redactText("{'client_secret': 'shh', 'id': 1}") == "{'client_secret': '[REDACTED]', 'id': 1}")
    }

    @Test func jsonInsideAJSONStringIsRedacted() {
        let text = #"{\"access_token\":\"BQDabc\",\"expires_in\":3600}"#
        #expect(Self.redactor.redactText(text) == #"{\"access_token\":\"[REDACTED]\",\"expires_in\":3600}"#)
    }

    @Test(arguments: [
        #"{"token_type":"Bearer","expires_in":3600}"#,
        "status_code=200 duration_ms=12",
        #"{"error":{"status":429,"code":404,"message":"Too many requests"}}"#,
        "https://api.spotify.com/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks?market=US",
        #"{"key":5,"mode":1,"tempo":120.5}"#,
        "task-1234567890abcdefghijklmnop",
        "already redacted: access_token=[REDACTED] Bearer [REDACTED]",
    ])
    func ordinaryTextIsLeftAlone(_ text: String) {
        #expect(Self.redactor.redactText(text) == text)
        #expect(Redactor.secretKinds(in: text).isEmpty)
    }

    @Test func keptHeadersAreNotTouched() {
        let redactor = Redactor(keepingHeaders: ["AUTHORIZATION"])
        let headers = redactor.redactHeaders([HTTPHeader("Authorization", "Bearer abcdefghijkl"), HTTPHeader("Cookie", "a=b")])
        #expect(headers == [HTTPHeader("Authorization", "Bearer abcdefghijkl"), HTTPHeader("Cookie", "[REDACTED]")])
    }

    @Test func redactingAnExchangeCoversURLHeadersAndBodies() {
        let exchange = Exchange(
            id: "x", startMicros: 0, durationMicros: 1, service: .other, method: "POST",
            url: "https://accounts.spotify.com/api/token?code=AQBcode123",
            requestHeaders: [HTTPHeader("Authorization", "Basic Zm9vOmJhcg==")],
            requestBody: "grant_type=authorization_code&code=AQBcode123&client_secret=shh",
            responseHeaders: [HTTPHeader("Set-Cookie", "sid=1")],
            responseBody: #"{"access_token":"BQD","refresh_token":"AQD","scope":"user-top-read"}"#)
        let clean = Self.redactor.redact(exchange)
        #expect(clean.url == "https://accounts.spotify.com/api/token?code=[REDACTED]")
        #expect(clean.requestHeaders == [HTTPHeader("Authorization", "[REDACTED]")])
        #expect(clean.requestBody == "grant_type=authorization_code&code=[REDACTED]&client_secret=[REDACTED]")
        #expect(clean.responseHeaders == [HTTPHeader("Set-Cookie", "[REDACTED]")])
        #expect(clean.responseBody == #"{"access_token":"[REDACTED]","refresh_token":"[REDACTED]","scope":"user-top-read"}"#)
        #expect(SecretScanner.kinds(in: clean).isEmpty)
        #expect(
            SecretScanner.kinds(in: exchange)
                == [.header("authorization"), .header("set-cookie"), .parameter("access_token"), .parameter("client_secret"),
                    .parameter("code"), .parameter("refresh_token")])
    }

    @Test func redactionIsIdempotent() {
        let once = Self.redactor.redactText("a?token=abc&password=p redis://u:p@h Bearer abcdefghij sk-ABCDEFGHIJKLMNOPQRSTUV")
        #expect(Self.redactor.redactText(once) == once)
    }

    /// Default deny (issue 18 §3): secret-shaped names in any style, and token-shaped values.
    @Test(arguments: [
        "id_token=abc123def", "jwt=abc123def", "key=abc123def", "apiKey=abc123def", "clientSecret=abc123def",
        "secret=abc123def", "password=12345678", "access%5Ftoken=abc123def", "X-Session=abc123def",
        "session_token=abc123def", "signature=abc123def",
    ])
    func secretShapedNamesAreRedactedInAnyStyle(_ text: String) {
        #expect(Self.redactor.redactText(text).hasSuffix("=[REDACTED]"), "\(text)")
        #expect(!Redactor.secretKinds(in: text).isEmpty)
    }

    @Test func tokenShapedValuesAreRedactedAnywhere() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        #expect(Self.redactor.redactText("see \(jwt) here") == "see [REDACTED] here")
        #expect(Self.redactor.redactText("https://x.example/?q=\(jwt)") == "https://x.example/?q=[REDACTED]")
        let google = "AIzaSyA-1234567890abcdefghijklmnopqrstu"
        #expect(Self.redactor.redactText("maps \(google)") == "maps [REDACTED]")
        for header in ["Token", "apikey", "X-Client-Secret", "Ocp-Apim-Subscription-Key", "X-Session"] {
            #expect(Redactor.isSecretHeader(header), "\(header)")
        }
        #expect(!Redactor.isSecretHeader("Content-Type") && !Redactor.isSecretHeader("Retry-After"))
        // What must stay: OAuth's token_type, audio features' key (a number), ordinary words.
        #expect(Self.redactor.redactText(#"{"token_type":"Bearer","key":5,"keyword":"rock"}"#) == #"{"token_type":"Bearer","key":5,"keyword":"rock"}"#)
    }
}

@Suite struct MultipartRedactionTests {
    @Test func aMultipartFieldWithASecretNameLosesItsValue() {
        let body = "--xyz\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nalice\r\n"
            + "--xyz\r\nContent-Disposition: form-data; name=\"password\"\r\nContent-Type: text/plain\r\n\r\n123456\r\n"
            + "--xyz\nContent-Disposition: form-data; name=\"client_secret\"\n\nabc def ghi\n--xyz--\r\n"
        let redacted = Redactor().redactText(body)
        #expect(redacted.contains("name=\"user\"\r\n\r\nalice\r\n"))
        #expect(!redacted.contains("123456"))
        #expect(!redacted.contains("abc def ghi"))
        #expect(redacted.contains("name=\"password\"\r\nContent-Type: text/plain\r\n\r\n\(Redactor.placeholder)\r\n"))
        #expect(Redactor.secretKinds(in: body).count == 2)
    }
}
