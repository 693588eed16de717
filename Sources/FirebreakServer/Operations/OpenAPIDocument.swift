import Foundation

/// The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`.
enum OpenAPIDocument {
    /// The document as JSON text.
    static let json: String = {
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    nonisolated(unsafe) private static let idParameter: [String: Any] = [
        "name": "id", "in": "path", "required": true, "description": "The campaign's id from the configuration.",
        "schema": ["type": "string", "pattern": "^[a-z0-9-]{1,40}$"],
    ]
    private static func response(_ description: String, _ schema: [String: Any]? = nil, type: String = "application/json") -> [String: Any] {
        var r: [String: Any] = ["description": description]
        if let schema { r["content"] = [type: ["schema": schema]] }
        return r
    }
    nonisolated(unsafe) private static let errors: [String: Any] = [
        "400": response("The request is malformed.", ref("Error")),
        "401": response("Not logged in, or a wrong ingest token.", ref("Error")),
        "403": response("The role is too low, or the CSRF token is missing or wrong.", ref("Error")),
        "404": response("No such campaign.", ref("Error")),
    ]
    private static func merged(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] { a.merging(b) { x, _ in x } }
    private static func query(_ name: String, _ description: String, _ schema: [String: Any]) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }

    nonisolated(unsafe) private static let document: [String: Any] = [
        "openapi": "3.1.0",
        "info": [
            "title": "Firebreak desk API", "version": "1.0.0",
            "description":
                "The campaign desk's JSON API. Reads need a session (log in at /login) with the viewer role; moderation needs the moderator role and the session's CSRF token in X-CSRF-Token. Ingest uses the campaign's bearer token.",
        ],
        "components": [
            "securitySchemes": [
                "session": ["type": "apiKey", "in": "cookie", "name": "firebreak_session"],
                "ingestToken": ["type": "http", "scheme": "bearer", "description": "The campaign's ingest_token from firebreak.yml."],
            ],
            "schemas": [
                "Error": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string"]]],
                "IngestResult": [
                    "type": "object", "required": ["records", "posts", "inserted", "duplicates", "rejected", "rejections"],
                    "properties": [
                        "records": ["type": "integer"], "posts": ["type": "integer"], "inserted": ["type": "integer"],
                        "duplicates": ["type": "integer"], "rejected": ["type": "integer"],
                        "rejections": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": ["file": ["type": "string"], "record": ["type": "integer"], "reason": ["type": "string"]],
                            ],
                        ],
                    ],
                ],
                "Campaign": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string"], "name": ["type": "string"], "health": ref("Health"),
                        "breaker": ["type": "string", "enum": ["armed", "tripped", "overridden"]], "posts": ["type": "integer"],
                    ],
                ],
                "Health": ["type": "string", "enum": ["healthy", "watch", "hijacked", "recovering"]],
                "Snapshot": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string"], "name": ["type": "string"], "health": ref("Health"), "breaker": ["type": "string"],
                        "gallery_frozen": ["type": "boolean"], "replies_paused": ["type": "boolean"], "auto_approval": ["type": "boolean"],
                        "posts": ["type": "integer"], "duplicates": ["type": "integer"], "rejected": ["type": "integer"],
                        "supportive": ["type": "integer"], "neutral": ["type": "integer"], "critical": ["type": "integer"],
                        "sarcastic": ["type": "integer"], "latest_post_at": ["type": ["string", "null"], "format": "date-time"],
                        "themes": ["type": "array", "items": ["type": "object"]], "accounts": ["type": "array", "items": ["type": "object"]],
                        "clusters": ["type": "array", "items": ["type": "object"]],
                    ],
                ],
                "Post": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string"], "key": ["type": "string", "description": "platform:id"], "platform": ["type": "string"],
                        "kind": ["type": "string", "enum": ["original", "repost", "reply", "quote"]],
                        "author": ["type": "object", "properties": ["id": ["type": "string"], "handle": ["type": "string"], "name": ["type": ["string", "null"]]]],
                        "created_at": ["type": "string", "format": "date-time"], "text": ["type": "string"],
                        "stance": ["type": "string", "enum": ["supportive", "neutral", "critical"]],
                        "p_critical": ["type": "number"], "p_supportive": ["type": "number"], "sentiment": ["type": "string"],
                        "irony": ["type": "number"], "offensive": ["type": "number"],
                        "reasons": [
                            "type": "array", "description": "The features that pushed the assessment most (the \"why\").",
                            "items": ["type": "object", "properties": ["head": ["type": "string"], "feature": ["type": "string"], "weight": ["type": "number"]]],
                        ],
                        "moderation": ["type": "string", "enum": ["pending", "approved", "rejected", "held"]],
                        "featured_at": ["type": ["string", "null"], "format": "date-time"], "sequence": ["type": "integer"],
                    ],
                ],
                "Timeline": [
                    "type": "object",
                    "properties": [
                        "minutes": ["type": "array", "items": ["type": "object"]], "alerts": ["type": "array", "items": ["type": "object"]],
                    ],
                ],
                "Alert": ["type": "object", "properties": ["id": ["type": "string"], "kind": ["type": "string"], "level": ["type": "string"], "status": ["type": "string"]]],
            ],
        ],
        "paths": [
            "/api/campaigns": [
                "get": [
                    "summary": "List the campaigns with their health.", "operationId": "listCampaigns", "security": [["session": []]],
                    "responses": merged(["200": response("The campaigns.", ["type": "object", "properties": ["campaigns": ["type": "array", "items": ref("Campaign")]]])], errors),
                ]
            ],
            "/api/campaigns/{id}": [
                "get": [
                    "summary": "A campaign's live figures, themes, leading accounts and clusters.", "operationId": "getCampaign",
                    "parameters": [idParameter], "security": [["session": []]], "responses": merged(["200": response("The figures.", ref("Snapshot"))], errors),
                ]
            ],
            "/api/campaigns/{id}/timeline": [
                "get": [
                    "summary": "Closed minutes (volume by stance, health) and alert markers.", "operationId": "getTimeline",
                    "parameters": [idParameter, query("minutes", "How many minutes back (10 to 10080).", ["type": "integer"])],
                    "security": [["session": []]], "responses": merged(["200": response("The timeline.", ref("Timeline"))], errors),
                ]
            ],
            "/api/campaigns/{id}/posts": [
                "get": [
                    "summary": "Posts, newest first, with filters and a cursor.", "operationId": "listPosts",
                    "parameters": [
                        idParameter, query("stance", "supportive, neutral or critical", ["type": "string"]),
                        query("sarcastic", "yes or no", ["type": "string"]), query("media", "yes or no", ["type": "string"]),
                        query("author", "A handle.", ["type": "string"]), query("since", "RFC 3339 time.", ["type": "string"]),
                        query("until", "RFC 3339 time.", ["type": "string"]), query("q", "Text contained.", ["type": "string"]),
                        query("before", "The `next` cursor of the previous page.", ["type": "string"]),
                        query("limit", "1 to 500.", ["type": "integer"]),
                    ],
                    "security": [["session": []]],
                    "responses": merged(
                        ["200": response("A page of posts.", ["type": "object", "properties": ["posts": ["type": "array", "items": ref("Post")], "next": ["type": ["string", "null"]]]])],
                        errors),
                ],
                "post": [
                    "summary": "Ingest one post or a batch, in any format the readers accept (gzip too); idempotent on post id. Posts without a time (plain text, CSV without a date column) are rejected.",
                    "operationId": "ingestPosts", "security": [["ingestToken": []]],
                    "parameters": [idParameter, query("format", "auto, x-v1, x-v2, twarc2, mastodon, bluesky, csv or text.", ["type": "string"])],
                    "requestBody": [
                        "required": true,
                        "content": [
                            "application/json": ["schema": ["description": "A post, an array of posts, a twarc2 page, or JSON lines."]],
                            "application/x-ndjson": ["schema": ["type": "string"]], "text/csv": ["schema": ["type": "string"]],
                            "text/plain": ["schema": ["type": "string"]],
                        ],
                    ],
                    "responses": merged(
                        [
                            "200": response("Stored (new posts counted in inserted, repeats in duplicates).", ref("IngestResult")),
                            "413": response("The body or its record count is over the limit.", ref("Error")),
                            "422": response("No record could be read.", ref("IngestResult")),
                            "429": response("Too many ingest requests; retry after the Retry-After seconds.", ref("Error")),
                        ], errors),
                ],
            ],
            "/api/campaigns/{id}/alerts": [
                "get": [
                    "summary": "The campaign's alerts, newest first, with what the team did.", "operationId": "listAlerts",
                    "parameters": [idParameter], "security": [["session": []]],
                    "responses": merged(["200": response("The alerts.", ["type": "object", "properties": ["alerts": ["type": "array", "items": ref("Alert")]]])], errors),
                ]
            ],
            "/api/campaigns/{id}/outbox": [
                "get": [
                    "summary": "Replies, Facebook photo posts and notifications, sent or waiting.", "operationId": "listOutbox",
                    "parameters": [idParameter, query("status", "draft, queued, dry_run, sent, failed, cancelled", ["type": "string"]), query("kind", "reply, facebook_photo, webhook, slack", ["type": "string"])],
                    "security": [["session": []]], "responses": merged(["200": response("The items.", ["type": "object"])], errors),
                ]
            ],
            "/api/campaigns/{id}/moderation": [
                "post": [
                    "summary": "Approve, reject, hold or reset posts (moderator; X-CSRF-Token).", "operationId": "moderatePosts",
                    "parameters": [idParameter, ["name": "X-CSRF-Token", "in": "header", "required": true, "schema": ["type": "string"]]],
                    "security": [["session": []]],
                    "requestBody": [
                        "required": true,
                        "content": [
                            "application/json": [
                                "schema": [
                                    "type": "object", "required": ["keys", "status"],
                                    "properties": [
                                        "keys": ["type": "array", "items": ["type": "string"], "minItems": 1, "maxItems": 1000],
                                        "status": ["type": "string", "enum": ["approved", "rejected", "held", "pending"]],
                                    ],
                                ]
                            ]
                        ],
                    ],
                    "responses": merged(["200": response("How many posts changed.", ["type": "object", "properties": ["changed": ["type": "integer"]]])], errors),
                ]
            ],
            "/gallery/{id}/feed.json": [
                "get": [
                    "summary": "The featured gallery as JSON Feed 1.1 (public).", "operationId": "galleryFeed", "parameters": [idParameter],
                    "responses": ["200": response("The feed.", ["type": "object"], type: "application/feed+json")],
                ]
            ],
            "/healthz": [
                "get": ["summary": "Liveness: the store answers.", "operationId": "healthz", "responses": ["200": response("Alive.", ["type": "object"])]]
            ],
            "/metrics": [
                "get": [
                    "summary": "Prometheus metrics.", "operationId": "metrics",
                    "responses": ["200": response("The exposition text.", ["type": "string"], type: "text/plain")],
                ]
            ],
        ],
    ]
}
