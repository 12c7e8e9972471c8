/// HAR documents shaped like real exports, written from the HAR 1.2 spec and the notes in
/// shared/docs/APIS.md. Secrets planted in them are fake.
enum HARFixtures {
    /// Chrome DevTools "Save all as HAR": pretty-printed, `_`-prefixed extras, HTTP/2
    /// pseudo-headers, `ssl` inside `connect`, −1 for phases that did not happen, `_error` on
    /// failures, entries not in start order.
    static let chrome = #"""
        {
          "log": {
            "version": "1.2",
            "creator": {
              "name": "WebInspector",
              "version": "537.36"
            },
            "pages": [],
            "entries": [
              {
                "_initiator": { "type": "script" },
                "_priority": "High",
                "_resourceType": "fetch",
                "cache": {},
                "connection": "443",
                "request": {
                  "method": "GET",
                  "url": "https://api.spotify.com/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks?market=US",
                  "httpVersion": "http/2.0",
                  "headers": [
                    { "name": ":authority", "value": "api.spotify.com" },
                    { "name": ":method", "value": "GET" },
                    { "name": "accept", "value": "application/json" },
                    { "name": "authorization", "value": "Bearer BQDchromeFakeToken1234567890" }
                  ],
                  "queryString": [ { "name": "market", "value": "US" } ],
                  "cookies": [],
                  "headersSize": -1,
                  "bodySize": 0
                },
                "response": {
                  "status": 200,
                  "statusText": "",
                  "httpVersion": "http/2.0",
                  "headers": [ { "name": "content-type", "value": "application/json; charset=utf-8" } ],
                  "cookies": [],
                  "content": { "size": 13, "mimeType": "application/json", "text": "{\"tracks\":[]}" },
                  "redirectURL": "",
                  "headersSize": -1,
                  "bodySize": -1,
                  "_transferSize": 512,
                  "_error": null
                },
                "serverIPAddress": "35.186.224.25",
                "startedDateTime": "2025-11-07T10:15:04.500Z",
                "time": 231.5,
                "timings": { "blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.3, "wait": 220.0, "receive": 10.0, "_blocked_queueing": 0.8 }
              },
              {
                "request": {
                  "method": "GET",
                  "url": "https://api.reccobeats.com/v1/track?ids=a&ids=b",
                  "httpVersion": "http/1.1",
                  "headers": [ { "name": "Accept", "value": "application/json" } ],
                  "queryString": [],
                  "cookies": [],
                  "headersSize": 120,
                  "bodySize": 0
                },
                "response": {
                  "status": 429,
                  "statusText": "Too Many Requests",
                  "httpVersion": "http/1.1",
                  "headers": [ { "name": "Retry-After", "value": "3" }, { "name": "Content-Type", "value": "application/json" } ],
                  "cookies": [],
                  "content": { "size": 2, "mimeType": "application/json", "text": "{}" },
                  "redirectURL": "",
                  "headersSize": 90,
                  "bodySize": 2
                },
                "startedDateTime": "2025-11-07T10:15:03.000Z",
                "time": 80,
                "timings": { "blocked": 0.5, "dns": 2, "connect": 50, "ssl": 30, "send": 0.5, "wait": 25, "receive": 2 }
              },
              {
                "request": {
                  "method": "POST",
                  "url": "https://llm.example.com/v1/chat/completions",
                  "httpVersion": "http/2.0",
                  "headers": [ { "name": "content-type", "value": "application/json" }, { "name": "x-goog-api-key", "value": "AIzaFakeKey" } ],
                  "queryString": [],
                  "cookies": [],
                  "headersSize": -1,
                  "bodySize": 60,
                  "postData": { "mimeType": "application/json", "text": "{\"model\":\"m\",\"api_key\":\"sk-live-0123456789abcdefghijklmn\"}" }
                },
                "response": {
                  "status": 200,
                  "statusText": "",
                  "httpVersion": "http/2.0",
                  "headers": [],
                  "cookies": [],
                  "content": { "size": 18, "mimeType": "application/json", "text": "eyJjaG9pY2VzIjpbXX0=", "encoding": "base64" },
                  "redirectURL": "",
                  "headersSize": -1,
                  "bodySize": -1
                },
                "startedDateTime": "2025-11-07T10:15:05.000Z",
                "time": 1600.25,
                "timings": { "blocked": -1, "dns": -1, "ssl": -1, "connect": -1, "send": 0.25, "wait": 1590, "receive": 10 }
              },
              {
                "request": {
                  "method": "GET",
                  "url": "https://api.reccobeats.com/v1/track/3f1c2a4e-7b7d-4c4e-9a51-2b3c4d5e6f70/audio-features",
                  "httpVersion": "",
                  "headers": [],
                  "queryString": [],
                  "cookies": [],
                  "headersSize": -1,
                  "bodySize": 0
                },
                "response": {
                  "status": 0,
                  "statusText": "",
                  "httpVersion": "",
                  "headers": [],
                  "cookies": [],
                  "content": { "size": 0, "mimeType": "x-unknown" },
                  "redirectURL": "",
                  "headersSize": -1,
                  "bodySize": -1,
                  "_transferSize": 0,
                  "_error": "net::ERR_TIMED_OUT"
                },
                "startedDateTime": "2025-11-07T10:15:05.000Z",
                "time": 30000,
                "timings": { "blocked": 30000, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0 }
              },
              {
                "request": {
                  "method": "GET",
                  "url": "https://example.org/health",
                  "httpVersion": "",
                  "headers": [],
                  "queryString": [],
                  "cookies": [],
                  "headersSize": -1,
                  "bodySize": 0
                },
                "response": {
                  "status": 0,
                  "statusText": "",
                  "httpVersion": "",
                  "headers": [],
                  "cookies": [],
                  "content": { "size": 0, "mimeType": "x-unknown" },
                  "redirectURL": "",
                  "headersSize": -1,
                  "bodySize": -1,
                  "_error": "net::ERR_CONNECTION_REFUSED"
                },
                "startedDateTime": "2025-11-07T10:15:06.000Z",
                "time": 3.5,
                "timings": { "blocked": 3.5, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0 }
              }
            ]
          }
        }
        """#

    /// mitmproxy `--set hardump=FILE`: only connect, ssl, send, wait, receive; `null` for
    /// connect/ssl on reused connections; ssl *not* inside connect; microsecond timestamps with
    /// a zone offset; base64 bodies; cookies.
    static let mitmproxy = #"""
        {"log": {"version": "1.2", "creator": {"name": "mitmproxy", "version": "10.1.5", "comment": "mitmproxy version 10.1.5"}, "pages": [], "entries": [
        {"startedDateTime": "2025-11-07T11:00:00.250000+01:00", "time": 95.0, "request": {"method": "GET", "url": "https://api.reccobeats.com/v1/track?ids=a,b", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [{"name": "Host", "value": "api.reccobeats.com"}, {"name": "X-Api-Key", "value": "mitmFakeKey123"}], "queryString": [{"name": "ids", "value": "a,b"}], "headersSize": 100, "bodySize": 0}, "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [{"name": "sid", "value": "cookieValue1", "path": "/", "httpOnly": true, "secure": true}], "headers": [{"name": "Set-Cookie", "value": "sid=cookieValue1; Path=/"}, {"name": "Content-Type", "value": "application/json"}], "content": {"size": 14, "compression": 0, "mimeType": "application/json", "text": "eyJjb250ZW50IjpbXX0=", "encoding": "base64"}, "redirectURL": "", "headersSize": 80, "bodySize": 14}, "cache": {}, "timings": {"connect": 20.0, "ssl": 30.0, "send": 1.0, "wait": 40.0, "receive": 4.0}, "serverIPAddress": "10.0.0.1"},
        {"startedDateTime": "2025-11-07T10:00:01.000000+00:00", "time": 45.0, "request": {"method": "POST", "url": "https://accounts.spotify.com/api/token", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded"}], "queryString": [], "headersSize": 100, "bodySize": 60, "postData": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "grant_type", "value": "refresh_token"}, {"name": "refresh_token", "value": "AQDfakeRefresh"}, {"name": "client_secret", "value": "fakeClientSecret"}]}}, "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "content": {"size": 40, "mimeType": "application/json", "text": "{\"access_token\":\"BQDfakeAccess\",\"token_type\":\"Bearer\"}"}, "redirectURL": "", "headersSize": 10, "bodySize": 40}, "cache": {}, "timings": {"connect": null, "ssl": null, "send": 2.0, "wait": 40.0, "receive": 3.0}},
        {"startedDateTime": "2025-11-07T10:00:02.000000+00:00", "time": 12.5, "request": {"method": "GET", "url": "https://api.spotify.com/v1/me/top/tracks?limit=20&time_range=medium_term", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "queryString": [], "headersSize": 100, "bodySize": 0}, "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "content": {"size": 0, "mimeType": "application/json"}, "redirectURL": "", "headersSize": 10, "bodySize": 0}, "cache": {}, "timings": {"connect": -1, "ssl": -1, "send": -1, "wait": -1, "receive": -1}},
        {"startedDateTime": "2025-11-07T10:00:03.000000+00:00", "request": {"method": "GET", "url": "redis://cache:hunter2@cache.internal:6379/0", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "queryString": [], "headersSize": 0, "bodySize": 0}, "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": 0, "bodySize": 0}, "cache": {}},
        {"startedDateTime": "2025-11-07T10:00:04.000000+00:00", "time": 20.0, "request": {"method": "GET", "url": "https://api.spotify.com/v1/search?q=miles&type=artist&limit=3", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "queryString": [], "headersSize": 0, "bodySize": 0}, "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [], "content": {"size": 0, "mimeType": "application/json"}, "redirectURL": "", "headersSize": 0, "bodySize": 0}, "cache": {}, "timings": {"connect": 10.0, "ssl": 5.0, "send": 1.0, "wait": 3.0, "receive": 1.0}}
        ]}}
        """#
}
