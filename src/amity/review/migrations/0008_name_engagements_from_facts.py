"""Engagements stored untitled, or titled only by their kind ("Meeting"), are named from their
facts in the language of the article they came from — as accepting a claim now names them.
A title a person wrote is left alone; `generated_title` remembers the name Amity wrote."""

from django.db import migrations
from django.utils import translation

from amity.registry.readable import facts_title
from amity.review.naming import article_language

BATCH = 500


def _placeholder(engagement) -> bool:
    """No title, or only the kind's word (the old default) — nothing a person chose."""
    from amity.registry.models import Engagement

    with translation.override("en"):
        label = str(dict(Engagement.Type.choices).get(engagement.type, ""))
    return engagement.title.strip().lower() in {"", "meeting", engagement.type, label.lower()}


def _languages(apps) -> dict[int, str]:
    """Engagement id -> the language of the first article cited for it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Citation = apps.get_model("review", "Citation")
    kind = ContentType.objects.filter(app_label="registry", model="engagement").first()
    if kind is None:
        return {}
    found: dict[int, str] = {}
    rows = Citation.objects.filter(content_type=kind).order_by("pk").values_list("object_id", "claim__document__language")
    for object_id, language in rows.iterator():
        found.setdefault(object_id, language or "")
    return found


def name_from_facts(apps, schema_editor):
    Engagement = apps.get_model("registry", "Engagement")
    wanted = [e.pk for e in Engagement.objects.only("pk", "type", "title").iterator() if _placeholder(e)]
    if not wanted:
        return
    languages = _languages(apps)
    related = ("participants__person__positions__of_place", "participants__person__positions__of_organization",
               "participants__organization", "participants__place")
    for start in range(0, len(wanted), BATCH):
        batch = Engagement.objects.filter(pk__in=wanted[start:start + BATCH]).select_related("place")
        for engagement in batch.prefetch_related(*related):
            with translation.override(article_language(languages.get(engagement.pk))):
                title = facts_title(engagement)[:300]
            Engagement.objects.filter(pk=engagement.pk).update(title=title, generated_title=title)


class Migration(migrations.Migration):

    dependencies = [
        ("review", "0007_translatable_names_and_choices"),
        ("registry", "0006_engagement_generated_title"),
        ("sources", "0005_title_documents_from_headline"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(name_from_facts, migrations.RunPython.noop),
    ]
