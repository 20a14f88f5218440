"""The change log and the base class of every logged registry model."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import decimal
import functools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.deletion import Collector
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.actor import current_actor, current_request_id
from amity.core.partialdate import PartialDate


class ChangeLog(models.Model):
    """One create, update or delete of a registry object, with before/after values."""

    class Action(models.TextChoices):
        CREATE = "create", pgettext_lazy("change action", "Create")
        UPDATE = "update", pgettext_lazy("change action", "Update")
        DELETE = "delete", pgettext_lazy("change action", "Delete")

    time = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.CharField(_("actor"), max_length=150, db_index=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, verbose_name=_("content type"), on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField(_("object id"), db_index=True)
    object_repr = models.CharField(_("object repr"), max_length=300)
    # A change of a part (an agreement's party, an alliance's member) is also shown
    # in the history of the whole it belongs to.
    parent_type = models.ForeignKey(
        ContentType, verbose_name=_("parent type"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    parent_id = models.BigIntegerField(_("parent id"), null=True, blank=True, db_index=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("change log entry")
        verbose_name_plural = _("change log")
        ordering = ["-time", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"

    @property
    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        return sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key))


def history_of(obj) -> models.QuerySet[ChangeLog]:
    """Every logged change of `obj` and of its parts, newest first."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return ChangeLog.objects.filter(
        models.Q(content_type=content_type, object_id=obj.pk)
        | models.Q(parent_type=content_type, parent_id=obj.pk)
    )


def json_value(value):
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def snapshot(obj) -> dict:
    """The object's loaded field values as JSON (foreign keys as ids)."""
    values = {}
    for field in obj._meta.concrete_fields:
        if getattr(field, "auto_now", False) or field.attname not in obj.__dict__:
            continue  # the "updated" stamp changes on every save; the log has its own time
        values[field.attname] = json_value(getattr(obj, field.attname))
    return values


# Entries kept back to be written together (`log_written_together`); None: written at once.
_held: contextvars.ContextVar[list | None] = contextvars.ContextVar("amity_changelog_held", default=None)


@contextlib.contextmanager
def log_written_together():
    """Inside, change-log entries are kept and written by `write_held_log()` in one statement per
    500 (bulk accepting writes thousands). The caller writes them inside the same transaction as the
    rows they describe, and drops them (`held_log_mark`/`drop_held_log_since`) with a rolled-back
    savepoint. Each entry keeps the actor and request id of when it was made."""
    if _held.get() is not None:
        yield
        return
    token = _held.set([])
    try:
        yield
        if _held.get():
            raise RuntimeError(f"{len(_held.get())} change-log entries were neither written nor dropped")
    finally:
        _held.reset(token)


def held_log_mark() -> int:
    held = _held.get()
    return len(held) if held is not None else 0


def drop_held_log_since(mark: int) -> None:
    held = _held.get()
    if held is not None:
        del held[mark:]


def write_held_log() -> None:
    held = _held.get()
    if held:
        ChangeLog.objects.bulk_create(held, batch_size=500)
        held.clear()


@functools.cache
def _auto_now_attnames(model) -> frozenset[str]:
    return frozenset(f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False))


class LoggedModel(models.Model):
    """Base of every registry model: saves and deletes write the change log.

    `changelog_parent` names a foreign key whose target also shows this change in
    its history (e.g. an agreement for its parties).
    """

    changelog_parent: str | None = None

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Kept as loaded; turned into a snapshot only if the row is saved (a page loads hundreds of rows
        # and saves none: building every snapshot up front was a third of a list page's time).
        instance._loaded_values = (field_names, values)
        return instance

    def _before_snapshot(self) -> dict | None:
        if "_loaded_snapshot" in self.__dict__:
            return self._loaded_snapshot
        loaded = self.__dict__.get("_loaded_values")
        if loaded is None:
            return None
        skip = _auto_now_attnames(type(self))
        return {name: json_value(value) for name, value in zip(*loaded, strict=True) if name not in skip}

    def save(self, *args, savepoint: bool = True, **kwargs):
        """`savepoint=False` when the caller's savepoint covers the row and its log (bulk accepting)."""
        before = self._before_snapshot() if self.pk else None
        with transaction.atomic(savepoint=savepoint):
            super().save(*args, **kwargs)
            after = snapshot(self)
            if before is None:
                self._log(ChangeLog.Action.CREATE, None, after)
            elif before != after:
                self._log(ChangeLog.Action.UPDATE, before, after)
        self._loaded_snapshot = after

    def delete(self, *args, **kwargs):
        # Log what the cascade removes too, so no deletion goes unrecorded.
        collector = Collector(using=self._state.db or "default")
        collector.collect([self])
        with transaction.atomic():
            for model, instances in collector.data.items():
                if issubclass(model, LoggedModel):
                    # The collector may hold partly loaded rows; log complete ones.
                    for instance in model._base_manager.filter(pk__in=[i.pk for i in instances]):
                        instance._log(ChangeLog.Action.DELETE, snapshot(instance), None)
            return super().delete(*args, **kwargs)

    def _log(self, action: str, before: dict | None, after: dict | None) -> None:
        parent_type = parent_id = None
        if self.changelog_parent:
            parent = getattr(self, self.changelog_parent, None)
            if parent is not None:
                parent_type = ContentType.objects.get_for_model(parent, for_concrete_model=True)
                parent_id = parent.pk
        if action == ChangeLog.Action.UPDATE:
            changed = {key for key in after if before.get(key) != after.get(key)}
            before = {key: before.get(key) for key in changed}
            after = {key: after[key] for key in changed}
        entry = ChangeLog(
            actor=current_actor(),
            request_id=current_request_id(),
            action=action,
            content_type=ContentType.objects.get_for_model(self, for_concrete_model=True),
            object_id=self.pk,
            object_repr=str(self)[:300],
            parent_type=parent_type,
            parent_id=parent_id,
            before=before,
            after=after,
        )
        held = _held.get()
        if held is None:
            entry.save()
        else:
            held.append(entry)
