"""Writing to the registry: every create, update and delete goes through here.

Each call validates the record (the same rules as the admin forms), runs in a
transaction, and is logged with the current actor (see amity.core.actor).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction

from amity.core.actor import acting_as, current_actor
from amity.core.partialdate import PartialDate
from amity.registry.models import Agreement, AgreementStatusChange


def _as(actor: str | None):
    return acting_as(actor) if actor else acting_as(current_actor())


def create(model: type[models.Model], *, actor: str | None = None, savepoint: bool = True,
           **values) -> models.Model:
    """`savepoint=False`: the caller's own savepoint is rolled back if this fails (one query
    pair fewer per record when accepting in bulk); never catch this call's errors inside it."""
    many = {name: values.pop(name) for name in list(values) if _is_many_to_many(model, name)}
    obj = model(**values)
    with _as(actor), transaction.atomic(savepoint=savepoint), _childless(obj):
        _validate(obj, values)
        _save(obj, savepoint)
        _set_many(obj, {name: related for name, related in many.items() if related}, new=True)
    return obj


@contextmanager
def _childless(obj: models.Model):
    """While it is created, no row refers to the record yet: what reads its children (an
    agreement's name, in its change-log entries, lists its parties) finds none without asking."""
    empty = {rel.cache_name: rel.related_model._base_manager.none()
             for rel in obj._meta.related_objects if rel.one_to_many}
    cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
    cache.update({name: queryset for name, queryset in empty.items() if name not in cache})
    try:
        yield
    finally:
        for name, queryset in empty.items():
            if cache.get(name) is queryset:
                del cache[name]


def _set_many(obj: models.Model, many: dict, new: bool = False) -> None:
    """Set many-to-many values (an agreement's fields, an engagement's topics) and log the change."""
    if not many:
        return
    if new:  # a new record has none yet: nothing to read before or after
        before = {name: [] for name in many}
        for name, related in many.items():
            getattr(obj, name).add(*related)
        after = {name: sorted({getattr(r, "pk", r) for r in related}) for name, related in many.items()}
    else:
        before = {name: sorted(getattr(obj, name).values_list("pk", flat=True)) for name in many}
        for name, related in many.items():
            getattr(obj, name).set(related)
        after = {name: sorted(getattr(obj, name).values_list("pk", flat=True)) for name in many}
    if before != after:
        obj._log("update", before, after)


def update(obj: models.Model, *, actor: str | None = None, savepoint: bool = True, **values) -> models.Model:
    """`savepoint`: as for `create`."""
    many = {name: values.pop(name) for name in list(values) if _is_many_to_many(type(obj), name)}
    for name, value in values.items():
        setattr(obj, name, value)
    with _as(actor), transaction.atomic(savepoint=savepoint):
        _validate(obj, values)
        _save(obj, savepoint)
        _set_many(obj, many)
    return obj


def _save(obj: models.Model, savepoint: bool) -> None:
    if savepoint:
        obj.save()
    else:
        obj.save(savepoint=False)  # a logged model's option (amity.core.models.LoggedModel)


def _validate(obj: models.Model, given: dict) -> None:
    """`full_clean`, without reading again what cannot have changed: a reference given as a saved
    record, or one this call does not set (the database's foreign keys keep those rows), and
    a uid the record was not given (a fresh random one). Bulk accepting is bound by these reads."""
    trusted = {field.name for field in obj._meta.concrete_fields
               if field.many_to_one and getattr(obj, field.attname) is not None and (
                   field.name not in given and field.attname not in given
                   or isinstance(given.get(field.name), models.Model) and given[field.name].pk is not None)}
    unique_exclude = {"uid"} - set(given)
    errors: dict = {}
    checks = [lambda: obj.full_clean(exclude=trusted, validate_unique=False, validate_constraints=False),
              lambda: obj.validate_unique(exclude=unique_exclude), obj.validate_constraints]
    for check in checks:
        try:
            check()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def delete(obj: models.Model, *, actor: str | None = None) -> None:
    with _as(actor), transaction.atomic():
        obj.delete()


def set_agreement_status(
    agreement: Agreement, status: str, date: PartialDate | str | None = None, *, actor: str | None = None
) -> AgreementStatusChange:
    """Move an agreement to a new status and append the step to its history."""
    with _as(actor), transaction.atomic():
        change = create(AgreementStatusChange, agreement=agreement, status=status, date=PartialDate.coerce(date))
        fields = {"status": status}
        if status == Agreement.Status.SIGNED and date and not agreement.signed_date:
            fields["signed_date"] = PartialDate.coerce(date)
        update(agreement, **fields)
    return change


def _is_many_to_many(model: type[models.Model], name: str) -> bool:
    try:
        return model._meta.get_field(name).many_to_many
    except Exception:
        return False
