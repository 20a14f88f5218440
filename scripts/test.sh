#!/usr/bin/env bash
# The project's whole test run: lint, migration check, the test suite on SQLite
# and on PostgreSQL. `make test` and .ci/run call this.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
BIN=$VENV/bin
export AMITY_HOME=${AMITY_TEST_HOME:-$(mktemp -d -t amity-test-XXXXXX)}
PG_URL=${AMITY_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432/amity}

[ -x scripts/install-chromium.sh ] && scripts/install-chromium.sh

echo "== lint (ruff)"
"$BIN/ruff" check src tests bench scripts

echo "== migrations are complete"
"$BIN/amity" manage makemigrations --check --dry-run

echo "== the extract package imports no Django"
"$BIN/python" - <<'PY'
import sys
import amity.extract, amity.extract.cli  # noqa: F401
leaked = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
assert not leaked, f"amity.extract imports Django: {leaked[:5]}"
print("ok")
PY

echo "== tests on SQLite"
env -u DATABASE_URL "$BIN/pytest" "$@"

echo "== tests that use a database, on PostgreSQL ($PG_URL)"
scripts/ensure-postgres.sh "$PG_URL"
AMITY_DB_TESTS_ONLY=1 DATABASE_URL=$PG_URL "$BIN/pytest" "$@"
