#!/usr/bin/env bash
# NewsPortal scaled out, measured beside one instance: the same generated stories served by
#   - nginx from a saved copy of the article page (the ceiling),
#   - one instance on SQLite (the default deployment), reader cache on and off,
#   - two instances behind nginx on PostgreSQL + Redis (src/deploy/scale-out.sh), reader cache on and off.
#
#   bash tests/bench/scale-out.sh [--articles 1000] [--duration 8] [--out DIR]
#
# Every row is the article and the front page under wrk (32 connections, "Accept-Encoding: br, gzip"). Nothing is
# pinned (two instances, PostgreSQL, Redis and nginx share the machine's cores): the rows compare requests per
# CPU-second of everything that serves them (app processes, PostgreSQL's backends, Redis, the proxying nginx),
# as a ratio to the static nginx of the same run. Results go to stdout and DIR/scale-out-<count>.md.
# Not part of the test suite: .ci/test never runs it. Leaves nothing running.
set -Eeuo pipefail
trap 'echo "[bench] failed: line $LINENO: $BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARTICLES=1000
DURATION=8
OUT="$ROOT/artifacts/bench"
CONNECTIONS=32
CLK_TCK=$(getconf CLK_TCK)

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --articles) [ $# -ge 2 ] || usage; ARTICLES=$2; shift 2 ;;
        --duration) [ $# -ge 2 ] || usage; DURATION=$2; shift 2 ;;
        --out) [ $# -ge 2 ] || usage; OUT=$2; shift 2 ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
done
[[ "$ARTICLES" =~ ^[0-9]+$ ]] && [ "$ARTICLES" -ge 1 ] && [ "$ARTICLES" -le 100000 ] || { echo "--articles takes 1..100000" >&2; usage; }
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 600 ] || { echo "--duration takes 1..600 seconds" >&2; usage; }
for tool in wrk nginx curl gzip redis-server; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (Debian: apt-get install wrk nginx curl gzip redis-server postgresql)" >&2; exit 1; }
done
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
free_port() {
    local candidate
    for _ in $(seq 1 100); do
        candidate=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
    done
    return 1
}

WORK=$(mktemp -d)
chmod 755 "$WORK"
TOPOLOGY="$WORK/topology"
SINGLE_PID=""
STATIC_PID=""
cleanup() {
    [ -n "$SINGLE_PID" ] && kill "$SINGLE_PID" 2>/dev/null && wait "$SINGLE_PID" 2>/dev/null || true
    [ -n "$STATIC_PID" ] && kill "$STATIC_PID" 2>/dev/null && wait "$STATIC_PID" 2>/dev/null || true
    bash "$ROOT/src/deploy/scale-out.sh" stop --dir "$TOPOLOGY" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Every process of a tree, by its root pid.
tree_pids() {
    local pid=$1 child
    echo "$pid"
    for child in $(pgrep -P "$pid" || true); do tree_pids "$child"; done
}

cpu_ticks() {
    local pid total=0 ticks
    for pid in "$@"; do
        ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$(( total + ticks ))
    done
    echo "$total"
}

# measure LABEL URL PIDS... : wrk on URL; sets M_RPS, M_CPU (server CPU seconds), M_RPCS (requests per CPU-second), M_BAD.
measure() {
    local label=$1 url=$2; shift 2
    local before after file="$WORK/$label.txt"
    wrk -t2 -c4 -d2s -H "Accept-Encoding: br, gzip" "$url" >/dev/null 2>&1 || true   # warm-up
    before=$(cpu_ticks "$@")
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -H "Accept-Encoding: br, gzip" "$url" >"$file" 2>&1 || true
    after=$(cpu_ticks "$@")
    local requests
    requests=$(awk '/requests in/ { print $1; exit }' "$file"); requests=${requests:-0}
    M_RPS=$(awk '/^Requests\/sec/ { printf "%.0f", $2; exit }' "$file"); M_RPS=${M_RPS:-0}
    M_CPU=$(awk -v t=$(( after - before )) -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }')
    M_RPCS=$(awk -v r="$requests" -v c="$M_CPU" 'BEGIN { if (c > 0) printf "%.0f", r / c; else print 0 }')
    M_BAD=$(awk '/Socket errors/ { gsub(/,/, ""); e = $4 + $6 + $8 + $10 } /Non-2xx/ { n = $NF } END { print e + n }' "$file")
}

ROWS=()
row() { # config page
    ROWS+=("| $2 | $1 | $M_RPS | $M_CPU | $M_RPCS | $(awk -v a="$M_RPCS" -v n="$STATIC_RPCS" 'BEGIN { if (n > 0) printf "%.3f", a / n; else print 0 }') | $M_BAD |")
    log "$1 $2: $M_RPS req/s, $M_RPCS req per CPU-s, errors + non-2xx $M_BAD"
}

log "starting two instances on PostgreSQL + Redis behind nginx, with $ARTICLES generated stories"
PROXY_PORT=$(free_port)
bash "$ROOT/src/deploy/scale-out.sh" start --dir "$TOPOLOGY" --port "$PROXY_PORT" --articles "$ARTICLES" \
    --setting Site:SearchesPerMinute=10000 >"$WORK/topology.log" 2>&1 || { tail -n 40 "$WORK/topology.log" >&2; exit 1; }
# The pages each data set's generator named (key=path lines).
target() { sed -n "s/^$2=//p" "$1" | head -n 1; }
ARTICLE=$(target "$TOPOLOGY/shared/bench-targets.txt" article)
FRONT=$(target "$TOPOLOGY/shared/bench-targets.txt" front)
[ -n "$ARTICLE" ] && [ -n "$FRONT" ] || { echo "bench-targets.txt names no article or front page" >&2; exit 1; }

log "one instance on SQLite with the same number of stories"
dotnet run -c Release --project "$ROOT/tests/bench/NewsPortal.Bench.DataGenerator" -- "$WORK/sqlite" "$ARTICLES" >"$WORK/generate-sqlite.log" 2>&1
SINGLE_ARTICLE=$(target "$WORK/sqlite/bench-targets.txt" article)
SINGLE_PORT=$(free_port)
start_single() {
    (cd "$TOPOLOGY/app" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet NewsPortal.Web.dll --urls "http://127.0.0.1:$SINGLE_PORT" \
        --Storage:DataDirectory="$WORK/sqlite" --FileLog:Enabled=false "$@" >"$WORK/single.log" 2>&1) &
    SINGLE_PID=$!
    for _ in $(seq 1 480); do
        curl -fsS -o /dev/null "http://127.0.0.1:$SINGLE_PORT/health/ready" 2>/dev/null && return 0
        sleep 0.25
    done
    tail -n 30 "$WORK/single.log" >&2; exit 1
}
stop_single() { kill "$SINGLE_PID" 2>/dev/null; wait "$SINGLE_PID" 2>/dev/null || true; SINGLE_PID=""; sleep 1; }
start_single

log "nginx serving a saved copy of the article page"
mkdir -p "$WORK/static/html" "$WORK/static/temp"
curl -fsS -o "$WORK/static/html/index.html" "http://127.0.0.1:$SINGLE_PORT$SINGLE_ARTICLE"
gzip -9 -k -f "$WORK/static/html/index.html"
chmod -R a+rX "$WORK/static"
STATIC_PORT=$(free_port)
cat >"$WORK/static/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/static/nginx.pid;
error_log $WORK/static/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 1000000;
    gzip_static on;
    client_body_temp_path $WORK/static/temp/body;
    proxy_temp_path $WORK/static/temp/proxy;
    fastcgi_temp_path $WORK/static/temp/fastcgi;
    uwsgi_temp_path $WORK/static/temp/uwsgi;
    scgi_temp_path $WORK/static/temp/scgi;
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/static/html;
        location / { try_files /index.html =404; }
    }
}
CONF
nginx -p "$WORK/static" -c "$WORK/static/nginx.conf" &
STATIC_PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$STATIC_PORT/" 2>/dev/null && break; sleep 0.05; done

measure static "http://127.0.0.1:$STATIC_PORT/" $(tree_pids "$STATIC_PID")
STATIC_RPCS=$M_RPCS
row "nginx, saved page" article

# What serves the scaled-out site: nginx (master and workers), both instances, PostgreSQL (postmaster and backends), Redis.
topology_pids() {
    tree_pids "$(cat "$TOPOLOGY/run/nginx.pid")"
    cat "$TOPOLOGY/run/instance-a.pid" "$TOPOLOGY/run/instance-b.pid" "$TOPOLOGY/run/redis.pid"
    tree_pids "$(head -n 1 "$TOPOLOGY/pg/data/postmaster.pid")"
}

# measure_pages cached|uncached: the article and the front page on both deployments.
measure_pages() {
    local cache=$1 page path single
    for page in article front; do
        path=$ARTICLE; single=$SINGLE_ARTICLE; [ "$page" = front ] && path=$FRONT && single=$FRONT
        measure "single-$cache-$page" "http://127.0.0.1:$SINGLE_PORT$single" "$SINGLE_PID"
        row "1 instance, SQLite, $cache" "$page"
        measure "scale-$cache-$page" "http://127.0.0.1:$PROXY_PORT$path" $(topology_pids)
        row "2 instances + nginx, PostgreSQL + Redis, $cache" "$page"
    done
}

measure_pages cached

log "reader cache off (OutputCache:Enabled=false) on both deployments"
stop_single
start_single --OutputCache:Enabled=false
bash "$ROOT/src/deploy/scale-out.sh" restart --dir "$TOPOLOGY" --setting OutputCache:Enabled=false --setting Site:SearchesPerMinute=10000 >>"$WORK/topology.log"
measure_pages uncached

RESULT="$OUT/scale-out-$ARTICLES.md"
{
    echo "# Scaled out vs one instance, $ARTICLES generated stories ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, nothing pinned, $DURATION s per row, $CONNECTIONS connections)"
    echo
    echo "| page | deployment | req/s | server CPU s | req per CPU-s | ratio to nginx | errors + non-2xx |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
} | tee "$RESULT"
log "written to $RESULT"
