"""The registry's choices for the codes of amity.extract.codes, labelled in the reader's language.

The codes and their English labels are defined once, in amity.extract.codes (no Django there);
here each label is wrapped in a lazy translation, so `get_<field>_display()` (pages, reports, the
admin) shows it in the active language. The translation context is the table's name, which keeps
apart words that are alike in English ("Signed" the status, "Signed" the date). The Korean labels
are in this app's catalog, locale/ko/LC_MESSAGES/django.po (tests/test_translations.py checks that
every code has one).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy

from amity.extract import codes

# translation context -> code table
CONTEXTS: dict[str, dict[str, str]] = {
    "event type": codes.EVENT_TYPES,
    "agreement type": codes.AGREEMENT_TYPES,
    "agreement status": codes.AGREEMENT_STATUSES,
    "organization kind": codes.ORGANIZATION_KINDS,
    "place kind": codes.PLACE_KINDS,
    "admin level": codes.ADMIN_LEVELS,
}


def translated_choices(name: str, context: str) -> type[models.TextChoices]:
    """The TextChoices of the code table CONTEXTS[context], its labels translated in that context."""
    return models.TextChoices(
        name, [(member, (code, pgettext_lazy(context, label))) for member, (code, label) in codes.choices(CONTEXTS[context])]
    )
