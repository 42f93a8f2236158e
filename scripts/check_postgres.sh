#!/usr/bin/env bash
# Fail loudly (never skip) when the PostgreSQL server for the test run is not reachable.
set -euo pipefail
url="$1"
if ! .venv/bin/python - "$url" <<'PY'
import sys, psycopg
url = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
try:
    psycopg.connect(url, connect_timeout=5).close()
except Exception as exc:
    print(f"PostgreSQL not reachable at {url}: {exc}", file=sys.stderr)
    sys.exit(1)
PY
then
  echo "Start it (Debian): pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  exit 1
fi
