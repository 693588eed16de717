#!/usr/bin/env bash
# Load test for the desk on loopback: ingest throughput with the overview's event stream open, then page latency
# for 50 concurrent viewers (wrk). Needs a release build and wrk (Debian: apt-get install wrk).
#   scripts/load-desk.sh [SCALE] [PORT]
# SCALE multiplies the #myNYPD drill (40 ≈ 137,000 posts).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-40}"
port="${2:-8181}"
bin="${FIREBREAK_BIN:-.build/release/firebreak}"
work="$(mktemp -d /tmp/firebreak-load.XXXXXX)"
token="load-test-ingest-token-0123456789"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" drill mynypd --scale "$scale" --output "$work/posts.jsonl" 2>/dev/null
split -l 1000 -d -a 4 "$work/posts.jsonl" "$work/chunk-"
posts=$(wc -l < "$work/posts.jsonl")
cat > "$work/firebreak.yml" <<YAML
database: desk.sqlite
limits: {ingest_requests_per_minute: 100000}
campaigns:
  - id: load
    campaign: {name: myNYPD, hashtags: ["#myNYPD"], owners: ["@NYPDnews"], target: {name: NYPD, aliases: [police, cops]}}
    ingest_token: $token
YAML
echo "load-test-password" | "$bin" user add viewer --role viewer --config "$work/firebreak.yml" --password-stdin >/dev/null
"$bin" serve --config "$work/firebreak.yml" --port "$port" >"$work/serve.out" 2>"$work/serve.err" &
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

# Log in as the viewer.
csrf=$(curl -s -c "$work/jar" "http://127.0.0.1:$port/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "username=viewer" --data-urlencode "password=load-test-password" \
    --data-urlencode "csrf=$csrf" "http://127.0.0.1:$port/login"
cookie="firebreak_session=$(awk '$6 == "firebreak_session" {print $7}' "$work/jar")"

# The overview is open: its event stream is connected for the whole ingest.
curl -s -N -H "Cookie: $cookie" "http://127.0.0.1:$port/campaigns/load/events" >"$work/events.txt" &

start=$(date +%s.%N)
ls "$work"/chunk-* | xargs -P 2 -I{} curl -sf -o /dev/null -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/x-ndjson' --data-binary @{} "http://127.0.0.1:$port/api/campaigns/load/posts"
end=$(date +%s.%N)
stored=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/api/campaigns/load" | python3 -c 'import json,sys; print(json.load(sys.stdin)["posts"])')
echo "ingest: $posts records, $stored posts stored in $(python3 -c "print(round($end - $start, 2))") s -> $(python3 -c "print(int($stored / ($end - $start)))") posts/s (2 parallel clients, 1,000 records a request)"
echo "events received by the open overview: $(grep -c '^event:' "$work/events.txt")"

for page in "campaigns/load" "campaigns/load/queue" ; do
    echo "--- GET /$page, 50 concurrent viewers, 20 s"
    wrk -t 2 -c 50 -d 20s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port/$page" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
done
