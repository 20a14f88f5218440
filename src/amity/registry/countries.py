"""ISO 3166-1 country codes (from pycountry, which ships its data)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

# Codes in common use that ISO has not assigned (Kosovo).
USER_ASSIGNED = {"XK": "Kosovo"}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    names = {country.alpha_2: getattr(country, "common_name", country.name) for country in pycountry.countries}
    names.update(USER_ASSIGNED)
    return names


def is_country_code(code: str) -> bool:
    return isinstance(code, str) and code.upper() == code and code in country_names()
