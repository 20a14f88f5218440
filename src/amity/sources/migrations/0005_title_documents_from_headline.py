"""Documents saved without a title are titled from their headline, as new ones are at ingest."""

from django.db import migrations

from amity.registry.readable import headline


def title_from_headline(apps, schema_editor):
    Document = apps.get_model("sources", "Document")
    for pk, text in Document.objects.filter(title="").values_list("pk", "text").iterator():
        title = headline(text)[:500]
        if title:  # update(): the historical model has no save() computing the checksum, nor needs it
            Document.objects.filter(pk=pk, title="").update(title=title)


class Migration(migrations.Migration):

    dependencies = [
        ("sources", "0004_translatable_model_names"),
    ]

    operations = [
        migrations.RunPython(title_from_headline, migrations.RunPython.noop),
    ]
