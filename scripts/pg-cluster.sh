#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests and benches: data and socket folder of its own, a private
# port, no TCP listener, run as the `postgres` user when started by root (never as root).
#   bash scripts/pg-cluster.sh start [DIR]   starts it (or finds it running); prints the admin URL
#   bash scripts/pg-cluster.sh stop [DIR]    stops it by its data folder
#   bash scripts/pg-cluster.sh url [DIR]     prints the admin URL of a running cluster
# DIR defaults to $SANWU_PG_DIR, else a folder under /tmp named after this checkout.
set -euo pipefail
cmd=${1:?usage: pg-cluster.sh start|stop|url [DIR]}
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=${2:-${SANWU_PG_DIR:-/tmp/sanwu-pg-$(id -u)-$(printf %s "$root" | md5sum | cut -c1-8)}}

bindir=""
for b in "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -n "$b" ] && [ -x "$b/initdb" ] && [ -x "$b/pg_ctl" ]; then bindir=$b; break; fi
done
if [ -z "$bindir" ]; then
  echo "没有找到 PostgreSQL（initdb/pg_ctl）。请安装：sudo apt-get install postgresql postgresql-contrib" >&2
  exit 3
fi

# root hands the cluster to the postgres user; anyone else runs it as themselves
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() {
  echo "postgres://postgres@localhost/postgres?host=$dir/sock&port=$(cat "$dir/port")"
}

running() {
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

case "$cmd" in
  start)
    if running; then url; exit 0; fi
    mkdir -p "$dir/sock"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
    chmod 700 "$dir" "$dir/sock"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir/data"
      as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # a free port, then the server on the socket folder only
    port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    echo "$port" >"$dir/port"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/sock -c listen_addresses= -c fsync=off -c max_connections=200 -c shared_buffers=256MB" start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    url
    ;;
  stop)
    if running; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    ;;
  url)
    running || { echo "PostgreSQL test cluster in $dir is not running" >&2; exit 1; }
    url
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop|url [DIR]" >&2
    exit 2
    ;;
esac
