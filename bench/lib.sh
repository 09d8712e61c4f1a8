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

# serve_new PORT [JVM options…]: starts strata serve on a new data directory whose admin password
# is $bench_password; sets server_pid and data.
bench_password=bench-admin-password
serve_new() {
  local port=$1
  shift
  data=$(mktemp -d)
  STRATA_ADMIN_PASSWORD=$bench_password java "$@" -jar "$jar" serve --port "$port" --data-dir "$data" 2>"$data/log" &
  server_pid=$!
  until curl -sk -o /dev/null -f "https://127.0.0.1:$port/readyz"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$data/log" >&2; return 1; }
    sleep 0.2
  done
}

# login PORT: prints a Bearer session token of admin.
login() {
  curl -sk -f -X POST -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$bench_password\"}" \
    "https://127.0.0.1:$1/v1/session/login" | sed -E 's/.*"bearer_token" *: *"([^"]+)".*/\1/'
}

# need_wrk: installs Debian's wrk when missing.
need_wrk() {
  command -v wrk >/dev/null || { echo "installing wrk (apt-get)…" >&2; apt-get install -y wrk >&2; }
}

# wrk_rate LABEL WRK_ARGS…: runs wrk with --latency, prints LABEL, successful (2xx) requests per
# second and p99, and sets rate and p99.
wrk_rate() {
  local label=$1
  shift
  local out
  out=$(wrk --latency "$@")
  local total seconds bad
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  seconds=$(echo "$out" | awk '/requests in/ {sub(/s,?$/, "", $4); print $4}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  rate=$(awk -v t="$total" -v b="${bad:-0}" -v s="$seconds" 'BEGIN {printf "%.0f", (t - b) / s}')
  local statuses
  statuses=$(echo "$out" | grep '^statuses:' || true)
  echo "$label: $rate/s (2xx), p99 $p99, non-2xx ${bad:-0} $statuses"
}
