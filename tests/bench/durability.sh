#!/usr/bin/env bash
# NewsPortal durability runs, longer than the test suite's:
#
#   bash tests/bench/durability.sh backup [--articles 100000] [--out DIR]
#       Backup and restore of a generated data set (cached under DIR/data/<count>, as run.sh makes them): the
#       published app's `backup` and `restore` commands, timed, then integrity_check and counts on the restored copy.
#   bash tests/bench/durability.sh soak [--seconds 600] [--crashes 20]
#       The suite's soak, backup-under-load and kill -9 tests (NewsroomUnderLoadTests) on a Release build, with a
#       longer load and more crashes. Prints their counts and latency tables.
#
# Not part of the test suite: .ci/test never runs it. Results go to stdout and DIR/durability-*.md.
set -Eeuo pipefail
trap 'echo "[durability] failed: line $LINENO: $BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly GENERATOR="tests/bench/NewsPortal.Bench.DataGenerator"

usage() {
    cat >&2 <<'EOF'
usage: bash tests/bench/durability.sh backup [--articles N] [--out DIR]
       bash tests/bench/durability.sh soak [--seconds N] [--crashes N] [--out DIR]

  backup --articles N   data set size, 1..100000 (default 100000)
  soak --seconds N      seconds of load in the soak test, 5..3600 (default 600)
  soak --crashes N      kill -9 restarts in the crash test, 1..200 (default 20)
  --out DIR             data sets and results (default artifacts/bench)
EOF
    exit 2
}

log() { printf '[durability %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds_since() { awk -v ms="$(( $(now_ms) - $1 ))" 'BEGIN { printf "%.1f", ms / 1000 }'; }

[ $# -ge 1 ] || usage
MODE="$1"; shift
ARTICLES=100000
SECONDS_OF_LOAD=600
CRASHES=20
OUT="$ROOT/artifacts/bench"
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) [ $# -ge 2 ] || usage; ARTICLES="$2"; shift 2 ;;
        --seconds) [ $# -ge 2 ] || usage; SECONDS_OF_LOAD="$2"; shift 2 ;;
        --crashes) [ $# -ge 2 ] || usage; CRASHES="$2"; shift 2 ;;
        --out) [ $# -ge 2 ] || usage; OUT="$2"; shift 2 ;;
        -h|--help) usage ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
done
[[ "$ARTICLES" =~ ^[0-9]+$ ]] && [ "$ARTICLES" -ge 1 ] && [ "$ARTICLES" -le 100000 ] || { echo "--articles takes 1..100000" >&2; usage; }
[[ "$SECONDS_OF_LOAD" =~ ^[0-9]+$ ]] && [ "$SECONDS_OF_LOAD" -ge 5 ] && [ "$SECONDS_OF_LOAD" -le 3600 ] || { echo "--seconds takes 5..3600" >&2; usage; }
[[ "$CRASHES" =~ ^[0-9]+$ ]] && [ "$CRASHES" -ge 1 ] && [ "$CRASHES" -le 200 ] || { echo "--crashes takes 1..200" >&2; usage; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

backup_run() {
    local data="$OUT/data/$ARTICLES"
    if [ ! -f "$data/bench-targets.txt" ]; then
        log "data set $ARTICLES: generating (the progress bar follows)"
        rm -rf "$data.partial"
        mkdir -p "$OUT/data"
        (cd "$ROOT" && dotnet run -c Release --project "$GENERATOR" -- "$data.partial" "$ARTICLES") >"$OUT/data/generated-$ARTICLES.txt"
        mv "$data.partial" "$data"
    fi

    log "publishing a Release build of src/NewsPortal.Web"
    dotnet publish "$ROOT/src/NewsPortal.Web" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
        || { cat "$WORK/publish.log" >&2; die "dotnet publish failed"; }

    # The backup only reads the data set (an online snapshot), so it runs on the cached one directly.
    local archive="$WORK/site-$ARTICLES.zip" started backup_s restore_s
    log "backup of $ARTICLES articles"
    started=$(now_ms)
    (cd "$WORK/app" && Storage__DataDirectory="$data" FileLog__Enabled=false dotnet NewsPortal.Web.dll backup "$archive")
    backup_s=$(seconds_since "$started")

    log "restore into an empty data directory"
    started=$(now_ms)
    (cd "$WORK/app" && Storage__DataDirectory="$WORK/restored" FileLog__Enabled=false dotnet NewsPortal.Web.dll restore "$archive")
    restore_s=$(seconds_since "$started")

    local integrity articles pictures size
    integrity=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$WORK/restored/newsportal.db")
    articles=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM Articles").fetchone()[0])' "$WORK/restored/newsportal.db")
    pictures=$(find "$WORK/restored/media" -type f | wc -l)
    size=$(du -m "$archive" | cut -f1)
    {
        echo "## Backup and restore: $ARTICLES generated articles ($(date -u +%Y-%m-%d), $(nproc) cores)"
        echo
        echo "| step | seconds |"
        echo "|---|---|"
        echo "| backup (VACUUM INTO, pictures, keys, manifest; archive $size MB) | $backup_s |"
        echo "| restore into an empty data directory (checksums, integrity_check) | $restore_s |"
        echo
        echo "Restored copy: integrity_check $integrity, $articles articles, $pictures picture files."
    } | tee "$OUT/durability-backup-$ARTICLES.md"
}

soak_run() {
    log "building the integration tests (Release)"
    dotnet build "$ROOT/tests/NewsPortal.IntegrationTests" -c Release --nologo -v quiet >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; die "the build failed"; }
    log "soak for $SECONDS_OF_LOAD s and $CRASHES kill -9 restarts"
    NEWSPORTAL_SOAK_SECONDS="$SECONDS_OF_LOAD" NEWSPORTAL_CRASHES="$CRASHES" dotnet test "$ROOT/tests/NewsPortal.IntegrationTests" -c Release --no-build --nologo \
        --filter "FullyQualifiedName~NewsroomUnderLoadTests" --logger "console;verbosity=detailed" >"$WORK/soak.log" 2>&1 || status=$?
    grep -v '^\[xUnit\|^\[[0-9:]* \(INF\|WRN\|DBG\)\]' "$WORK/soak.log" | sed -n '/Standard Output Messages:/,/^$/p;/Passed \|Failed /p' \
        | tee "$OUT/durability-soak-$SECONDS_OF_LOAD.md"
    [ "${status:-0}" -eq 0 ] || die "the soak or crash test failed (full log above in $OUT/durability-soak-$SECONDS_OF_LOAD.md)"
}

case "$MODE" in
    backup) backup_run ;;
    soak) soak_run ;;
    *) usage ;;
esac
