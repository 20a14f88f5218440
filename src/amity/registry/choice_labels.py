"""Labels a person reads for the stored choice values of the records a claim can become.

The registry's choices are labelled in the reader's language (amity.registry.models.choices);
this module only looks them up by the kind of fact, and adds countries (pycountry's shipped
translations) and cooperation fields (their Korean names).
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache

from django.utils.translation import get_language, gettext

from amity.registry import models as m

MODEL_CHOICES = {
    "place": m.Place.Kind, "organization": m.Organization.Kind, "engagement": m.Engagement.Type,
    "agreement": m.Agreement.Type, "agreement_status": m.Agreement.Status,
}


def choice_label(kind: str, value: str | None) -> str:
    """The reader's label for a stored value; the value itself when it is not a known choice."""
    if not value:
        return ""
    label = dict(MODEL_CHOICES[kind].choices).get(value) if kind in MODEL_CHOICES else None
    return str(label) if label is not None else str(value).replace("_", " ")


def choices(kind: str, blank: bool = False) -> list[tuple[str, str]]:
    """(value, label) for every value the registry accepts, in the reader's language."""
    found = [(value, str(label)) for value, label in MODEL_CHOICES[kind].choices]
    return ([("", "—")] if blank else []) + found


@lru_cache(maxsize=8)
def _country_names(language: str):
    import pycountry

    try:
        names = _gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    except OSError:
        names = str
    return sorted(((c.alpha_2, names(getattr(c, "common_name", None) or c.name)) for c in pycountry.countries),
                  key=lambda pair: pair[1])


def country_choices(blank: bool = True) -> list[tuple[str, str]]:
    """Every ISO country by its name in the reader's language (pycountry's shipped translations)."""
    language = (get_language() or "en").split("-")[0]
    return ([("", "—")] if blank else []) + _country_names(language)


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return dict(country_choices(blank=False)).get(code.upper(), code)


def field_choices() -> list[tuple[str, str]]:
    """Cooperation fields, by their Korean name in a Korean session."""
    korean = (get_language() or "").startswith("ko")
    return [(f.code, (f.name_ko if korean and f.name_ko else f.name)) for f in m.Field.objects.order_by("name")]


def yes_no(value: bool) -> str:
    return gettext("yes") if value else gettext("no")
