#!/usr/bin/env bash
# NewsPortal as several instances on one machine, without Docker: a private PostgreSQL cluster, a private Redis,
# the one-shot migrate step, two instances of the published site and nginx in front, all on loopback, from
# Debian's packages (postgresql, redis-server, nginx) and the .NET SDK. The same topology as docker-compose.yml.
#
#   bash src/deploy/scale-out.sh start [--port 8080] [--dir DIR] [--articles N]
#        build, start everything, print the addresses (--articles: N generated stories on top of the demo content,
#        for benchmarks: tests/bench/scale-out.sh)
#   bash src/deploy/scale-out.sh status [--dir DIR]      what runs, and whether each instance is ready
#   bash src/deploy/scale-out.sh restart [--dir DIR] [--setting Key=Value]...
#        a rolling restart: one instance after the other, nginx serving from the other meanwhile, each with the
#        given settings (--setting OutputCache:Enabled=false; none: the defaults again)
#   bash src/deploy/scale-out.sh stop [--dir DIR]        stop exactly what start started, delete DIR
#
# DIR (default: $TMPDIR/newsportal-scale-out, or /tmp/...) holds everything: the database cluster, the shared data
# folder both instances use (pictures), their logs, the nginx configuration and the pid of every process started.
# The database password is generated at start and kept in DIR/secrets/postgres-password (mode 600).
# Runs as a normal user or as root (the database cluster then belongs to Debian's postgres user).
set -euo pipefail

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

command=${1:-}
[ -n "$command" ] || usage
shift
port=8080
dir="${TMPDIR:-/tmp}/newsportal-scale-out"
articles=0
settings=()
while [ $# -gt 0 ]; do
    case "$1" in
        --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
        --dir) [ $# -ge 2 ] || usage; dir=$2; shift 2 ;;
        --articles) [ $# -ge 2 ] || usage; articles=$2; shift 2 ;;
        --setting) [ $# -ge 2 ] && [[ "$2" == *=* ]] || usage; settings+=("--$2"); shift 2 ;;
        *) echo "scale-out: unknown argument '$1'" >&2; usage ;;
    esac
done
case "$port" in ''|*[!0-9]*) echo "scale-out: --port takes a number" >&2; usage ;; esac
case "$articles" in ''|*[!0-9]*) echo "scale-out: --articles takes a number" >&2; usage ;; esac

repo=$(cd "$(dirname "$0")/../.." && pwd)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
as_pg=()
[ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)

free_port() {
    local candidate
    for _ in $(seq 1 100); do
        candidate=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
    done
    echo "scale-out: no free loopback port" >&2
    return 1
}

# A process that runs: not gone, and not a zombie waiting for a parent to read its exit status.
alive() {
    kill -0 "$1" 2>/dev/null || return 1
    [ "$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

wait_ready() { # url, seconds[, pid that must stay alive meanwhile]
    for _ in $(seq 1 $(( $2 * 4 ))); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        if [ -n "${3:-}" ] && ! alive "$3"; then return 1; fi
        sleep 0.25
    done
    return 1
}

# One instance of the published site: the shared database, cache and data folder; its own port and log file.
start_instance() { # name, port
    local name=$1 instance_port=$2
    (
        cd "$dir/app"
        export ASPNETCORE_ENVIRONMENT=Production
        export Database__Provider=Postgres Database__Migrate=false
        export ConnectionStrings__NewsPortal="Host=127.0.0.1;Port=$pg_port;Database=newsportal;Username=newsportal;Password=$(cat "$dir/secrets/postgres-password")"
        export ConnectionStrings__Redis="127.0.0.1:$redis_port"
        export Storage__DataDirectory="$dir/shared" FileLog__Path="logs/instance-$name-.log"
        export Site__BaseUrl="http://localhost:$port"
        local extra=()
        [ -s "$dir/run/settings" ] && mapfile -t extra <"$dir/run/settings"
        exec setsid dotnet NewsPortal.Web.dll --urls "http://127.0.0.1:$instance_port" "${extra[@]}" >>"$dir/logs/instance-$name.out" 2>&1
    ) &
    echo $! >"$dir/run/instance-$name.pid"
}

start() {
    if [ -e "$dir/run" ]; then
        echo "scale-out: $dir is in use (run: bash $0 stop --dir $dir)" >&2
        exit 1
    fi
    local missing=()
    [ -n "$pg_bin" ] || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v nginx >/dev/null || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    command -v dotnet >/dev/null || missing+=("the .NET 10 SDK")
    if [ ${#missing[@]} -gt 0 ]; then
        echo "scale-out: missing ${missing[*]} (Debian: apt-get install postgresql redis-server nginx curl)" >&2
        exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "scale-out: port $port is taken; choose another with --port" >&2
        exit 1
    fi

    mkdir -p "$dir"/{run,logs,secrets,shared,pg,nginx}
    printf '%s\n' "${settings[@]}" >"$dir/run/settings"
    [ ${#settings[@]} -gt 0 ] || : >"$dir/run/settings"
    chmod 700 "$dir/secrets"
    pg_port=$(free_port); redis_port=$(free_port); port_a=$(free_port); port_b=$(free_port)
    printf 'pg_port=%s\nredis_port=%s\nport_a=%s\nport_b=%s\nport=%s\n' "$pg_port" "$redis_port" "$port_a" "$port_b" "$port" >"$dir/run/ports"
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/secrets/postgres-password"
    chmod 600 "$dir/secrets/postgres-password"

    echo "== publishing the site (Release) into $dir/app"
    dotnet publish "$repo/src/NewsPortal.Web" -c Release -o "$dir/app" --nologo -v quiet >"$dir/logs/publish.log" 2>&1 \
        || { cat "$dir/logs/publish.log" >&2; echo "scale-out: dotnet publish failed" >&2; exit 1; }

    echo "== PostgreSQL on 127.0.0.1:$pg_port"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/pg" && chmod 755 "$dir"
    # Local socket connections (this script, as the cluster's owner) are trusted, so the socket's folder is the
    # owner's alone; TCP on loopback needs the password.
    chmod 700 "$dir/pg"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$dir/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/logs/initdb.log" 2>&1
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1" start >/dev/null
    "${as_pg[@]}" psql -h "$dir/pg" -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1 \
        -v password="$(cat "$dir/secrets/postgres-password")" <<'SQL'
CREATE ROLE newsportal LOGIN PASSWORD :'password';
CREATE DATABASE newsportal OWNER newsportal;
SQL

    echo "== Redis on 127.0.0.1:$redis_port"
    redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
        --pidfile "$dir/run/redis.pid" --logfile "$dir/logs/redis.log" --dir "$dir/run"

    local connection="Host=127.0.0.1;Port=$pg_port;Database=newsportal;Username=newsportal;Password=$(cat "$dir/secrets/postgres-password")"
    if [ "$articles" -gt 0 ]; then
        echo "== migrate and generate $articles stories (tests/bench/NewsPortal.Bench.DataGenerator), once"
        Database__Provider=Postgres ConnectionStrings__NewsPortal="$connection" \
            dotnet run -c Release --project "$repo/tests/bench/NewsPortal.Bench.DataGenerator" -- "$dir/shared" "$articles"
    else
        echo "== migrate (schema, roles, demo content), once"
        (
            cd "$dir/app"
            Database__Provider=Postgres Storage__DataDirectory="$dir/shared" FileLog__Path="logs/migrate-.log" \
            ConnectionStrings__NewsPortal="$connection" dotnet NewsPortal.Web.dll migrate
        )
    fi

    echo "== two instances on 127.0.0.1:$port_a and 127.0.0.1:$port_b"
    start_instance a "$port_a"
    start_instance b "$port_b"
    for name in a b; do
        local instance_port=$port_a
        [ "$name" = b ] && instance_port=$port_b
        wait_ready "http://127.0.0.1:$instance_port/health/ready" 90 "$(cat "$dir/run/instance-$name.pid")" \
            || { tail -n 30 "$dir/logs/instance-$name.out" >&2; echo "scale-out: instance $name is not ready" >&2; exit 1; }
    done

    echo "== nginx on 127.0.0.1:$port"
    sed -e "s|@PORT@|$port|g" -e "s|@PORT_A@|$port_a|g" -e "s|@PORT_B@|$port_b|g" -e "s|@DIR@|$dir|g" \
        "$repo/src/deploy/nginx/loopback.conf" >"$dir/nginx/nginx.conf"
    nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g "pid $dir/run/nginx.pid;"
    wait_ready "http://127.0.0.1:$port/health/ready" 20 || { echo "scale-out: nginx does not answer" >&2; exit 1; }

    cat <<DONE

NewsPortal runs on http://localhost:$port (nginx, two instances behind it).
  instance a: http://127.0.0.1:$port_a   (pid $(cat "$dir/run/instance-a.pid"), log $dir/logs/instance-a.out)
  instance b: http://127.0.0.1:$port_b   (pid $(cat "$dir/run/instance-b.pid"), log $dir/logs/instance-b.out)
  PostgreSQL: 127.0.0.1:$pg_port, database newsportal, user newsportal, password in $dir/secrets/postgres-password
  Redis:      127.0.0.1:$redis_port
  Editor account: cd $dir/app && Database__Provider=Postgres ConnectionStrings__NewsPortal="Host=127.0.0.1;Port=$pg_port;Database=newsportal;Username=newsportal;Password=\$(cat $dir/secrets/postgres-password)" Storage__DataDirectory=$dir/shared dotnet NewsPortal.Web.dll create-admin you@example.org
Stop everything: bash $0 stop --dir $dir
DONE
}

restart() {
    [ -f "$dir/run/ports" ] || { echo "scale-out: nothing started in $dir" >&2; exit 1; }
    # shellcheck disable=SC1091
    . "$dir/run/ports"
    printf '%s\n' "${settings[@]}" >"$dir/run/settings"
    [ ${#settings[@]} -gt 0 ] || : >"$dir/run/settings"
    for name in a b; do
        local pid instance_port=$port_a
        [ "$name" = b ] && instance_port=$port_b
        pid=$(cat "$dir/run/instance-$name.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && alive "$pid"; then
            kill -TERM "$pid"
            for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
        fi
        start_instance "$name" "$instance_port"
        wait_ready "http://127.0.0.1:$instance_port/health/ready" 90 "$(cat "$dir/run/instance-$name.pid")" \
            || { tail -n 30 "$dir/logs/instance-$name.out" >&2; echo "scale-out: instance $name is not ready after the restart" >&2; exit 1; }
        echo "instance $name restarted (pid $(cat "$dir/run/instance-$name.pid"))${settings[*]:+ with ${settings[*]}}"
    done
}

status() {
    [ -f "$dir/run/ports" ] || { echo "scale-out: nothing started in $dir"; exit 1; }
    # shellcheck disable=SC1091
    . "$dir/run/ports"
    for name in a b; do
        local pid instance_port=$port_a
        [ "$name" = b ] && instance_port=$port_b
        pid=$(cat "$dir/run/instance-$name.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && alive "$pid"; then
            curl -fsS -o /dev/null "http://127.0.0.1:$instance_port/health/ready" && echo "instance $name: ready (pid $pid, port $instance_port)" \
                || echo "instance $name: running, not ready (pid $pid, port $instance_port)"
        else
            echo "instance $name: stopped"
        fi
    done
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" && echo "nginx: serving on $port" || echo "nginx: not serving on $port"
}

stop() {
    [ -d "$dir/run" ] || { echo "scale-out: nothing started in $dir"; return 0; }
    local pid
    if [ -f "$dir/run/nginx.pid" ]; then
        kill -QUIT "$(cat "$dir/run/nginx.pid")" 2>/dev/null || true
    fi
    for name in a b; do
        pid=$(cat "$dir/run/instance-$name.pid" 2>/dev/null || true)
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
    done
    for name in a b; do
        pid=$(cat "$dir/run/instance-$name.pid" 2>/dev/null || true)
        [ -n "$pid" ] || continue
        for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    done
    pid=$(cat "$dir/run/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    fi
    if [ -n "$pg_bin" ] && [ -f "$dir/pg/data/postmaster.pid" ]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    echo "stopped; $dir removed"
}

case "$command" in
    start) start || { echo "scale-out: start failed; stopping what was started" >&2; stop; exit 1; } ;;
    status) status ;;
    restart) restart ;;
    stop) stop ;;
    *) echo "scale-out: unknown command '$command'" >&2; usage ;;
esac
