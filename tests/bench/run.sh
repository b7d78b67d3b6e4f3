#!/usr/bin/env bash
# NewsPortal benchmarks: the published app against nginx serving a saved copy of the same article page.
#
#   bash tests/bench/run.sh [--articles 1000,100000] [--duration 8] [--out DIR] [--mirror]
#
# For each data set (generated once by tests/bench/NewsPortal.Bench.DataGenerator and cached under
# DIR/data/<count>), the app runs pinned to core 0 and wrk to core 1. Every page is measured with the
# output cache on (the default configuration) and off (--OutputCache:Enabled=false), each app run
# between two nginx runs so that drift hits both; CPU seconds come from /proc/<pid>/stat. Also
# measured: cold start, resident memory, reader latency while 8 editors publish, time from publishing
# to a fresh page, and 1,000 connections. Tables go to stdout and DIR/results-<count>.md.
# With --mirror it measures the static mirror instead: the full build of every edition (time, files, size), the
# zip of the largest edition, and the update of the copy the site keeps after one publication
# (DIR/mirror-<count>.md).
# Not part of the test suite: .ci/test never runs it.
set -Eeuo pipefail
trap 'echo "[bench] failed: line $LINENO: $BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly GENERATOR="tests/bench/NewsPortal.Bench.DataGenerator"

ARTICLES="1000,100000"
DURATION=8
MODE=pages
OUT="$ROOT/artifacts/bench"

readonly CONNECTIONS=32
readonly BIG_CONNECTIONS=1000
readonly EDITORS=8
readonly EDITOR_PAUSE="${BENCH_EDITOR_PAUSE:-1}"   # seconds each editor waits between two publishes
readonly WARMUP_SECONDS=6
readonly QUIET_WAIT="${BENCH_QUIET_WAIT:-600}"       # seconds to wait for other work to leave core 0
readonly EDITOR_EMAIL="bench@example.org"
EDITOR_PASSWORD="bench-$(date +%s)-$RANDOM-$RANDOM"
readonly EDITOR_PASSWORD

# The pages, in measuring order; the data generator writes their paths to bench-targets.txt.
readonly PAGES=(article front section search feed sitemap live live-earlier)
declare -A ENCODING=([article]="br, gzip" [front]="br, gzip" [section]="br, gzip" [search]="br, gzip" [feed]="gzip" [sitemap]="gzip" [live]="br, gzip" [live-earlier]="br, gzip")

usage() {
    cat >&2 <<'EOF'
usage: bash tests/bench/run.sh [--articles 1000,100000] [--duration 8] [--out DIR] [--mirror]

  --articles LIST   comma-separated article counts (1..100000), one data set each (default 1000,100000)
  --duration N      seconds of load per measurement, 1..600 (default 8)
  --out DIR         where data sets are cached and results are written (default artifacts/bench)
  --mirror          measure the static mirror (full build, zip, update after a publication) instead of the pages

Needs root to install wrk and nginx with apt when they are missing. Leaves nothing running.
EOF
    exit 2
}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

parse_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --articles) [ $# -ge 2 ] || usage; ARTICLES="$2"; shift 2 ;;
            --duration) [ $# -ge 2 ] || usage; DURATION="$2"; shift 2 ;;
            --out) [ $# -ge 2 ] || usage; OUT="$2"; shift 2 ;;
            --mirror) MODE=mirror; shift ;;
            -h|--help) usage ;;
            *) echo "unknown argument: $1" >&2; usage ;;
        esac
    done
    [[ "$ARTICLES" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "--articles takes numbers separated by commas" >&2; usage; }
    local count
    for count in ${ARTICLES//,/ }; do
        [ "$count" -ge 1 ] && [ "$count" -le 100000 ] || { echo "article counts lie between 1 and 100000" >&2; usage; }
    done
    [[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 600 ] || { echo "--duration takes 1..600 seconds" >&2; usage; }
    mkdir -p "$OUT"
    OUT="$(cd "$OUT" && pwd)"
}

# ---------------------------------------------------------------------------------------------
# Processes: everything started in the background is recorded and stopped on exit.

WORK=""
TRACKED=()

track() { TRACKED+=("$1"); }

stop_process() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local pid
    for pid in "${TRACKED[@]}"; do
        stop_process "$pid"
    done
    wait 2>/dev/null || true
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        rm -rf "$WORK"
    fi
}

free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 40000 ))
        ss -ltn 2>/dev/null | awk '{print $4}' | grep -q ":$port\$" || { echo "$port"; return; }
    done
}

# Waits until the process has used (almost) no CPU for 300 ms, so one run's leftovers (requests that
# wrk gave up on but the server still works through) do not spill into the next. Gives up after 120 s.
wait_idle() {
    local pid=$1 i before after
    for i in $(seq 1 400); do
        before=$(cpu_ticks "$pid")
        sleep 0.3
        after=$(cpu_ticks "$pid")
        if [ $(( after - before )) -le 2 ]; then
            return 0
        fi
    done
    log "the server was still busy after 120 s; measuring anyway"
}

# ---------------------------------------------------------------------------------------------
# Tools, build and data.

ensure_tools() {
    command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not installed"
    export PATH="$PATH:/usr/sbin:/sbin"
    local missing=() tool
    for tool in wrk nginx curl taskset gzip ss; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        die "missing: ${missing[*]}; install them (Debian: apt-get install wrk nginx curl util-linux gzip iproute2) or run this as root"
    fi
    log "installing wrk and nginx with apt (missing: ${missing[*]})"
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        apt-get update -qq && break
        log "apt-get update failed (attempt $attempt), retrying"; sleep 10
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends \
        wrk nginx curl util-linux gzip iproute2 >/dev/null || die "apt-get could not install wrk and nginx"
    for tool in "${missing[@]}"; do
        command -v "$tool" >/dev/null || die "$tool is still missing after apt-get install"
    done
}

publish_app() {
    # As the container image is built: for linux-x64, precompiled (ReadyToRun).
    log "publishing a Release build of src/NewsPortal.Web (linux-x64, ReadyToRun)"
    dotnet publish "$ROOT/src/NewsPortal.Web" -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
        || { cat "$WORK/publish.log" >&2; die "dotnet publish failed"; }
}

# Generates the data set for a count once; later runs reuse DIR/data/<count>.
ensure_data() {
    local count=$1 dir="$OUT/data/$1"
    # A data set from before the live-coverage pages were measured is generated again.
    if [ -f "$dir/bench-targets.txt" ] && grep -q '^live=' "$dir/bench-targets.txt"; then
        log "data set $count: cached in $dir"
        return 0
    fi
    log "data set $count: generating (the progress bar follows)"
    rm -rf "$dir.partial" "$dir"
    mkdir -p "$OUT/data"
    local started elapsed
    started=$(now_ms)
    (cd "$ROOT" && dotnet run -c Release --project "$GENERATOR" -- "$dir.partial" "$count") >"$OUT/data/generated-$count.txt" \
        || die "the data generator failed for $count articles"
    elapsed=$(( $(now_ms) - started ))
    echo "wall-clock seconds including build: $(awk -v ms="$elapsed" 'BEGIN { printf "%.1f", ms / 1000 }')" >>"$OUT/data/generated-$count.txt"
    rm -rf "$dir"
    mv "$dir.partial" "$dir"
    cat "$OUT/data/generated-$count.txt" >&2
}

# ---------------------------------------------------------------------------------------------
# Measuring.

CLK_TCK=$(getconf CLK_TCK)

# utime + stime of the given processes, in clock ticks (fields 14 and 15 of /proc/<pid>/stat).
cpu_ticks() {
    local pid total=0 ticks
    for pid in "$@"; do
        ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$(( total + ticks ))
    done
    echo "$total"
}

# "<busy> <total>" clock ticks of core 0 from /proc/stat; steal time counts as busy (another guest had the core).
core0_ticks() {
    awk '$1 == "cpu0" { busy = $2 + $3 + $4 + $7 + $8 + $9; total = busy + $5 + $6; print busy, total; exit }' /proc/stat
}

# How busy core 0 is over one second, in per cent, before anything of ours runs on it.
core0_busy_percent() {
    local before after
    before=$(core0_ticks); sleep 1; after=$(core0_ticks)
    awk -v b="$before" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " ")
        if (y[2] > x[2]) printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]); else print 0 }'
}

# Waits (at most QUIET_WAIT seconds) until other processes leave core 0 less than 10 % busy, since
# the server measured there shares it with them; then measures anyway. Sets CORE0_BEFORE.
wait_for_quiet_core() {
    local waited=0 busy
    busy=$(core0_busy_percent)
    while [ "$busy" -gt 10 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
        if [ "$waited" -eq 0 ]; then
            log "core 0 is ${busy} % busy with other work; waiting up to ${QUIET_WAIT} s for it to calm down"
        fi
        sleep 4
        waited=$(( waited + 5 ))
        busy=$(core0_busy_percent)
    done
    if [ "$busy" -gt 10 ]; then
        log "warning: core 0 is still ${busy} % busy with other work; measuring anyway (results marked disturbed)"
    fi
    CORE0_BEFORE=$busy
}

thousands() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

to_ms() {
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n }'
}

# run_load LABEL URL CONNECTIONS ENCODING PID... : one wrk run on core 1; CPU is counted for the given processes.
# Sets L_REQUESTS, L_RPS, L_P99 (ms; -1 when no request finished), L_ERRORS (socket errors), L_NON2XX, L_CPU (seconds) and
# L_FOREIGN: the share of core 0 used by other processes meanwhile (other work on a shared machine).
run_load() {
    local label=$1 url=$2 connections=$3 encoding=$4; shift 4
    local file="$RAW/$label.txt" before after
    local header=()
    [ -n "$encoding" ] && header=(-H "Accept-Encoding: $encoding")
    local core_before core_after
    before=$(cpu_ticks "$@")
    core_before=$(core0_ticks)
    taskset -c 1 wrk -t1 -c"$connections" -d"${DURATION}s" --timeout 30s --latency "${header[@]}" "$url" >"$file" 2>&1 || true
    after=$(cpu_ticks "$@")
    core_after=$(core0_ticks)
    L_FOREIGN=$(awk -v b="$core_before" -v a="$core_after" -v ours=$(( after - before )) 'BEGIN {
        split(b, x, " "); split(a, y, " "); total = y[2] - x[2]; busy = y[1] - x[1] - ours
        if (busy < 0) busy = 0; if (total > 0) printf "%.0f", 100 * busy / total; else print 0 }')
    L_REQUESTS=$(awk '/requests in/ { print $1; exit }' "$file"); L_REQUESTS=${L_REQUESTS:-0}
    L_RPS=$(awk '/^Requests\/sec/ { printf "%.0f", $2; exit }' "$file"); L_RPS=${L_RPS:-0}
    L_P99=$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$file")")
    [ "$L_REQUESTS" -gt 0 ] || L_P99=-1   # no request finished within the run: there is no p99
    L_ERRORS=$(awk '/Socket errors/ { gsub(/,/, ""); print $4 + $6 + $8 + $10; exit }' "$file"); L_ERRORS=${L_ERRORS:-0}
    L_NON2XX=$(awk '/Non-2xx/ { print $NF; exit }' "$file"); L_NON2XX=${L_NON2XX:-0}
    L_CPU=$(awk -v t=$(( after - before )) -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }')
}

per_cpu() { awk -v r="$1" -v c="$2" 'BEGIN { if (c > 0) printf "%.0f", r / c; else print 0 }'; }

# ---------------------------------------------------------------------------------------------
# The app and nginx.

APP_PID=""
COLD_LIVE=0
COLD_ARTICLE=0
COLD_FOREIGN=0
APP_PORT=""
APP_BASE=""

# start_app NAME EXTRA-ARGS... : starts the published app on core 0 and records cold-start times.
start_app() {
    local name=$1; shift
    APP_PORT=$(free_port)
    APP_BASE="http://127.0.0.1:$APP_PORT"
    local started core_before
    core_before=$(core0_ticks)
    started=$(now_ms)
    (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production taskset -c 0 dotnet NewsPortal.Web.dll \
        --urls "$APP_BASE" --Storage:DataDirectory="$DATA" --FileLog:Enabled=false \
        --Site:SearchesPerMinute=10000 --Site:SignInAttemptsPerMinute=1000 "$@" >"$RAW/app-$name.log" 2>&1) &
    APP_PID=$!
    track "$APP_PID"
    start_rss_sampler "$APP_PID" "$RAW/rss-$name.txt"

    local deadline=$(( started + 120000 ))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$APP_BASE/health/live" || true)" = 200 ]; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$RAW/app-$name.log" >&2; die "the app ($name) exited during start-up"; }
        [ "$(now_ms)" -lt "$deadline" ] || die "the app ($name) did not answer /health/live within 120 s"
        sleep 0.01
    done
    COLD_LIVE=$(( $(now_ms) - started ))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$APP_BASE${TARGET[article]}" || true)" = 200 ]; do
        [ "$(now_ms)" -lt "$deadline" ] || die "the app ($name) did not serve the article within 120 s"
        sleep 0.01
    done
    COLD_ARTICLE=$(( $(now_ms) - started ))
    COLD_FOREIGN=$(awk -v b="$core_before" -v a="$(core0_ticks)" -v ours="$(cpu_ticks "$APP_PID")" 'BEGIN {
        split(b, x, " "); split(a, y, " "); busy = y[1] - x[1] - ours; if (busy < 0) busy = 0
        if (y[2] > x[2]) printf "%.0f", 100 * busy / (y[2] - x[2]); else print 0 }')
    log "app ($name) on port $APP_PORT: /health/live after ${COLD_LIVE} ms, first article after ${COLD_ARTICLE} ms (other load on core 0: ${COLD_FOREIGN} %)"
}

stop_app() {
    stop_process "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    sleep 2   # let the sockets and the page cache settle before the next start
}

# Samples VmRSS every 200 ms while the process lives; the file keeps the maximum in kB.
start_rss_sampler() {
    local pid=$1 file=$2
    (
        max=0
        while kill -0 "$pid" 2>/dev/null; do
            rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
            if [ "${rss:-0}" -gt "$max" ]; then max=$rss; echo "$max" >"$file"; fi
            sleep 0.2
        done
    ) &
    track $!
}

NGINX_PID=""
NGINX_BASE=""

# A private nginx (one worker, core 0) serving the saved article page, pre-compressed with gzip.
start_nginx() {
    local dir="$WORK/nginx" port
    mkdir -p "$dir/html" "$dir/temp"
    chmod 755 "$WORK" "$dir" "$dir/html"
    curl -s --max-time 30 -o "$dir/html/index.html" "$APP_BASE${TARGET[article]}" || die "could not save the article page for nginx"
    gzip -9 -k -f "$dir/html/index.html"
    chmod 644 "$dir/html/"*
    port=$(free_port)
    NGINX_BASE="http://127.0.0.1:$port"
    cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    gzip_static on;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $dir/html;
        location / { try_files /index.html =404; }
    }
}
EOF
    taskset -c 0 nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
    NGINX_PID=$!
    track "$NGINX_PID"
    local i
    for i in $(seq 1 100); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX_BASE/" || true)" = 200 ] && return 0
        kill -0 "$NGINX_PID" 2>/dev/null || { cat "$dir/error.log" >&2; die "nginx exited"; }
        sleep 0.05
    done
    die "nginx did not answer on $NGINX_BASE"
}

# The master and its worker: NGINX_PIDS=(...).
nginx_pids() { mapfile -t NGINX_PIDS < <(echo "$NGINX_PID"; pgrep -P "$NGINX_PID" || true); }

stop_nginx() {
    stop_process "$NGINX_PID"
    wait "$NGINX_PID" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Pages: nginx, page, nginx, page, … nginx. Each page's ratio uses the mean of the nginx runs around it.

declare -A R   # results: R[<config>.<page>.<field>]

measure_pages() {
    local config=$1 page i nginx_before nginx_after
    # Warm-up: JIT (the precompiled code is replaced by optimized code only after many calls), caches,
    # connection pools. Shorter warm-ups left the first page measured at half its steady rate.
    for page in "${PAGES[@]}"; do
        taskset -c 1 wrk -t1 -c32 -d"${WARMUP_SECONDS}s" --timeout 30s -H "Accept-Encoding: ${ENCODING[$page]}" "$APP_BASE${TARGET[$page]}" >/dev/null 2>&1 || true
    done
    wait_idle "$APP_PID"
    for page in "${PAGES[@]}"; do   # one request on an idle server: what a single reader waits
        R[$config.$page.single]=$(curl -s -o /dev/null --max-time 120 -H "Accept-Encoding: ${ENCODING[$page]}" -w '%{time_total}' "$APP_BASE${TARGET[$page]}" \
            | awk '{ printf "%.1f", $1 * 1000 }')
    done
    nginx_pids
    run_load "$config-0-nginx" "$NGINX_BASE/" "$CONNECTIONS" "br, gzip" "${NGINX_PIDS[@]}"
    nginx_before=$(per_cpu "$L_REQUESTS" "$L_CPU")
    i=0
    for page in "${PAGES[@]}"; do
        i=$(( i + 1 ))
        log "$config: $page (${TARGET[$page]})"
        run_load "$config-$i-$page" "$APP_BASE${TARGET[$page]}" "$CONNECTIONS" "${ENCODING[$page]}" "$APP_PID"
        R[$config.$page.rps]=$L_RPS; R[$config.$page.p99]=$L_P99; R[$config.$page.cpu]=$L_CPU
        R[$config.$page.rpcs]=$(per_cpu "$L_REQUESTS" "$L_CPU")
        R[$config.$page.bad]=$(( L_ERRORS + L_NON2XX ))
        R[$config.$page.foreign]=$L_FOREIGN
        wait_idle "$APP_PID"
        run_load "$config-$i-nginx" "$NGINX_BASE/" "$CONNECTIONS" "br, gzip" "${NGINX_PIDS[@]}"
        nginx_after=$(per_cpu "$L_REQUESTS" "$L_CPU")
        R[$config.$page.nginx]=$(( (nginx_before + nginx_after) / 2 ))
        R[$config.$page.ratio]=$(awk -v a="${R[$config.$page.rpcs]}" -v n="${R[$config.$page.nginx]}" 'BEGIN { if (n > 0) printf "%.3f", a / n; else print 0 }')
        nginx_before=$nginx_after
    done
}

# ---------------------------------------------------------------------------------------------
# Editors: sessions kept by hand. The session cookie is __Host- and Secure, which curl's cookie jar
# does not send back over plain http, so each editor keeps its cookies in a file and sends them as a header.

EDITOR_BODY=""

make_editor_body() {
    local paragraph="The harbour board met on Thursday to agree the winter timetable for the ferries. Members said the new times would suit workers on early shifts, and the first boats will leave half an hour sooner from next month. A public meeting on the fares is planned for the spring."
    local i
    EDITOR_BODY="$paragraph"
    for i in 1 2 3 4 5 6 7 8 9 10 11; do
        [ $(( i % 4 )) -eq 0 ] && EDITOR_BODY+=$'\n\n## Timetable details'
        EDITOR_BODY+=$'\n\n'"$paragraph"
    done
}

jar_header() { [ -s "$1" ] && paste -sd';' "$1" | sed 's/;/; /g' || true; }

jar_update() {
    local jar=$1 response=$2 line pair name value
    while IFS= read -r line; do
        line=${line%$'\r'}
        case "${line,,}" in set-cookie:*) ;; *) continue ;; esac
        pair=${line#*: }; pair=${pair%%;*}; name=${pair%%=*}; value=${pair#*=}
        awk -v n="$name=" 'index($0, n) != 1' "$jar" >"$jar.new" || true
        mv "$jar.new" "$jar"
        if [ -n "$value" ]; then echo "$name=$value" >>"$jar"; fi
    done <"$response"
}

# editor_curl JAR CURL-ARGS... : prints "<status> <seconds>"; the body is in JAR.body, the headers in JAR.headers.
editor_curl() {
    local jar=$1; shift
    local result
    result=$(curl -s --max-time 60 -D "$jar.headers" -o "$jar.body" -w '%{http_code} %{time_total}' -H "Cookie: $(jar_header "$jar")" "$@" || echo "000 0")
    jar_update "$jar" "$jar.headers"
    echo "$result"
}

form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }

editor_sign_in() {
    local base=$1 jar=$2 status
    : >"$jar"
    editor_curl "$jar" "$base/editor/login" >/dev/null
    status=$(editor_curl "$jar" --data-urlencode "Email=$EDITOR_EMAIL" --data-urlencode "Password=$EDITOR_PASSWORD" \
        --data-urlencode "__RequestVerificationToken=$(form_token "$jar.body")" "$base/editor/login")
    [ "${status%% *}" = 302 ] && grep -q '^__Host-NewsPortal-Editor=' "$jar"
}

# editor_publish BASE JAR HEADLINE : opens the article form and posts it with "Publish now"; prints "<status> <seconds> <id>".
editor_publish() {
    local base=$1 jar=$2 headline=$3 section status id
    editor_curl "$jar" "$base/editor/articles/new?edition=en" >/dev/null
    section=$(sed -n '/id="SectionId"/,/<\/select>/p' "$jar.body" | grep -o 'value="[0-9]*"' | head -n 1 | tr -dc '0-9')
    status=$(editor_curl "$jar" --data-urlencode "__RequestVerificationToken=$(form_token "$jar.body")" \
        -d Version=0 -d Edition=en -d "SectionId=$section" --data-urlencode "Headline=$headline" \
        --data-urlencode "Lead=The harbour board agreed the winter ferry timetable on Thursday; the first boats will leave half an hour sooner from next month, and fares come up in the spring." \
        --data-urlencode "Body=$EDITOR_BODY" -d 'Contributors[0].Person=clara-hensley' -d 'Contributors[0].Role=Writing' \
        -d 'Sources[0].Code=afp' -d 'Sources[0].Role=Reporting' -d command=Publish "$base/editor/articles/new")
    id=$(awk 'tolower($1) == "location:" { gsub(/\r/, ""); n = split($2, p, "/"); print p[n] }' "$jar.headers")
    echo "$status ${id:-?}"
}

# One editor: publish, pause, publish … until the stop file appears. Results are appended to LOG.
editor_loop() {
    local id=$1 jar=$2 stop=$3 log=$4 n=0
    while [ ! -e "$stop" ]; do
        n=$(( n + 1 ))
        editor_publish "$APP_BASE" "$jar" "Bench editor $id story $n $(date +%s%N)" >>"$log"
        sleep "$EDITOR_PAUSE"
    done
}

measure_editors() {
    local dir="$WORK/editors" i pids=()
    mkdir -p "$dir"
    rm -f "$dir/stop"
    for i in $(seq 1 "$EDITORS"); do
        editor_sign_in "$APP_BASE" "$dir/$i.jar" || die "editor $i could not sign in (see $RAW)"
    done
    wait_idle "$APP_PID"
    for i in $(seq 1 "$EDITORS"); do
        : >"$dir/$i.log"
        # Each editor is a subshell on core 1 (beside wrk), so the server's core serves only the app.
        ( taskset -p -c 1 "$BASHPID" >/dev/null; editor_loop "$i" "$dir/$i.jar" "$dir/stop" "$dir/$i.log" ) &
        pids+=($!)
        track $!
    done
    sleep 1   # let the editors get going before readers are measured
    log "uncached: article while $EDITORS editors publish"
    run_load "uncached-editors-article" "$APP_BASE${TARGET[article]}" "$CONNECTIONS" "${ENCODING[article]}" "$APP_PID"
    touch "$dir/stop"
    for i in "${pids[@]}"; do wait "$i" 2>/dev/null || true; done
    R[editors.p99]=$L_P99
    R[editors.bad]=$(( L_ERRORS + L_NON2XX ))
    R[editors.published]=$(cat "$dir"/*.log | awk '$1 == 302' | wc -l)
    R[editors.failed]=$(cat "$dir"/*.log | awk '$1 != 302' | wc -l)
    R[editors.post_p50]=$(cat "$dir"/*.log | awk '$1 == 302 { print $2 * 1000 }' | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.0f", a[int((NR + 1) / 2)]; else print 0 }')
    cat "$dir"/*.log >"$RAW/editors.txt"
}

# What the app answers a browser for the article: size, Content-Encoding, and whether a repeated
# request carries an Age header (an answer from the output cache).
inspect_article() {
    local headers="$RAW/article-headers.txt"
    curl -s -o /dev/null -H "Accept-Encoding: ${ENCODING[article]}" "$APP_BASE${TARGET[article]}"
    R[info.bytes]=$(curl -s -D "$headers" -o /dev/null -w '%{size_download}' -H "Accept-Encoding: ${ENCODING[article]}" "$APP_BASE${TARGET[article]}")
    R[info.encoding]=$(awk -F': ' 'tolower($1) == "content-encoding" { gsub(/\r/, "", $2); print $2 }' "$headers")
    R[info.age]=$(grep -qi '^age:' "$headers" && echo "an" || echo "no")
    R[info.nginx_bytes]=$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: ${ENCODING[article]}" "$NGINX_BASE/")
}

# Publishes one story and polls the front page, then the article, until the headline shows.
measure_freshness() {
    local jar="$WORK/fresh.jar" headline result id start deadline
    editor_sign_in "$APP_BASE" "$jar" || die "the freshness editor could not sign in"
    # Prime the caches of the two pages with their current versions.
    curl -s --compressed -o /dev/null "$APP_BASE/en"
    headline="Freshness check $(date +%s%N)"
    result=$(editor_publish "$APP_BASE" "$jar" "$headline")
    start=$(now_ms)
    id=${result##* }
    [ "${result%% *}" = 302 ] || { R[fresh.front]="publish failed (${result%% *})"; R[fresh.article]="—"; return; }
    deadline=$(( start + 120000 ))
    until curl -s --compressed --max-time 10 "$APP_BASE/en" | grep -qF "$headline"; do
        [ "$(now_ms)" -lt "$deadline" ] || break
        sleep 0.02
    done
    R[fresh.front]=$(( $(now_ms) - start ))
    until curl -s -L --compressed --max-time 10 "$APP_BASE/en/a/x/$id" | grep -qF "$headline"; do
        [ "$(now_ms)" -lt "$deadline" ] || break
        sleep 0.02
    done
    R[fresh.article]=$(( $(now_ms) - start ))
}

# 1,000 connections on the cached article, with /health/live timed by curl every 250 ms meanwhile.
measure_many_connections() {
    local probe="$RAW/health-during-1000.txt" prober
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $(( BIG_CONNECTIONS + 100 )) ] || die "ulimit -n is $(ulimit -n): too low for $BIG_CONNECTIONS connections"
    : >"$probe"
    (
        while :; do
            taskset -c 1 curl -s -o /dev/null --max-time 5 -w '%{http_code} %{time_total}\n' "$APP_BASE/health/live" >>"$probe" || echo "000 5" >>"$probe"
            sleep 0.25
        done
    ) &
    prober=$!
    track "$prober"
    log "cached: article with $BIG_CONNECTIONS connections"
    run_load "cached-1000-article" "$APP_BASE${TARGET[article]}" "$BIG_CONNECTIONS" "${ENCODING[article]}" "$APP_PID"
    stop_process "$prober"
    wait "$prober" 2>/dev/null || true
    R[big.p99]=$L_P99
    R[big.errors]=$L_ERRORS
    R[big.non2xx]=$L_NON2XX
    R[big.rps]=$L_RPS
    R[big.health_max]=$(awk '{ if ($2 > m) m = $2 } END { printf "%.0f", m * 1000 }' "$probe")
    R[big.health_failed]=$(awk '$1 != 200' "$probe" | wc -l)
    R[big.health_samples]=$(wc -l <"$probe")
}

# ---------------------------------------------------------------------------------------------
# Reporting.

met() { if awk "BEGIN { exit !($1) }"; then echo met; else echo MISSED; fi; }
fmt() { awk -v v="$1" 'BEGIN { printf "%.2f", v }'; }
# A p99 in ms, or a note that no request finished within the run.
fmt_p99() { awk -v v="$1" -v d="$DURATION" 'BEGIN { if (v < 0) printf "none in %d s", d; else printf "%.2f", v }'; }

write_report() {
    local count=$1
    local file="$OUT/results-$count.md" config page target result rss_max cached_rss uncached_rss
    cached_rss=$(cat "$RAW/rss-cached.txt" 2>/dev/null || echo 0)
    uncached_rss=$(cat "$RAW/rss-uncached.txt" 2>/dev/null || echo 0)
    rss_max=$(( (cached_rss > uncached_rss ? cached_rss : uncached_rss) / 1024 ))
    {
        echo "## NewsPortal benchmark: $(thousands "$count") generated articles"
        echo
        echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)');" \
            "$(nproc) cores, load average before the run: $LOAD_BEFORE, core 0 busy with other work before the cached and the uncached app: ${R[quiet.cached]} % and ${R[quiet.uncached]} %. App and nginx on core 0, wrk on core 1" \
            "(\`wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency\`). Data set: $(grep -m1 "^Generated " "$OUT/data/generated-$count.txt" 2>/dev/null | sed 's/ into .*//')."
        echo "Cached = default configuration; uncached = \`--OutputCache:Enabled=false\`. The search limit per client was raised for the run (\`--Site:SearchesPerMinute=10000\`)." \
            "HTML pages are requested with \`Accept-Encoding: br, gzip\`, feeds and sitemaps with \`gzip\`. The article answered ${R[info.bytes]} bytes," \
            "Content-Encoding: ${R[info.encoding]:-none}, and a repeated request carried ${R[info.age]} \`Age\` header (output cache);" \
            "nginx serves the saved page pre-compressed (gzip_static, ${R[info.nginx_bytes]} bytes). \"Other load on core 0\" is CPU that other processes (or the hypervisor) took from the server's core during the run: above 10 % a result is marked disturbed." \
            "\"None in ${DURATION} s\": no request finished within the run, so there is no p99; \"one request alone\" is one request on the idle server after the warm-up."
        echo
        echo "| page | config | req/s | p99 ms | one request alone, ms | server CPU s | req per CPU-s | nginx req per CPU-s | ratio to nginx | errors + non-2xx | other load on core 0 | target | result |"
        echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
        for config in cached uncached; do
            for page in "${PAGES[@]}"; do
                target="—"; result="—"
                case "$config.$page" in
                    cached.article) target="≥ 0.9× nginx, p99 ≤ 5 ms"
                        result=$(met "${R[$config.$page.ratio]} >= 0.9 && ${R[$config.$page.p99]} >= 0 && ${R[$config.$page.p99]} <= 5 && ${R[$config.$page.bad]} == 0") ;;
                    cached.*) target="p99 ≤ 5 ms"
                        result=$(met "${R[$config.$page.p99]} >= 0 && ${R[$config.$page.p99]} <= 5 && ${R[$config.$page.bad]} == 0") ;;
                    uncached.article) target="≥ 0.15× nginx"
                        result=$(met "${R[$config.$page.ratio]} >= 0.15 && ${R[$config.$page.bad]} == 0") ;;
                    uncached.front) target="≥ 0.10× nginx"
                        result=$(met "${R[$config.$page.ratio]} >= 0.10 && ${R[$config.$page.bad]} == 0") ;;
                esac
                if [ "${R[$config.$page.foreign]}" -gt 10 ]; then result="$result (disturbed)"; fi
                echo "| $page | $config | ${R[$config.$page.rps]} | $(fmt_p99 "${R[$config.$page.p99]}") | ${R[$config.$page.single]} | ${R[$config.$page.cpu]} | ${R[$config.$page.rpcs]} | ${R[$config.$page.nginx]} | ${R[$config.$page.ratio]} | ${R[$config.$page.bad]} | ${R[$config.$page.foreign]} % | $target | $result |"
            done
        done
        echo
        echo "| measure | value | target | result |"
        echo "|---|---:|---|---|"
        echo "| cold start: process start to first 200 on /health/live (other load on core 0: ${R[cold.foreign]} %) | ${R[cold.live]} ms | ≤ 1,500 ms | $(met "${R[cold.live]} <= 1500") |"
        echo "| cold start: process start to first article 200 | ${R[cold.article]} ms | ≤ 1,500 ms | $(met "${R[cold.article]} <= 1500") |"
        echo "| cold start without output cache (article; other load on core 0: ${R[cold.foreign_uncached]} %) | ${R[cold.article_uncached]} ms | — | — |"
        echo "| resident memory (VmRSS), highest sample under load | $rss_max MB (cached $(( cached_rss / 1024 )), uncached $(( uncached_rss / 1024 ))) | ≤ 200 MB | $(met "$rss_max <= 200") |"
        echo "| reader p99, uncached article, read only | $(fmt_p99 "${R[uncached.article.p99]}") ms | — | — |"
        echo "| reader p99, uncached article, while $EDITORS editors publish | $(fmt_p99 "${R[editors.p99]}") ms ($(awk -v a="${R[editors.p99]}" -v b="${R[uncached.article.p99]}" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "?" }')×; ${R[editors.published]} published, ${R[editors.failed]} failed, POST p50 ${R[editors.post_p50]} ms; reader errors ${R[editors.bad]}) | ≤ 3× read only | $(met "${R[editors.p99]} >= 0 && ${R[uncached.article.p99]} >= 0 && ${R[editors.p99]} <= 3 * ${R[uncached.article.p99]} && ${R[editors.failed]} == 0 && ${R[editors.bad]} == 0") |"
        echo "| publish → fresh front page (cached config) | ${R[fresh.front]} ms | — | — |"
        echo "| publish → fresh article page (cached config) | ${R[fresh.article]} ms | — | — |"
        echo "| $BIG_CONNECTIONS connections: socket errors + non-2xx | ${R[big.errors]} + ${R[big.non2xx]} (${R[big.rps]} req/s) | none | $(met "${R[big.errors]} + ${R[big.non2xx]} == 0") |"
        echo "| $BIG_CONNECTIONS connections: cached article p99 | $(fmt_p99 "${R[big.p99]}") ms | ≤ 100 ms | $(met "${R[big.p99]} >= 0 && ${R[big.p99]} <= 100") |"
        echo "| $BIG_CONNECTIONS connections: slowest /health/live (curl, ${R[big.health_samples]} probes, ${R[big.health_failed]} failed) | ${R[big.health_max]} ms | < 1,000 ms | $(met "${R[big.health_max]} < 1000 && ${R[big.health_failed]} == 0") |"
        echo
        echo "Raw wrk output and app logs: \`$(basename "$RAW")/\` beside this file."
    } >"$file"
    cat "$file"
    echo
    # p99 of every page, for the comparison between data sets.
    for config in cached uncached; do
        for page in "${PAGES[@]}"; do
            printf '%s\t%s\t%s\t%s\n' "$config" "$page" "${R[$config.$page.p99]}" "${R[$config.$page.foreign]}"
        done
    done >"$OUT/p99-$count.tsv"
}

write_comparison() {
    local small=$1 large=$2 file="$OUT/results-comparison.md" config page a b disturbed result
    {
        echo "## p99 at $(thousands "$large") articles against $(thousands "$small")"
        echo
        echo "| page | config | p99 ms at $(thousands "$small") | p99 ms at $(thousands "$large") | ratio | target | result |"
        echo "|---|---|---:|---:|---:|---|---|"
        for config in cached uncached; do
            for page in "${PAGES[@]}"; do
                a=$(awk -F'\t' -v c="$config" -v p="$page" '$1 == c && $2 == p { print $3 }' "$OUT/p99-$small.tsv")
                b=$(awk -F'\t' -v c="$config" -v p="$page" '$1 == c && $2 == p { print $3 }' "$OUT/p99-$large.tsv")
                disturbed=$(cat "$OUT/p99-$small.tsv" "$OUT/p99-$large.tsv" | awk -F'\t' -v c="$config" -v p="$page" '$1 == c && $2 == p && $4 > 10 { d = 1 } END { print d + 0 }')
                result=$(met "$a >= 0 && $b >= 0 && $b <= 1.5 * $a")
                if [ "$disturbed" = 1 ]; then result="$result (disturbed)"; fi
                echo "| $page | $config | $(fmt_p99 "$a") | $(fmt_p99 "$b") | $(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0 && b >= 0) printf "%.2f", b / a; else print "?" }') | ≤ 1.5× | $result |"
            done
        done
    } >"$file"
    cat "$file"
    echo
}

# ---------------------------------------------------------------------------------------------

declare -A TARGET
DATA=""
RAW=""
LOAD_BEFORE=""
CORE0_BEFORE=0

# A fresh copy of a data set per run (editors add articles and an account to it), its bench targets and the editor account.
prepare_data_set() {
    local count=$1 key value
    DATA="$WORK/data-$count"
    rm -rf "$DATA"
    log "data set $count: copying to the work folder"
    cp -a "$OUT/data/$count" "$DATA"
    while IFS='=' read -r key value; do
        if [ -n "$key" ]; then TARGET[$key]=$value; fi
    done <"$DATA/bench-targets.txt"
    [ -n "${TARGET[article]:-}" ] || die "bench-targets.txt names no article"
    (cd "$WORK/app" && NEWSPORTAL_ADMIN_PASSWORD="$EDITOR_PASSWORD" Storage__DataDirectory="$DATA" FileLog__Enabled=false \
        dotnet NewsPortal.Web.dll create-admin "$EDITOR_EMAIL" >"$RAW/create-admin.log" 2>&1) || { cat "$RAW/create-admin.log" >&2; die "create-admin failed"; }
}

bench_data_set() {
    local count=$1
    R=()
    RAW="$OUT/raw-$count"
    rm -rf "$RAW"; mkdir -p "$RAW"
    prepare_data_set "$count"

    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    wait_for_quiet_core
    R[quiet.cached]=$CORE0_BEFORE
    start_app cached
    R[cold.live]=$COLD_LIVE; R[cold.article]=$COLD_ARTICLE; R[cold.foreign]=$COLD_FOREIGN
    start_nginx
    inspect_article
    measure_pages cached
    measure_freshness
    wait_idle "$APP_PID"
    measure_many_connections
    stop_app

    wait_for_quiet_core
    R[quiet.uncached]=$CORE0_BEFORE
    start_app uncached --OutputCache:Enabled=false
    R[cold.article_uncached]=$COLD_ARTICLE; R[cold.foreign_uncached]=$COLD_FOREIGN
    measure_pages uncached
    measure_editors
    stop_app
    stop_nginx

    write_report "$count"
    rm -rf "$DATA"
}

# The static mirror of a data set: a full build of every edition by the operator command (both cores), the zip of
# the largest edition, then the copy the running site keeps, updated after one publication (the site logs each update).
bench_mirror() {
    local count=$1 copy="$WORK/mirror-$1" zip="$WORK/mirror-$1-en.zip" started full_ms zip_ms line publish result
    RAW="$OUT/raw-mirror-$count"
    rm -rf "$RAW"; mkdir -p "$RAW"
    prepare_data_set "$count"
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

    log "mirror: full build of every edition (the progress bar follows)"
    started=$(now_ms)
    (cd "$WORK/app" && Storage__DataDirectory="$DATA" FileLog__Enabled=false Serilog__MinimumLevel__Default=Warning \
        dotnet NewsPortal.Web.dll mirror "$copy") >"$RAW/mirror-full.txt" || die "the mirror command failed (see $RAW)"
    full_ms=$(( $(now_ms) - started ))
    R[mirror.files]=$(find "$copy" -type f | wc -l)
    R[mirror.mb]=$(du -sm "$copy" | cut -f1)
    R[mirror.articles]=$(find "$copy" -path '*/a/*/index.html' ! -path '*/lite/*' ! -path '*/updates/*' | wc -l)
    log "mirror: $(cat "$RAW/mirror-full.txt")"

    log "mirror: zip of the English edition"
    started=$(now_ms)
    (cd "$WORK/app" && Storage__DataDirectory="$DATA" FileLog__Enabled=false Serilog__MinimumLevel__Default=Warning \
        dotnet NewsPortal.Web.dll mirror "$zip" en) >"$RAW/mirror-zip.txt" 2>/dev/null || die "the mirror zip failed"
    zip_ms=$(( $(now_ms) - started ))
    R[zip.mb]=$(du -sm "$zip" | cut -f1)

    log "mirror: the site keeps the copy; one publication updates it"
    start_app mirror --Mirror:Folder="$copy" --Mirror:UpdateDelaySeconds=0
    local jar="$RAW/editor.jar"
    editor_sign_in "$APP_BASE" "$jar" || die "the editor could not sign in"
    started=$(now_ms)
    publish=$(editor_publish "$APP_BASE" "$jar" "Mirror bench story $(date +%s%N)")
    [ "${publish%% *}" = 302 ] || die "the publication failed: $publish"
    until line=$(grep -m1 'Mirror of .*: update,' "$RAW/app-mirror.log"); do
        [ $(( $(now_ms) - started )) -lt 1800000 ] || die "the kept copy was not updated within 30 minutes"
        sleep 0.2
    done
    R[update.wall]=$(( $(now_ms) - started ))
    stop_app
    result=$(sed -E 's/.*: update, ([0-9]+) pages rendered, ([0-9]+) files written, ([0-9]+) removed, ([0-9]+) files .* in ([0-9.]+) s.*/\1 \2 \3 \4 \5/' <<<"$line")
    read -r R[update.rendered] R[update.written] R[update.removed] R[update.files] R[update.seconds] <<<"$result"

    {
        echo "## NewsPortal static mirror: $(thousands "$count") generated articles"
        echo
        echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD); $(nproc) cores, load average before: $LOAD_BEFORE."
        echo
        echo "| measure | value |"
        echo "|---|---:|"
        echo "| full build of every edition (\`mirror <folder>\`, wall clock incl. start-up) | $(awk -v ms="$full_ms" 'BEGIN { printf "%.1f s", ms / 1000 }') |"
        echo "| files / size of the copy | $(thousands "${R[mirror.files]}") files, $(thousands "${R[mirror.mb]}") MB |"
        echo "| stories in the copy (full pages; each has a text-only page too) | $(thousands "${R[mirror.articles]}") |"
        echo "| zip of the English edition (build + zip) | $(awk -v ms="$zip_ms" 'BEGIN { printf "%.1f s", ms / 1000 }'), $(thousands "${R[zip.mb]}") MB |"
        echo "| update after one publication (as the site logs it) | ${R[update.seconds]} s: ${R[update.rendered]} pages rendered, ${R[update.written]} files written, ${R[update.removed]} removed |"
        echo "| from the publication's request to the updated copy | $(awk -v ms="${R[update.wall]}" 'BEGIN { printf "%.1f s", ms / 1000 }') |"
        echo
        echo "Full build output: $(tail -n 1 "$RAW/mirror-full.txt")"
    } | tee "$OUT/mirror-$count.md"
    rm -rf "$DATA" "$copy" "$zip"
}

main() {
    parse_args "$@"
    ensure_tools
    WORK="$(mktemp -d /tmp/newsportal-bench.XXXXXX)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    local started count counts=()
    started=$(now_ms)
    publish_app
    make_editor_body
    for count in ${ARTICLES//,/ }; do
        ensure_data "$count"
        counts+=("$count")
    done
    for count in "${counts[@]}"; do
        if [ "$MODE" = mirror ]; then bench_mirror "$count"; else bench_data_set "$count"; fi
    done
    if [ ${#counts[@]} -ge 2 ] && [ "$MODE" = pages ]; then
        local sorted
        sorted=$(printf '%s\n' "${counts[@]}" | sort -n)
        write_comparison "$(head -n 1 <<<"$sorted")" "$(tail -n 1 <<<"$sorted")"
    fi
    log "done in $(( ($(now_ms) - started) / 1000 )) s; results in $OUT"
}

main "$@"
