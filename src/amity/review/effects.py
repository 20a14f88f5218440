"""Recording what a decision does to the registry, so it can be cited and undone."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from amity.core.models import snapshot
from amity.registry import services
from amity.review.models import Citation


def model_label(obj) -> str:
    return obj._meta.label_lower


class Effects:
    """Creates and updates through the registry services, remembering each one."""

    def __init__(self, run=None) -> None:
        self.run = run  # an accept run (amity.review.run.AcceptRun) the decision is part of, if any
        self.created: list[list] = []
        self.updated: list[list] = []
        self.citations: list[tuple[object, str]] = []
        self.notes: list[str] = []
        self.records: list = []  # every record created or changed, as it now is (for the scope check)

    # Every decision runs in its own savepoint (amity.review.services), which a failure rolls
    # back whole, so the records it writes need none of their own.
    def create(self, model, **values):
        obj = services.create(model, savepoint=False, **values)
        self.created.append([model_label(obj), obj.pk])
        self.records.append(obj)
        if self.run is not None:
            self.run.touch(obj)
        return obj

    def fill(self, obj, **values):
        """Set only the fields that are empty: what a person set is never overwritten."""
        changes = {}
        for name, value in values.items():
            if value in (None, "", []):
                continue
            current = getattr(obj, name)
            if current in (None, "", []):
                changes[name] = value
            elif str(current) != str(value):
                self.notes.append(f"kept {obj._meta.model_name}.{name} = {current} (article says {value})")
        return self.update(obj, **changes) if changes else obj

    def update(self, obj, **values):
        before = snapshot(obj)
        fields = {obj._meta.get_field(name).attname for name in values}
        services.update(obj, savepoint=False, **values)
        self.updated.append([model_label(obj), obj.pk, {name: before.get(name) for name in fields}])
        self.records.append(obj)
        if self.run is not None:
            self.run.touch(obj, updated=True)
        return obj

    def add_alias(self, obj, *names: str):
        aliases = list(obj.aliases)
        for name in names:
            if name and name.strip() and name.strip() not in [obj.name, *aliases]:
                aliases.append(name.strip())
        if aliases != obj.aliases:
            self.update(obj, aliases=aliases)

    def cite(self, obj, field: str = "") -> None:
        self.citations.append((obj, field))

    def as_json(self) -> dict:
        return {"created": self.created, "updated": self.updated, "notes": self.notes}


def citations(effects: Effects, claim, decision) -> list[Citation]:
    """The citations a decision adds: each record and field it touched, citing the claim."""
    return [Citation(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, field=field,
                     claim=claim, decision=decision) for obj, field in effects.citations]


def save_citations(effects: Effects, claim, decision) -> None:
    # One statement; a citation that is already there keeps the decision that made it.
    Citation.objects.bulk_create(citations(effects, claim, decision), ignore_conflicts=True)


def revert(effects: dict) -> None:
    """Undo recorded effects: restore changed fields, then delete what was created (newest first)."""
    for label, pk, before in reversed(effects.get("updated", [])):
        obj = apps.get_model(label)._base_manager.filter(pk=pk).first()
        if obj is not None:
            services.update(obj, **before)  # keys are attnames (place_id …), which setattr accepts
    for label, pk in reversed(effects.get("created", [])):
        obj = apps.get_model(label)._base_manager.filter(pk=pk).first()
        if obj is not None:
            services.delete(obj)

