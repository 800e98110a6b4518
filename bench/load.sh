#!/usr/bin/env bash
# Load test of the HTTP API on loopback: submit, get, filtered list and stats with N jobs in the
# database. Usage: [ONLY="list stats get submit"] bench/load.sh [JOBS=100000] [SECONDS=60]
# ONLY picks some of the four endpoints (all by default), for before/after runs of one of them.
# Starts its own service (API only, no workers, so the measured CPU is the API's) on a temporary
# SQLite database, seeds it, runs wrk against it, prints a summary and stops the service.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JOBS="${1:-100000}" SECONDS_EACH="${2:-60}" PORT="${PORT:-18080}"
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "install wrk"; exit 1; }

DATA="$(mktemp -d)"
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
DOCEXTRACT_DATA_DIR="$DATA" DOCEXTRACT_PORT="$PORT" DOCEXTRACT_WORKERS=0 "$ROOT/docextract" serve >"$DATA/server.log" 2>&1 &
SERVER=$!
# The keys are written once the server is up, so they may lag its first answers.
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/healthz" >/dev/null && grep -qs "test key" "$DATA/bootstrap-keys.txt" && break; sleep 1; done
KEY=$(awk '/live key/ {print $3}' "$DATA/bootstrap-keys.txt")
ORG=$(awk '/organization/ {print $2}' "$DATA/bootstrap-keys.txt")
EXTRACTOR=$(curl -sf "localhost:$PORT/v1/extractors" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Load","document_type":"invoice","field_definitions":[{"name":"invoice_number","type":"text"},{"name":"total_amount","type":"currency"}]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
python3 "$ROOT/bench/seed_jobs.py" "$DATA/docextract.db" "$ORG" "$EXTRACTOR" "$JOBS"
head -c 75000 /dev/urandom | base64 -w0 | head -c 100000 | fold -w 76 > "$DATA/doc.txt"   # 100 kB of printable text
base64 -w0 "$DATA/doc.txt" > "$DATA/doc.b64"
export KEY EXTRACTOR DOC_B64="$DATA/doc.b64"
JOB=$(curl -sf "localhost:$PORT/v1/documents?limit=1&status=completed" -H "Authorization: Bearer $KEY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobs"][0]["id"])')

# Each run also prints the server's CPU time per request (user + system, from /proc): on a machine
# shared with other work it moves far less than requests/s, and the load average says how shared.
TICKS="$(getconf CLK_TCK)"
cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
report() { # CPU ticks before the run; wrk's output on stdin
  local before=$1 out requests
  out="$(cat)"
  echo "$out" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" | sed 's/^/   /'
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v ticks="$(( $(cpu) - before ))" -v hz="$TICKS" -v n="${requests:-0}" -v loadavg="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { if (n > 0) printf "   server CPU per request: %.2f ms   (load average %s)\n", ticks * 1000 / hz / n, loadavg }'
}
# Each measurement follows WARMUP seconds (default 10) of the same requests, unrecorded: the figures
# are a warm server's, not the JIT compiling the endpoint's code (which took a third off the first
# endpoint measured right after start).
warm_up() { wrk -t2 -c16 -d"${WARMUP:-10}s" "$@" >/dev/null; }
run() { # name, wrk args...
  local name=$1 before; shift
  echo "== $name"
  warm_up "$@"
  before=$(cpu)
  wrk -t2 -c16 -d"${SECONDS_EACH}s" --latency "$@" | report "$before"
}
alone() { # name, wrk args...: one connection, so the latency of a request with the server to itself
  local name=$1 before; shift
  echo "== $name, one connection"
  warm_up "$@"
  before=$(cpu)
  wrk -t1 -c1 -d15s --latency "$@" | report "$before"
}
wanted() { [[ " ${ONLY:-list stats get submit} " == *" $1 "* ]]; }
LIST="http://localhost:$PORT/v1/documents?status=completed&metadata%5Bcustomer_id%5D=cust_7&limit=50"
STATS="http://localhost:$PORT/v1/documents/stats?period=30d"
if wanted list; then
  run "filtered list (status=completed, metadata[customer_id], limit=50) with $JOBS jobs" -s "$ROOT/bench/get.lua" "$LIST"
  alone "filtered list with $JOBS jobs" -s "$ROOT/bench/get.lua" "$LIST"
fi
if wanted stats; then
  alone "stats period=30d with $JOBS jobs" -s "$ROOT/bench/get.lua" "$STATS"
  run "stats period=30d with $JOBS jobs" -s "$ROOT/bench/get.lua" "$STATS"
fi
if wanted get; then run "get one job" -s "$ROOT/bench/get.lua" "http://localhost:$PORT/v1/documents/$JOB"; fi
if wanted submit; then run "submit 100 kB document" -s "$ROOT/bench/submit.lua" "http://localhost:$PORT/v1/documents"; fi
