#!/usr/bin/env bash
# pg_server.sh — a throwaway PostgreSQL server for tests, in a folder of its own.
#
#   pg_server.sh start DIR   initdb DIR/data (when missing), start the server on a free
#                            localhost port, create the database "acervo", and print its
#                            connection URI (postgresql://acervo@127.0.0.1:PORT/acervo) on stdout
#   pg_server.sh uri DIR     print the URI of the server running in DIR
#   pg_server.sh newdb DIR NAME...  (re)create empty databases NAME... on the server running
#                            in DIR and print the URI of the first, for tests that need a store
#                            of their own
#   pg_server.sh stop DIR    stop the server (fast shutdown); DIR stays for the caller to remove
#                            and a later start reuses it (and its port, when free)
#
# Exit status 77 (and a reason on stderr) when the PostgreSQL server binaries are missing, so
# callers can skip. $ACERVO_PG_BINDIR chooses the binaries' folder (default: the newest
# /usr/lib/postgresql/*/bin). The server trusts local connections (user "acervo", no password) and
# listens on 127.0.0.1 only; its log is DIR/server.log.
#
# initdb refuses to run as root: when run as root, every server command runs as the
# `postgres` system user (runuser) and DIR is handed to it. DIR must then be reachable by that
# user (not inside a root-only folder).
set -euo pipefail

die() { echo "pg_server: $*" >&2; exit 1; }
[[ $# -eq 2 || ( $# -ge 3 && $1 == newdb ) ]] || die "usage: pg_server.sh start|uri|stop DIR | newdb DIR NAME..."
cmd=$1
dir=$2

# $ACERVO_PG_BINDIR if set, else the newest server Debian installed.
bindir=""
candidates=(/usr/lib/postgresql/*/bin)
[[ -n ${ACERVO_PG_BINDIR:-} ]] && candidates=("$ACERVO_PG_BINDIR")
for d in "${candidates[@]}"; do
  [[ -x $d/initdb && -x $d/pg_ctl ]] && bindir=$d
done
if [[ -z $bindir ]]; then
  echo "pg_server: PostgreSQL server binaries not found (install the 'postgresql' package)" >&2
  exit 77
fi

as_server_user=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root and there is no 'postgres' user to run the server as"
  as_server_user=(runuser -u postgres --)
fi
run() { "${as_server_user[@]}" "$@"; }

uri_of() { echo "postgresql://acervo@127.0.0.1:$(cat "$1/port")/acervo"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 30000))
}

case $cmd in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ ${#as_server_user[@]} -gt 0 ]]; then
      chown -R postgres: "$dir"
      run test -w "$dir" || die "$dir: not reachable by the postgres user (is a parent folder root-only?)"
    fi
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      run "$bindir/initdb" -D "$dir/data" -U acervo --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || die "initdb failed (see $dir/initdb.log)"
    fi
    # A port can be taken between choosing and binding it: try a few. A restart tries the
    # port it had first, so URIs handed out before stay valid.
    for try in 1 2 3 4 5; do
      if [[ $try -eq 1 && -f $dir/port ]]; then port=$(cat "$dir/port"); else port=$(free_port); fi
      echo "$port" >"$dir/port"
      if run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
           -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off" >/dev/null 2>&1; then
        break
      fi
      [[ $try -eq 5 ]] && die "the server did not start (see $dir/server.log)"
    done
    # The database acervo uses; already there on a restart of the same DIR.
    run "$bindir/psql" -h 127.0.0.1 -p "$port" -U acervo -d postgres -qAt \
      -c "SELECT 1 FROM pg_database WHERE datname = 'acervo'" | grep -q 1 \
      || run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U acervo acervo \
      || die "cannot create the database 'acervo'"
    uri_of "$dir"
    ;;
  uri)
    [[ -f $dir/port ]] || die "$dir: no server was started here"
    uri_of "$dir"
    ;;
  newdb)
    [[ -f $dir/port ]] || die "$dir: no server was started here"
    port=$(cat "$dir/port")
    for name in "${@:3}"; do
      run "$bindir/dropdb" -h 127.0.0.1 -p "$port" -U acervo --if-exists "$name" >/dev/null
      run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U acervo "$name" \
        || die "cannot create the database '$name'"
    done
    echo "postgresql://acervo@127.0.0.1:$port/$3"
    ;;
  stop)
    [[ -f $dir/data/postmaster.pid ]] || exit 0
    run "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) die "unknown command '$cmd' (start, uri or stop)" ;;
esac
