#!/usr/bin/env bash
# The postgres dialect on a real PostgreSQL server: for every demo spec, load the CSV into a
# throw-away server (column types as DuckDB infers them, without BOOLEAN), run the query
# `candor sql --dialect postgres` prints, audit its result with --cells, and compare audit.json
# with the embedded engine's (equal but for provenance, screen and the input findings).
# Needs PostgreSQL's initdb/pg_ctl/psql and DuckDB's Python package (for the column types);
# as root, the server runs as `nobody`. Usage: scripts/postgres_cells.sh [CANDOR_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
T="${1:-${CARGO_TARGET_DIR:-target}/release/candor}"
PY="${CANDOR_DUCKDB_PYTHON:-$HOME/.cache/candor-duckdb/venv/bin/python}"
W=$(mktemp -d /tmp/candor-pg-XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then
  chown nobody "$W"
  AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${AS[@]}" initdb -D "$W/data" -U candor --auth=trust >"$W/initdb.log"
"${AS[@]}" pg_ctl -D "$W/data" -l "$W/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories=$W -p 55432" start >/dev/null
trap '"${AS[@]}" pg_ctl -D "$W/data" -w stop >/dev/null; rm -rf "$W"' EXIT
pg() { psql -q -v ON_ERROR_STOP=1 -h "$W" -p 55432 -U candor -d postgres "$@"; }
status=0
for spec in datasets/*.toml; do
  n=$(basename "$spec" .toml)
  [ "$n" = ground_truth ] && continue
  "$PY" - "datasets/$n.csv" "$n" >"$W/$n.create.sql" <<'PYEOF'
import duckdb, sys
rel = duckdb.sql("select * from read_csv(?, auto_type_candidates=['BIGINT','DOUBLE','VARCHAR'])",
                 params=[sys.argv[1]])
m = {'BIGINT': 'bigint', 'DOUBLE': 'double precision', 'VARCHAR': 'text'}
cols = ', '.join('"%s" %s' % (c.replace('"', '""'), m[str(t)]) for c, t in zip(rel.columns, rel.types))
print('CREATE TABLE "%s" (%s);' % (sys.argv[2], cols))
PYEOF
  pg -f "$W/$n.create.sql"
  pg -c "\\copy \"$n\" FROM 'datasets/$n.csv' WITH (FORMAT csv, HEADER true)"
  query=$("$T" sql --spec "$spec" --table "\"$n\"" --dialect postgres | grep -v '^--' | tr '\n' ' ')
  pg -c "\\copy ($query) TO '$W/$n.cells.csv' WITH (FORMAT csv, HEADER true)"
  "$T" -q audit --spec "$spec" --format json --out "$W/$n-embedded"
  "$T" -q audit --spec "$spec" --cells "$W/$n.cells.csv" --format json --out "$W/$n-postgres"
  python3 - "$W/$n-embedded/audit.json" "$W/$n-postgres/audit.json" "$n" <<'PYEOF' || status=1
import json, sys
e, c = (json.load(open(p)) for p in sys.argv[1:3])
differ = sorted(k for k in e if e[k] != c[k])
strip = lambda a: [{k: v for k, v in f.items() if k != 'id'} for f in a['findings'] if 'metric' in f]
ok = set(differ) <= {'provenance', 'screen', 'findings'} and strip(e) == strip(c)
print('%-14s %s: cells %d, fields that differ %s, disparity findings equal: %s'
      % (sys.argv[3], 'ok' if ok else 'DIFFERENT', sum(1 for _ in open(sys.argv[2].replace('-postgres/audit.json', '.cells.csv'))) - 1,
         differ, strip(e) == strip(c)))
sys.exit(0 if ok else 1)
PYEOF
done
exit $status
