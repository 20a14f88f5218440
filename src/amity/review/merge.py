"""Merging two registry records that are one (and undoing it).

`keep` absorbs `drop`: everything that points at drop moves to keep, drop's names become
keep's aliases, fields keep lacks are filled from drop, many-to-many values are joined, and
a child row that would repeat one keep has (the same party twice) is set aside instead of
moved. The effects say exactly what changed, so undo puts both records back as they were.
The merge decision stays in the log, and `survivor_of` follows it from the old address.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

from amity.core.models import snapshot
from amity.registry import services
from amity.review.models import Citation, Decision
from amity.sources.models import Claim

# Bookkeeping and identity: never copied from one record to the other.
_OWN_FIELDS = {"id", "uid", "created", "updated", "name", "aliases"}


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


def _would_repeat(row, attname: str, target_pk) -> bool:
    """Would pointing `row` at the kept record make it a second copy of a row that is already there?

    The same party of one agreement twice, one person twice among a meeting's participants.
    """
    values = {}
    for field in row._meta.concrete_fields:
        if field.name in ("id", "uid", "created", "updated", "notes") or isinstance(field, models.JSONField):
            continue
        values[field.attname] = getattr(row, field.attname)
    values[attname] = target_pk
    return type(row)._base_manager.filter(**values).exclude(pk=row.pk).exists()


def _empty(value) -> bool:
    return value in (None, "", [], {})


def merge_records(keep, drop) -> dict:
    """Move everything that points at `drop` onto `keep`, then delete `drop`. Returns what undo needs."""
    if type(keep) is not type(drop):
        raise MergeError("only records of the same type can be merged")
    if keep.pk == drop.pk:
        raise MergeError("a record cannot be merged with itself")
    moved, set_aside = [], []
    for row, attname in _references(drop):
        row = type(row)._base_manager.filter(pk=row.pk).first()  # as it is now: setting one aside may touch others
        if row is None:
            continue
        if _would_repeat(row, attname, keep.pk):
            # keep already states it: the drop's copy is set aside (and comes back on undo)
            set_aside.append([row._meta.label_lower, snapshot(row)])
            services.delete(row)
            continue
        services.update(row, **{attname: keep.pk})
        moved.append([row._meta.label_lower, row.pk, attname])
    content_type = ContentType.objects.get_for_model(keep)
    claims = list(Claim.objects.filter(link_type=content_type, link_id=drop.pk).values_list("pk", flat=True))
    Claim.objects.filter(pk__in=claims).update(link_id=keep.pk)
    cited = set(Citation.objects.filter(content_type=content_type, object_id=keep.pk).values_list("field", "claim_id"))
    citations = [pk for pk, field, claim in Citation.objects.filter(content_type=content_type, object_id=drop.pk)
                 .values_list("pk", "field", "claim_id") if (field, claim) not in cited]
    Citation.objects.filter(pk__in=citations).update(object_id=keep.pk)
    keep_before = snapshot(keep)
    many_before = _many_values(keep)
    changes = {}
    if hasattr(keep, "aliases"):
        names = [n for n in [drop.name, *drop.aliases] if n not in [keep.name, *keep.aliases]]
        if names:
            changes["aliases"] = [*keep.aliases, *names]
    for field in keep._meta.concrete_fields:
        if field.name not in _OWN_FIELDS and _empty(getattr(keep, field.attname)) \
                and not _empty(getattr(drop, field.attname)) and not field.unique:
            changes[field.attname] = getattr(drop, field.attname)
    drop_many = _many_values(drop)
    for name, ids in drop_many.items():
        joined = sorted(set(many_before[name]) | set(ids))
        if joined != many_before[name]:
            changes[name] = joined
    also_listed = _move_listings(drop, keep)
    dropped = snapshot(drop)
    services.delete(drop)
    if changes:
        services.update(keep, **changes)
    return {"model": keep._meta.label_lower, "keep": keep.pk, "drop": dropped, "moved": moved,
            "set_aside": set_aside, "claims": claims, "citations": citations,
            "aliases_before": keep_before.get("aliases", []),
            "keep_before": {k: keep_before.get(k) for k in changes if k not in many_before},
            "many_before": {k: many_before[k] for k in changes if k in many_before},
            "drop_many": drop_many, "listings": also_listed}


def _many_values(obj) -> dict[str, list[int]]:
    return {field.name: sorted(getattr(obj, field.name).values_list("pk", flat=True))
            for field in obj._meta.many_to_many}


def _move_listings(drop, keep) -> list[list]:
    """Other records that list `drop` in a many-to-many (an editor's scope): list `keep` there instead."""
    listed = []
    for relation in drop._meta.related_objects:
        if not relation.many_to_many:
            continue
        name = relation.field.name
        for owner in relation.related_model._base_manager.filter(**{name: drop}):
            had_keep = getattr(owner, name).filter(pk=keep.pk).exists()
            getattr(owner, name).add(keep)
            listed.append([owner._meta.label_lower, owner.pk, name, had_keep])
    return listed


def unmerge(effects: dict) -> None:
    model = apps.get_model(effects["model"])
    drop = model(**effects["drop"])  # the snapshot, keyed by attname, brings back the same id and uid
    drop.save(force_insert=True)
    keep = model._base_manager.filter(pk=effects["keep"]).first()
    if keep is not None:
        restore = dict(effects.get("keep_before", {}))
        restore.update(effects.get("many_before", {}))
        if hasattr(keep, "aliases"):
            restore["aliases"] = effects["aliases_before"]
        if restore:
            services.update(keep, **restore)
    for name, ids in effects.get("drop_many", {}).items():
        services.update(drop, **{name: ids})
    for label, pk, attname in effects["moved"]:
        row = apps.get_model(label)._base_manager.filter(pk=pk).first()
        if row is not None:
            services.update(row, **{attname: drop.pk})
    for label, values in effects.get("set_aside", []):
        if not apps.get_model(label)._base_manager.filter(pk=values["id"]).exists():
            apps.get_model(label)(**values).save(force_insert=True)
    for label, pk, name, had_keep in effects.get("listings", []):
        owner = apps.get_model(label)._base_manager.filter(pk=pk).first()
        if owner is not None:
            getattr(owner, name).add(drop)
            if not had_keep and keep is not None:
                getattr(owner, name).remove(keep)
    Claim.objects.filter(pk__in=effects["claims"]).update(link_id=drop.pk)
    Citation.objects.filter(pk__in=effects["citations"]).update(object_id=drop.pk)


def survivor_of(model_label: str, pk: int, _seen: int = 0):
    """The record a merged-away record now lives on (following merges of merges), or None."""
    decision = (Decision.objects.filter(action=Decision.Action.MERGE, effects__model=model_label,
                                        effects__drop__id=pk, undone_by__isnull=True).order_by("-pk").first())
    if decision is None or _seen > 20:
        return None
    model = apps.get_model(model_label)
    survivor = model._base_manager.filter(pk=decision.effects["keep"]).first()
    if survivor is not None:
        return survivor
    return survivor_of(model_label, decision.effects["keep"], _seen + 1)
