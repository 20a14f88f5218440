"""Writing to the registry: every create, update and delete goes through here.

Each call validates the record (the same rules as the admin forms), runs in a
transaction, and is logged with the current actor (see amity.core.actor).
"""

from __future__ import annotations

from django.db import models, transaction

from amity.core.actor import acting_as, current_actor
from amity.core.partialdate import PartialDate
from amity.registry.models import Agreement, AgreementStatusChange


def _as(actor: str | None):
    return acting_as(actor) if actor else acting_as(current_actor())


def create(model: type[models.Model], *, actor: str | None = None, **values) -> models.Model:
    many = {name: values.pop(name) for name in list(values) if _is_many_to_many(model, name)}
    obj = model(**values)
    with _as(actor), transaction.atomic():
        obj.full_clean()
        obj.save()
        _set_many(obj, many)
    return obj


def _set_many(obj: models.Model, many: dict) -> None:
    """Set many-to-many values (an agreement's fields, an engagement's topics) and log the change."""
    if not many:
        return
    before = {name: sorted(getattr(obj, name).values_list("pk", flat=True)) for name in many}
    for name, related in many.items():
        getattr(obj, name).set(related)
    after = {name: sorted(getattr(obj, name).values_list("pk", flat=True)) for name in many}
    if before != after:
        obj._log("update", before, after)


def update(obj: models.Model, *, actor: str | None = None, **values) -> models.Model:
    many = {name: values.pop(name) for name in list(values) if _is_many_to_many(type(obj), name)}
    for name, value in values.items():
        setattr(obj, name, value)
    with _as(actor), transaction.atomic():
        obj.full_clean()
        obj.save()
        _set_many(obj, many)
    return obj


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
