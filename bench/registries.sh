# Start and stop the registries under test, each fresh (empty data directory) on a loopback port.
# Source it after lib.sh. Each start_* prints nothing, leaves the pid in $WORK/<name>.pid and
# returns once GET /v2/ answers 200.

# await_registry NAME ADDR PID LOG SECONDS
await_registry() {
  local i
  for ((i = 0; i < $5 * 10; i++)); do
    curl -sf "http://$2/v2/" > /dev/null && return 0
    kill -0 "$3" 2> /dev/null || { tail -40 "$4" >&2; die "$1 exited before answering on $2"; }
    sleep 0.1
  done
  tail -40 "$4" >&2; die "$1 did not answer on $2 within $5 s"
}

# port_free ADDR: fail if something already answers there (a stale registry would skew figures)
port_free() { ! curl -s -o /dev/null --max-time 1 "http://$1/" || die "something already listens on $1"; }

# start_berth ADDR JAR [JVM OPTION]...: registry-service from its jar, embedded PostgreSQL under a new data dir
start_berth() {
  local d=$WORK/berth addr=$1 jar=$2
  shift 2
  port_free "$addr"; rm -rf "$d"; mkdir -p "$d"
  "$JAVA" "$@" -jar "$jar" --server.address="${addr%:*}" --server.port="${addr##*:}" --berth.data-dir="$d/data" \
    > "$d.log" 2>&1 &
  echo $! > "$WORK/berth.pid"
  await_registry berth "$addr" $! "$d.log" 180
}

# start_distribution ADDR: CNCF distribution (docker-registry), filesystem storage, as the anchor runs it
start_distribution() {
  local d=$WORK/distribution
  port_free "$1"; rm -rf "$d"; mkdir -p "$d/data"
  cat > "$d/config.yml" <<YML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $d/data
  delete:
    enabled: true
  redirect:
    disable: true
http:
  addr: $1
YML
  docker-registry serve "$d/config.yml" > "$d.log" 2>&1 &
  echo $! > "$WORK/distribution.pid"
  await_registry distribution "$1" $! "$d.log" 20
}

# stop_registry NAME: SIGTERM the registry started as NAME, wait for it (SIGKILL after 30 s)
stop_registry() {
  local f=$WORK/$1.pid p i
  [ -f "$f" ] || return 0
  p=$(cat "$f"); rm -f "$f"
  kill "$p" 2> /dev/null || return 0
  for ((i = 0; i < 300; i++)); do kill -0 "$p" 2> /dev/null || return 0; sleep 0.1; done
  kill -9 "$p" 2> /dev/null || true
}
