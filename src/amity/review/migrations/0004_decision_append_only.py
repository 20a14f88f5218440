"""Decisions are append-only in the database: triggers reject UPDATE and DELETE (see amity.review.append_only).

On SQLite a later migration that rebuilds review_decision drops these triggers with the old
table: such a migration must create them again (tests/review/test_append_only.py checks).
"""

from django.db import migrations

MESSAGE = "the review log is append-only: decisions are never changed or deleted (undo appends a new one)"

SQLITE = [
    f"""CREATE TRIGGER review_decision_no_update BEFORE UPDATE ON review_decision
        WHEN amity_review_log_unlocked() = 0
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER review_decision_no_delete BEFORE DELETE ON review_decision
        WHEN amity_review_log_unlocked() = 0
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS review_decision_no_update", "DROP TRIGGER IF EXISTS review_decision_no_delete"]

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION review_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$""",
    """CREATE TRIGGER review_decision_append_only BEFORE UPDATE OR DELETE ON review_decision
        FOR EACH ROW EXECUTE FUNCTION review_decision_append_only()""",
]
POSTGRESQL_REVERSE = ["DROP TRIGGER IF EXISTS review_decision_append_only ON review_decision",
                      "DROP FUNCTION IF EXISTS review_decision_append_only()"]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("review", "0003_mergecandidate_features")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
