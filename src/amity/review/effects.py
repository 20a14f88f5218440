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

    def __init__(self) -> None:
        self.created: list[list] = []
        self.updated: list[list] = []
        self.citations: list[tuple[object, str]] = []
        self.notes: list[str] = []

    def create(self, model, **values):
        obj = services.create(model, **values)
        self.created.append([model_label(obj), obj.pk])
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
        services.update(obj, **values)
        self.updated.append([model_label(obj), obj.pk, {name: before.get(name) for name in fields}])
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


def save_citations(effects: Effects, claim, decision) -> None:
    for obj, field in effects.citations:
        Citation.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, field=field, claim=claim,
            defaults={"decision": decision},
        )


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

