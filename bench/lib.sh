# Shared by the bench/ scripts: build once, seed a database once (kept under benchmarks/target),
# start and stop a server on a copy of it. Ports 18100-18199.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$root/bootstrap/target/strata.jar
bench_jar=$root/benchmarks/target/benchmarks.jar

build() {
  if [ ! -f "$bench_jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$bench_jar" -print -quit)" ]; then
    echo "building (mvn -B -q -DskipTests package)…" >&2
    (cd "$root" && mvn -B -q -DskipTests package) >&2
  fi
}

# seed NODES VOLUMES: prints the directory of a database seeded through the real use cases.
seed() {
  local dir=$root/benchmarks/target/seed-$1-$2
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    echo "seeding $1 nodes and $2 volumes into $dir (once; kept for later runs)…" >&2
    java -Xmx1g -cp "$bench_jar" dev.strata.benchmarks.Seed "$dir" "$1" "$2" >&2
    touch "$dir/.done"
  fi
  echo "$dir"
}

# serve SEED_DIR PORT [JVM options…]: starts strata serve on a copy of the seeded data; sets
# server_pid and data.
serve() {
  local seeded=$1 port=$2
  shift 2
  data=$(mktemp -d)
  cp "$seeded"/strata.db* "$data"/
  [ -d "$seeded/tls" ] && cp -r "$seeded/tls" "$data/"
  java "$@" -jar "$jar" serve --port "$port" --data-dir "$data" 2>"$data/log" &
  server_pid=$!
  until curl -sk -o /dev/null -f "https://127.0.0.1:$port/readyz"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$data/log" >&2; return 1; }
    sleep 0.2
  done
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$data"
}

# rss: the server's resident memory now and at its peak.
rss() {
  awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024} END {print ""}' "/proc/$server_pid/status"
}

load() {
  java -Xmx512m -cp "$bench_jar" dev.strata.benchmarks.Load "$@"
}
