#!/usr/bin/env bash
# Make sure the PostgreSQL server the tests use is up (it runs on every dev and CI machine).
set -euo pipefail
url=${1:-postgresql://postgres@127.0.0.1:5432/amity}
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! ready && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi
ready || { echo "PostgreSQL is not reachable at 127.0.0.1:5432 ($url)" >&2; exit 1; }
