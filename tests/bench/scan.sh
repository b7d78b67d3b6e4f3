#!/usr/bin/env bash
# Attack scanners against a running NewsPortal: sqlmap (SQL injection) and wapiti (XSS, injection, file
# handling, CRLF, redirects, CSRF, headers, cookies), anonymously and with a signed-in editor's session.
#
#   bash tests/bench/scan.sh [--minutes 3] [--out DIR]
#
# Publishes a Release build, starts it on a fresh data directory with the demo content and one admin account
# (a random password, never written anywhere), runs the scanners, stops the site and prints what they found.
# Exits 1 when sqlmap finds an injectable parameter or wapiti reports a vulnerability (its "anomalies" and
# informational findings are printed, not counted). Installs sqlmap and wapiti with apt when they are missing.
# Not part of the test suite: .ci/test never runs it.
set -Eeuo pipefail
trap 'echo "[scan] failed: line $LINENO: $BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
MINUTES=3
OUT="$ROOT/artifacts/scan"

usage() {
    cat >&2 <<'EOF'
usage: bash tests/bench/scan.sh [--minutes N] [--out DIR]

  --minutes N   time limit of each wapiti attack module, 1..60 (default 3)
  --out DIR     where the scanners' reports go (default artifacts/scan)
EOF
    exit 2
}

log() { printf '[scan %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) [ $# -ge 2 ] || usage; MINUTES="$2"; shift 2 ;;
        --out) [ $# -ge 2 ] || usage; OUT="$2"; shift 2 ;;
        -h|--help) usage ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
done
[[ "$MINUTES" =~ ^[0-9]+$ ]] && [ "$MINUTES" -ge 1 ] && [ "$MINUTES" -le 60 ] || { echo "--minutes takes 1..60" >&2; usage; }
rm -rf "$OUT"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

install_tools() {
    local missing=()
    command -v sqlmap >/dev/null || missing+=(sqlmap)
    command -v wapiti >/dev/null || missing+=(wapiti)
    command -v curl >/dev/null || missing+=(curl)
    command -v jq >/dev/null || missing+=(jq)
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "missing ${missing[*]}: install them (Debian: apt-get install ${missing[*]})"
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

start_site() {
    log "publishing a Release build"
    dotnet publish "$ROOT/src/NewsPortal.Web" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
        || { cat "$WORK/publish.log" >&2; die "dotnet publish failed"; }
    EMAIL="scanner@newsroom.example"
    PASSWORD="scan-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    (cd "$WORK/app" && NEWSPORTAL_ADMIN_PASSWORD="$PASSWORD" Storage__DataDirectory="$WORK/data" FileLog__Enabled=false \
        dotnet NewsPortal.Web.dll create-admin "$EMAIL" >"$WORK/create-admin.log" 2>&1) || { cat "$WORK/create-admin.log" >&2; die "create-admin failed"; }
    BASE="http://127.0.0.1:$(free_port)"
    (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet NewsPortal.Web.dll --urls "$BASE" \
        --Storage:DataDirectory="$WORK/data" --FileLog:Enabled=false --Site:BaseUrl="$BASE" \
        --Site:SearchesPerMinute=10000 --Site:SignInAttemptsPerMinute=10000 >"$OUT/site.log" 2>&1) &
    APP_PID=$!
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true)" = 200 ] && { log "site up at $BASE"; return 0; }
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$OUT/site.log" >&2; die "the site exited while starting"; }
        sleep 0.1
    done
    die "the site did not become ready"
}

# Signs the admin in with curl; sets COOKIE ("name=value") for the scanners.
sign_in() {
    local jar="$WORK/jar" token
    curl -s -c "$jar" "$BASE/editor/login" -o "$WORK/login.html"
    token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$WORK/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD" \
        --data-urlencode "__RequestVerificationToken=$token" "$BASE/editor/login"
    COOKIE=$(awk '$6 == "__Host-NewsPortal-Editor" { print $6 "=" $7 }' "$jar")
    [ -n "$COOKIE" ] || die "could not sign in for the authenticated scans"
    ANTIFORGERY=$(awk '$6 ~ /^\.AspNetCore\.Antiforgery/ { print $6 "=" $7 }' "$jar")
}

SQLMAP_FOUND=0
run_sqlmap() {
    local name=$1; shift
    log "sqlmap: $name"
    sqlmap --batch --flush-session --disable-coloring --level=2 --risk=1 --dbms=SQLite --threads=2 \
        --output-dir="$OUT/sqlmap" "$@" >"$OUT/sqlmap-$name.txt" 2>&1 || true
    if grep -q -E "is vulnerable|appears to be injectable|sqlmap identified the following injection point" "$OUT/sqlmap-$name.txt"; then
        SQLMAP_FOUND=$((SQLMAP_FOUND + 1))
        echo "sqlmap $name: INJECTABLE (see $OUT/sqlmap-$name.txt)"
        grep -E "Parameter:|Type:|Title:" "$OUT/sqlmap-$name.txt" | sed 's/^/    /'
    else
        echo "sqlmap $name: nothing injectable ($(grep -c -E "testing '" "$OUT/sqlmap-$name.txt" || true) techniques tried)"
    fi
}

scans() {
    local article section
    article=$(curl -s "$BASE/en" | grep -o 'href="/en/a/[^"]*"' | head -n 1 | sed 's/href="//; s/"$//')
    section=$(curl -s "$BASE/en" | grep -o 'href="/en/s/[^"/]*"' | head -n 1 | sed 's/href="//; s/"$//')
    [ -n "$article" ] && [ -n "$section" ] || die "no article or section link on the front page"

    run_sqlmap search -u "$BASE/en/search?q=harbour&page=1"
    run_sqlmap article-path -u "$BASE${article%/*}/1*"
    run_sqlmap section-path -u "$BASE/en/s/*"
    run_sqlmap source-path -u "$BASE/en/source/*"
    run_sqlmap sitemap-path -u "$BASE/sitemaps/en/articles-1*.xml"
    run_sqlmap login -u "$BASE/editor/login" --data "Email=a%40b.example&Password=x&__RequestVerificationToken=t" \
        --csrf-token=__RequestVerificationToken --csrf-url="$BASE/editor/login" -p Email,Password
    run_sqlmap dashboard -u "$BASE/editor?page=1&status=Draft" --cookie="$COOKIE; $ANTIFORGERY"
    run_sqlmap audit -u "$BASE/editor/audit?page=1&action=saved&user=x" --cookie="$COOKIE; $ANTIFORGERY"

    local modules="xss,permanentxss,sql,blindsql,exec,file,crlf,redirect,xxe,ssrf,csrf,backup,htaccess,methods,http_headers,cookieflags,csp"
    log "wapiti: anonymous, from the front page ($MINUTES min per module)"
    wapiti -u "$BASE/" --scope folder -m "$modules" --flush-session --max-attack-time $((MINUTES * 60)) --max-scan-time $((MINUTES * 120)) \
        -f json -o "$OUT/wapiti-anonymous.json" --color -v 1 >"$OUT/wapiti-anonymous.txt" 2>&1 || true
    log "wapiti: signed in, the editor area"
    wapiti -u "$BASE/editor/" --scope folder -m "$modules" --flush-session --max-attack-time $((MINUTES * 60)) --max-scan-time $((MINUTES * 120)) \
        -H "Cookie: $COOKIE; $ANTIFORGERY" -x "$BASE/editor/logout" \
        -f json -o "$OUT/wapiti-editor.json" -v 1 >"$OUT/wapiti-editor.txt" 2>&1 || true
}

WAPITI_FOUND=0
report_wapiti() {
    local name=$1 file="$OUT/wapiti-$1.json" count
    [ -f "$file" ] || { echo "wapiti $name: no report (see $OUT/wapiti-$name.txt)"; WAPITI_FOUND=$((WAPITI_FOUND + 1)); return; }
    count=$(jq '[.vulnerabilities[] | length] | add // 0' "$file")
    echo "wapiti $name: $count vulnerabilities, $(jq '[.anomalies[] | length] | add // 0' "$file") anomalies, $(jq '[(.additionals // {})[] | length] | add // 0' "$file") informational; $(jq '.infos.crawled_pages_nbr // (.infos.crawled_pages | length) // "?"' "$file") pages crawled"
    jq -r '(.vulnerabilities, .anomalies, (.additionals // {})) | to_entries[] | select(.value | length > 0) | .key as $k | .value[] | "    \($k): \(.method) \(.path) \(.parameter // "") — \(.info)"' "$file" | cut -c1-220
    WAPITI_FOUND=$((WAPITI_FOUND + count))
}

install_tools
start_site
sign_in
scans >"$OUT/sqlmap-summary.txt"
{
    echo "== what the scanners found ($(date -u +%Y-%m-%dT%H:%MZ); reports in $OUT)"
    cat "$OUT/sqlmap-summary.txt"
    report_wapiti anonymous
    report_wapiti editor
    echo "server errors the site logged during the scans: $(grep -c -E '^\[[0-9:]+ (ERR|FTL)\]' "$OUT/site.log" || true)"
} >"$OUT/summary.txt"
cat "$OUT/summary.txt"
# Counted from the files: the functions above ran in this shell, but a reader of the summary needs the same figures.
SQLMAP_FOUND=$(grep -c "INJECTABLE" "$OUT/sqlmap-summary.txt" || true)
WAPITI_FOUND=0
for report in "$OUT"/wapiti-*.json; do
    [ -f "$report" ] && WAPITI_FOUND=$((WAPITI_FOUND + $(jq '[.vulnerabilities[] | length] | add // 0' "$report")))
done
[ "$SQLMAP_FOUND" -eq 0 ] && [ "$WAPITI_FOUND" -eq 0 ]
