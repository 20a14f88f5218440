"""Labels a person reads for the stored choice values of the records a claim can become.

The registry keeps its choices in English; these are the same labels marked for
translation, so select boxes and sentences show them in the reader's language.
tests/web/test_review_forms.py checks that every choice of these models is here.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache

from django.utils.translation import get_language, gettext, pgettext_lazy

from amity.registry import models as m

# kind -> value -> label; the translation context keeps "other" of each kind apart.
LABELS = {
    "place": {
        "country": pgettext_lazy("place", "country"),
        "province": pgettext_lazy("place", "province / state"),
        "city": pgettext_lazy("place", "city"),
        "county": pgettext_lazy("place", "county"),
        "district": pgettext_lazy("place", "district"),
        "other": pgettext_lazy("place", "other place"),
    },
    "organization": {
        "government": pgettext_lazy("organization", "government"),
        "government_agency": pgettext_lazy("organization", "government agency"),
        "ministry": pgettext_lazy("organization", "ministry"),
        "embassy": pgettext_lazy("organization", "embassy"),
        "consulate": pgettext_lazy("organization", "consulate"),
        "port_authority": pgettext_lazy("organization", "port authority"),
        "port": pgettext_lazy("organization", "port"),
        "institute": pgettext_lazy("organization", "institute"),
        "university": pgettext_lazy("organization", "university"),
        "company": pgettext_lazy("organization", "company"),
        "council": pgettext_lazy("organization", "council"),
        "alliance": pgettext_lazy("organization", "alliance"),
        "foundation": pgettext_lazy("organization", "foundation"),
        "association": pgettext_lazy("organization", "association"),
        "media": pgettext_lazy("organization", "media"),
        "team": pgettext_lazy("organization", "team"),
        "other": pgettext_lazy("organization", "other organization"),
    },
    "engagement": {
        "meeting": pgettext_lazy("engagement", "meeting"),
        "visit": pgettext_lazy("engagement", "visit"),
        "signing": pgettext_lazy("engagement", "signing ceremony"),
        "workshop": pgettext_lazy("engagement", "workshop"),
        "conference": pgettext_lazy("engagement", "conference"),
        "ceremony": pgettext_lazy("engagement", "ceremony"),
        "festival": pgettext_lazy("engagement", "festival"),
        "exhibition": pgettext_lazy("engagement", "exhibition"),
        "exchange": pgettext_lazy("engagement", "exchange"),
        "other": pgettext_lazy("engagement", "other engagement"),
    },
    "agreement": {
        "sister_city": pgettext_lazy("agreement", "sister city"),
        "friendship_city": pgettext_lazy("agreement", "friendship city"),
        "mou": pgettext_lazy("agreement", "memorandum of understanding"),
        "business_agreement": pgettext_lazy("agreement", "business agreement"),
        "other": pgettext_lazy("agreement", "other agreement"),
    },
    "agreement_status": {
        "planned": pgettext_lazy("agreement status", "planned"),
        "signed": pgettext_lazy("agreement status", "signed"),
        "upgraded": pgettext_lazy("agreement status", "upgraded"),
        "renewed": pgettext_lazy("agreement status", "renewed"),
        "dormant": pgettext_lazy("agreement status", "dormant"),
        "terminated": pgettext_lazy("agreement status", "terminated"),
    },
}
MODEL_CHOICES = {
    "place": m.Place.Kind, "organization": m.Organization.Kind, "engagement": m.Engagement.Type,
    "agreement": m.Agreement.Type, "agreement_status": m.Agreement.Status,
}


def choice_label(kind: str, value: str | None) -> str:
    """The reader's label for a stored value; the value itself when it is not a known choice."""
    if not value:
        return ""
    text = LABELS.get(kind, {}).get(value)
    return str(text) if text else str(value).replace("_", " ")


def choices(kind: str, blank: bool = False) -> list[tuple[str, str]]:
    """(value, label) for every value the registry accepts, in the reader's language."""
    found = [(value, choice_label(kind, value)) for value in MODEL_CHOICES[kind].values]
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
