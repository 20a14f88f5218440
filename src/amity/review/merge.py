"""Merging two registry records that are one (and undoing it)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from amity.core.models import snapshot
from amity.registry import services
from amity.review.models import Citation
from amity.sources.models import Claim


class MergeError(ValueError):
    pass


def _references(obj) -> list[tuple[object, str]]:
    """Every (row, foreign-key attname) that points at obj."""
    found = []
    for relation in obj._meta.related_objects:
        if relation.many_to_many or not relation.field.concrete:
            continue
        model = relation.related_model
        for row in model._base_manager.filter(**{relation.field.name: obj}):
            found.append((row, relation.field.attname))
    return found


def merge_records(keep, drop) -> dict:
    """Move everything that points at `drop` onto `keep`, keep drop's names as aliases,
    delete `drop`. Returns what is needed to undo it."""
    if type(keep) is not type(drop):
        raise MergeError("only records of the same type can be merged")
    if keep.pk == drop.pk:
        raise MergeError("a record cannot be merged with itself")
    moved = []
    for row, attname in _references(drop):
        services.update(row, **{attname: keep.pk})
        moved.append([row._meta.label_lower, row.pk, attname])
    content_type = ContentType.objects.get_for_model(keep)
    claims = list(Claim.objects.filter(link_type=content_type, link_id=drop.pk).values_list("pk", flat=True))
    Claim.objects.filter(pk__in=claims).update(link_id=keep.pk)
    citations = list(Citation.objects.filter(content_type=content_type, object_id=drop.pk).values_list("pk", flat=True))
    Citation.objects.filter(pk__in=citations).update(object_id=keep.pk)
    aliases_before = list(getattr(keep, "aliases", []))
    if hasattr(keep, "aliases"):
        names = [n for n in [drop.name, *drop.aliases] if n not in [keep.name, *keep.aliases]]
        if names:
            services.update(keep, aliases=[*keep.aliases, *names])
    dropped = snapshot(drop)
    services.delete(drop)
    return {"model": keep._meta.label_lower, "keep": keep.pk, "drop": dropped, "moved": moved,
            "claims": claims, "citations": citations, "aliases_before": aliases_before}


def unmerge(effects: dict) -> None:
    from django.apps import apps

    model = apps.get_model(effects["model"])
    drop = model(**effects["drop"])  # the snapshot, keyed by attname, brings back the same id and uid
    drop.save(force_insert=True)
    for label, pk, attname in effects["moved"]:
        row = apps.get_model(label)._base_manager.filter(pk=pk).first()
        if row is not None:
            services.update(row, **{attname: drop.pk})
    Claim.objects.filter(pk__in=effects["claims"]).update(link_id=drop.pk)
    Citation.objects.filter(pk__in=effects["citations"]).update(object_id=drop.pk)
    keep = model._base_manager.filter(pk=effects["keep"]).first()
    if keep is not None and hasattr(keep, "aliases"):
        services.update(keep, aliases=effects["aliases_before"])
