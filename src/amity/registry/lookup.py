"""Finding places by name or alias, in any script.

JSON columns keep non-ASCII aliases escaped on SQLite ("\\ubd80\\uc0b0"), so a database
`icontains` misses Korean names; aliases are therefore compared in Python, within the
narrowest set the database can give (one country's places when the country is known).
"""

from __future__ import annotations

import re
import unicodedata

from amity.registry.models import Place


def normalise(text: str | None) -> str:
    """Case, accents, punctuation and a leading "the" do not make a different name."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return " ".join(text.split())


def places_named(name: str | None, country: str | None = None) -> list[Place]:
    """Places (not countries) whose name or an alias is `name`, most populous first."""
    if not name or not name.strip():
        return []
    places = Place.objects.exclude(kind=Place.Kind.COUNTRY)
    if country:
        places = places.filter(country_code=country)
    found = list(places.filter(name__iexact=name.strip()))
    if not found:
        candidates = places if country or not name.isascii() else places.filter(aliases__icontains=name)
        wanted = normalise(name)
        found = [place for place in candidates if wanted in (normalise(alias) for alias in place.aliases)]
    return sorted(found, key=lambda place: -(place.population or 0))
