# Sourced by the benchmarks: starts Paddock from target/paddock-launcher.jar with its own embedded PostgreSQL in
# $DATA, listening on $PORT, stops it when the benchmark exits, and sets PID (the server's) and PSQL (a psql
# command on its database). Extra environment for Paddock may be given as arguments (NAME=value ...).
start_paddock() {
  rm -rf "$DATA"
  mkdir -p "$DATA"
  env PADDOCK_HTTP_PORT="$PORT" PADDOCK_DATA_DIR="$DATA" "$@" java ${BENCH_JAVA_OPTS:-} -jar target/paddock-launcher.jar \
    > "$DATA/server.log" 2>&1 &
  PID=$!
  trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do grep -q "Paddock is ready" "$DATA/server.log" && break; sleep 1; done
  grep -q "Paddock is ready" "$DATA/server.log" || { echo "Paddock did not start"; tail -20 "$DATA/server.log"; exit 1; }
  local db
  db=$(grep -o 'jdbc:postgresql://localhost:[0-9]*/paddock' "$DATA/server.log" | head -1 | sed 's#.*:\([0-9]*\)/paddock#\1#')
  PSQL="psql -q -h localhost -p $db -U postgres -d paddock -v ON_ERROR_STOP=1"
}

# Prints a new API token for USER ($1), stored the way Paddock stores them (only its SHA-256), via $PSQL.
issue_token() {
  local secret hash
  secret="pdk_bench$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  hash=$(printf %s "$secret" | sha256sum | cut -d' ' -f1)
  $PSQL -c "insert into api_token (user_id, name, token_hash, token_prefix, created_at)
            select id, 'bench', '$hash', '${secret:0:10}', now() from paddock_user where username = '$1'"
  echo "$secret"
}
