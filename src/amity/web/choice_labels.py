"""Labels a person reads for the stored choice values of the records a claim can become.

The registry keeps its choices in English; these are the same labels marked for
translation, so select boxes and sentences show them in the reader's language.
tests/web/test_review_forms.py checks that every choice of these models is here.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache

from django.utils.translation import get_language, gettext
from django.utils.translation import pgettext_lazy as label

from amity.registry import models as m

# kind -> value -> label; the translation context keeps "other" of each kind apart.
LABELS = {
    "place": {
        "country": label("place", "country"), "province": label("place", "province / state"),
        "city": label("place", "city"), "county": label("place", "county"), "district": label("place", "district"),
        "other": label("place", "other place"),
    },
    "organization": {
        "government": label("organization", "government"),
        "government_agency": label("organization", "government agency"),
        "ministry": label("organization", "ministry"), "embassy": label("organization", "embassy"),
        "consulate": label("organization", "consulate"), "port_authority": label("organization", "port authority"),
        "port": label("organization", "port"), "institute": label("organization", "institute"),
        "university": label("organization", "university"), "company": label("organization", "company"),
        "council": label("organization", "council"), "alliance": label("organization", "alliance"),
        "foundation": label("organization", "foundation"), "association": label("organization", "association"),
        "media": label("organization", "media"), "team": label("organization", "team"),
        "other": label("organization", "other organization"),
    },
    "engagement": {
        "meeting": label("engagement", "meeting"), "visit": label("engagement", "visit"),
        "signing": label("engagement", "signing ceremony"), "workshop": label("engagement", "workshop"),
        "conference": label("engagement", "conference"), "ceremony": label("engagement", "ceremony"),
        "festival": label("engagement", "festival"), "exhibition": label("engagement", "exhibition"),
        "exchange": label("engagement", "exchange"), "other": label("engagement", "other engagement"),
    },
    "agreement": {
        "sister_city": label("agreement", "sister city"), "friendship_city": label("agreement", "friendship city"),
        "mou": label("agreement", "memorandum of understanding"),
        "business_agreement": label("agreement", "business agreement"), "other": label("agreement", "other agreement"),
    },
    "agreement_status": {
        "planned": label("agreement status", "planned"), "signed": label("agreement status", "signed"),
        "upgraded": label("agreement status", "upgraded"), "renewed": label("agreement status", "renewed"),
        "dormant": label("agreement status", "dormant"), "terminated": label("agreement status", "terminated"),
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
