"""Which tables a lossless dump holds, found through Django's app registry.

The dump must carry review decisions, claims, accounts and the portfolio, yet transfer sits
below review, accounts and portfolio (tests/test_architecture.py): it never imports them.
Asking `django.apps` for every installed model keeps that layering and means a model added
later is dumped without anyone remembering to list it here.
"""

from __future__ import annotations

from django.apps import apps

# Left out on purpose, each with its reason (the README and the file's header repeat them).
LEFT_OUT = {
    "contenttypes.contenttype": "made by `amity init` (migrate); rows refer to it by app and model name",
    "auth.permission": "made by `amity init` (migrate); rows refer to it by app and codename",
    "sessions.session": "sign-ins: users sign in again",
    "accounts.apitoken": "API tokens are secrets: issue new ones with `amity token create`",
    "portfolio.feedkey": "calendar feed keys are secrets: each user gets a new feed address",
    "accounts.failedattempt": "sign-in throttling counters, which expire in 15 minutes",
}
PASSWORDS_LEFT_OUT = "users are restored without their password hashes: set one with `amity manage changepassword USERNAME`"

# Natural keys for the tables that are made, not dumped: (model label, the fields that name a row).
NATURAL = {
    "contenttypes.contenttype": ("app_label", "model"),
    "auth.permission": ("content_type__app_label", "codename"),
}


def dumped_models() -> list[type]:
    """Every concrete table of the installation except those LEFT_OUT, in a stable order."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in LEFT_OUT:
            continue
        found.append(model)
    return sorted(found, key=lambda model: model._meta.label_lower)


def natural_target(field) -> str | None:
    """The label of a made-not-dumped table this foreign key points to, if it does."""
    target = getattr(field, "related_model", None)
    if not field.concrete or target is None or not (field.many_to_one or field.one_to_one):
        return None
    label = target._meta.label_lower
    return label if label in NATURAL else None


def natural_keys(label: str) -> dict[int, list[str]]:
    """id -> natural key of every row of a made-not-dumped table."""
    model = apps.get_model(label)
    names = NATURAL[label]
    return {row[0]: list(row[1:]) for row in model._base_manager.values_list("pk", *names)}
