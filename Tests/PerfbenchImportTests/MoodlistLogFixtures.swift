/// Small hand-written logs shaped like the backend's real ones (structlog console lines with ANSI
/// colours, local-time lines, uvicorn access lines, JSON lines), for the moodlist-log importer.
enum MoodlistLogFixtures {
    static let esc = "\u{1B}"

    /// One complete UTC workflow: agents, seed breakdown, waits, a timeout retry, a slow request,
    /// a backwards timestamp (14:40:50 after 14:40:55), secrets, and two unknown lines.
    static let utcWorkflow = """
        2025-11-07 21:31:38 [info     ] Using in-memory cache (no Valkey/Redis URL provided)
        2025-11-07T14:31:38.893172Z [info     ] Initializing cache manager with Valkey [app.core.lifespan] redis_url=redis://default:hunter2secret@lark.upstash.io:6379
        INFO:     127.0.0.1:58392 - "POST /api/spotify/token?code=AQDsecretcode123 HTTP/1.1" 200 OK
        Traceback (most recent call last):
        2025-11-07T14:40:14.435364Z [info     ] Starting recommendation workflow [app.agents.routes.recommendations] mood_prompt='Caribbean rhythms and island vibes' user_id=1
        2025-11-07T14:40:14.435832Z [info     ] Started workflow wf-1 for mood: Caribbean rhythms and island... [app.agents.workflows.workflow_manager]
        \(esc)[2m2025-11-07T14:40:14.438198Z\(esc)[0m [\(esc)[32m\(esc)[1minfo     \(esc)[0m] \(esc)[1mAgent intent_analyzer starting execution\(esc)[0m [\(esc)[0m\(esc)[1m\(esc)[34mapp.agents.core.base_agent\(esc)[0m]
        2025-11-07T14:40:17.463470Z [info     ] Agent intent_analyzer completed execution in 3.024819s [app.agents.core.base_agent]
        2025-11-07T14:40:17.644315Z [info     ] Agent mood_analyzer starting execution [app.agents.core.base_agent]
        2025-11-07T14:40:20.755957Z [info     ] Agent mood_analyzer completed execution in 3.111405s [app.agents.core.base_agent]
        2025-11-07T14:40:21.165122Z [info     ] Agent orchestrator starting execution [app.agents.core.base_agent]
        2025-11-07T14:40:21.165823Z [info     ] Agent seed_gatherer starting execution [app.agents.core.base_agent]
        2025-11-07T14:40:22.274734Z [info     ] Searching Spotify for artists: 'Jimmy Cliff' (limit: 3) [app.agents.tools.spotify.artist_search]
        2025-11-07T14:40:22.847249Z [info     ] Successfully found 3 artists for query 'Jimmy Cliff' [app.agents.tools.spotify.artist_search]
        2025-11-07T14:40:23.022689Z [info     ] Getting top tracks for artist 4MFEUloFYnm8U4OAGWQH2w in market US [app.agents.tools.spotify.artist_search]
        2025-11-07T14:40:23.351979Z [info     ] Successfully retrieved 10 top tracks for artist 4MFEUloFYnm8U4OAGWQH2w using market US [app.agents.tools.spotify.artist_search]
        2025-11-07T14:40:23.397394Z [info     ] Getting 24 tracks from RecoBeat [app.agents.tools.reccobeat.track_info]
        2025-11-07T14:40:23.689759Z [info     ] Successfully retrieved 21 tracks [app.agents.tools.reccobeat.track_info]
        2025-11-07T14:40:55.291301Z [info     ] Searching Spotify for tracks: 'genre:calypso' (limit: 15) [app.agents.tools.spotify.track_search]
        2025-11-07T14:40:50.843930Z [info     ] Successfully found 15 tracks for query 'genre:calypso' [app.agents.tools.spotify.track_search]
        2025-11-07T14:40:57.376696Z [warning  ] Rate limit reached for get_track_audio_features, waiting 26.5s [app.agents.tools.agent_tools]
        2025-11-07T14:41:24.000000Z [info     ] Using Valkey/Redis cache at redis://default:hunter2secret@lark.upstash.io:6379 [app.agents.core.cache]
        2025-11-07T14:41:25.000000Z [info     ] HTTP Request: GET https://api.spotify.com/v1/me/top/tracks?limit=20&access_token=BQCsecrettoken "HTTP/1.1 200 OK" [httpx]
        2025-11-07T14:41:30.000000Z [debug    ] Enforcing minimum interval for get_multiple_tracks, waiting 0.90s [app.agents.tools.agent_tools]
        2025-11-07T14:41:40.000000Z [warning  ] Timeout when calling get_track_recommendations, retrying in 0.5s... [app.agents.tools.agent_tools]
        2025-11-07T14:41:50.000000Z [warning  ] Slow RecoBeat API request detected [app.agents.tools.reccobeat_service] duration_seconds=42.5 endpoint=/v1/track/recommendation params={'seeds': 'a,b,c', 'size': 8} tool=get_track_recommendations
        2025-11-07T14:42:15.191894Z [info     ] Seed gathering completed       [app.agents.recommender.seed_gatherer.seed_gatherer_agent] build_seed_pool_seconds=3.78 discover_artists_seconds=6.34 fetch_top_artists_seconds=6.35 fetch_top_tracks_seconds=0.46 search_user_tracks_seconds=0.00 select_anchors_seconds=97.09 total_time_seconds=114.03
        2025-11-07T14:42:15.192026Z [info     ] Agent seed_gatherer completed execution in 114.026103s [app.agents.core.base_agent]
        2025-11-07T14:42:15.192185Z [info     ] Agent recommendation_generator starting execution [app.agents.core.base_agent]
        2025-11-07T14:43:22.716139Z [info     ] Agent recommendation_generator completed execution in 67.523853s [app.agents.core.base_agent]
        2025-11-07T14:43:26.038408Z [info     ] Iteration 1: Overall score=0.66, Cohesion=0.49, Count=25 [app.agents.recommender.orchestrator.orchestrator_agent]
        2025-11-07T14:43:32.237267Z [info     ] Agent recommendation_generator starting execution [app.agents.core.base_agent]
        2025-11-07T14:45:09.643159Z [info     ] Agent recommendation_generator completed execution in 97.405815s [app.agents.core.base_agent]
        2025-11-07T14:45:12.497944Z [info     ] Orchestration completed with 18 unique recommendations after 1 iteration(s) [app.agents.recommender.orchestrator.orchestrator_agent]
        2025-11-07T14:45:12.497987Z [info     ] Agent orchestrator completed execution in 100.260657s [app.agents.core.base_agent]
        2025-11-07T14:45:18.000000Z [info     ] Completed energy analysis batch [app.agents.recommender.playlist_orderer.ordering_agent] batch=1/3
        2025-11-07T14:45:20.573886Z [info     ] Workflow wf-1 completed in 306.14s [app.agents.workflows.workflow_manager]
        some stray line from another process

        """

    /// A local-time workflow (second resolution, no logger names) that is cut short after seed
    /// gathering starts, preceded by one complete JSON-lines workflow.
    static let jsonThenTruncated = """
        {"event": "Started workflow wf-json for mood: rainy jazz", "level": "info", "timestamp": "2025-11-08T10:00:00.000000Z", "logger": "app"}
        {"event": "Agent intent_analyzer starting execution", "level": "info", "timestamp": "2025-11-08T10:00:00.100000Z"}
        {"event": "Agent intent_analyzer completed execution in 1.5s", "level": "info", "timestamp": "2025-11-08T10:00:01.600000Z"}
        {"event": "Rate limit reached for get_artist_top_tracks, waiting 47.8s", "level": "warning", "timestamp": "2025-11-08T10:00:02.000000Z", "token": "abc"}
        {"event": "Workflow wf-json completed in 50.0s", "level": "info", "timestamp": "2025-11-08T10:00:50.000000Z"}
        2025-10-31 14:16:01 [info     ] Started workflow wf-local for mood: songs that sound like cruising...
        2025-10-31 14:16:01 [info     ] Agent intent_analyzer starting execution
        2025-10-31 14:16:11 [info     ] Agent intent_analyzer completed execution in 9.149241s
        2025-10-31 14:16:13 [info     ] Agent mood_analyzer starting execution
        2025-10-31 14:16:23 [info     ] Agent mood_analyzer completed execution in 10.172451s
        2025-10-31 14:16:28 [info     ] Agent orchestrator starting execution
        2025-10-31 14:16:28 [info     ] Agent seed_gatherer starting execution
        2025-10-31 14:16:40 [debug    ] Enforcing minimum interval for get_multiple_tracks, waiting 0.90s
        """

    /// Startup lines only: no workflow.
    static let noWorkflow = """
        2025-11-07 21:31:38 [info     ] Using in-memory cache (no Valkey/Redis URL provided)
        2025-11-07 21:31:39 [info     ] Registered tool: get_track_recommendations
        INFO:     127.0.0.1:58392 - "OPTIONS /api/auth/logout HTTP/1.1" 200 OK
        """
}
