#!/usr/bin/env bash
# Field accuracy through the HTTP API, exactly as a customer sees it: starts its own service on a
# temporary SQLite database, runs ../shared/eval/evaluate.py on every corpus (or the ones given)
# with a test key, prints the summary line of all corpora together and one per corpus, and stops.
# Usage: bench/eval.sh [CORPUS_DIR...]   (default: every folder in ../shared/corpus)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EVAL="${EVAL:-$ROOT/../shared/eval/evaluate.py}" PORT="${PORT:-18090}"
if [ $# -eq 0 ]; then set -- "$ROOT"/../shared/corpus/*/; fi

DATA="$(mktemp -d)"
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
DOCEXTRACT_DATA_DIR="$DATA" DOCEXTRACT_PORT="$PORT" "$ROOT/docextract" serve >"$DATA/server.log" 2>&1 &
SERVER=$!
# The keys are written once the server is up, so they may lag its first answers.
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/readyz" >/dev/null && grep -qs "test key" "$DATA/bootstrap-keys.txt" && break; sleep 1; done
KEY=$(awk '/test key/ {print $3}' "$DATA/bootstrap-keys.txt")
REPORTS="${REPORTS:-$ROOT/target/eval}"
mkdir -p "$REPORTS"

ARGS=()
for corpus in "$@"; do ARGS+=(--corpus "${corpus%/}"); done
python3 "$EVAL" --base-url "http://localhost:$PORT" --api-key "$KEY" "${ARGS[@]}" \
    --report "$REPORTS/all.json" -q 2>"$REPORTS/eval.log" | tail -n 1
python3 - "$REPORTS/all.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
fmt = lambda x: "n/a" if x is None else f"{x:.3f}"
for name, d in sorted(report["datasets"].items()):
    o = d["overall"]
    print(f"  {name:22} docs={d['documents']:3} acc={fmt(o['accuracy'])} items_f1={fmt(d['line_items_f1'])}"
          f" ece={fmt(o['ece'])} acc@0.9={fmt(o['acc_at_0_9'])} cov@0.9={fmt(o['cov_at_0_9'])}"
          f" not_completed={d['not_completed']}")
PY
