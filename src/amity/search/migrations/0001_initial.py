from django.db import migrations, models

# SQLite: an FTS5 table kept in step with search_searchentry by triggers (external content).
SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, names, body, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, names, body) VALUES (new.id, new.title, new.names, new.body);
    END""",
    """CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, names, body)
        VALUES ('delete', old.id, old.title, old.names, old.body);
    END""",
    """CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, names, body)
        VALUES ('delete', old.id, old.title, old.names, old.body);
        INSERT INTO search_fts(rowid, title, names, body) VALUES (new.id, new.title, new.names, new.body);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
# PostgreSQL: a GIN index on the same tsvector expression the search query uses.
POSTGRES_FORWARD = [
    """CREATE INDEX search_entry_tsv ON search_searchentry USING GIN (
        (setweight(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(names, '')), 'A')
         || setweight(to_tsvector('simple', coalesce(body, '')), 'B')))""",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_entry_tsv"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(vendor, []):
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="IndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_change", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=20)),
                ("object_id", models.BigIntegerField()),
                ("title", models.CharField(max_length=500)),
                ("names", models.TextField(blank=True, help_text="every name variant of the record and what it involves")),
                ("body", models.TextField(blank=True, help_text="descriptions; the full text of an article")),
                ("countries", models.CharField(blank=True, help_text="' KR SI ' (space separated)", max_length=300)),
                ("fields", models.CharField(blank=True, help_text="' tourism culture_arts '", max_length=500)),
                ("date_from", models.CharField(blank=True, max_length=10)),
                ("date_to", models.CharField(blank=True, max_length=10)),
            ],
            options={
                "indexes": [models.Index(fields=["kind", "date_from"], name="search_sear_kind_ce6269_idx")],
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique")],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
