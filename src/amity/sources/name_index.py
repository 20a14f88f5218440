"""In-memory name index of the registry's places, for linking at ingest and accept speed.

Looking a place up by a name that is not its exact canonical name used to load every
place of the country (all 34,000 when the country is unknown) and normalise every alias
in Python, per claim. Here each name and alias is normalised once per process; a lookup
is a dictionary hit plus one query for the few rows it names.

Freshness: every save and delete of a place writes the change log (amity.core), so each
lookup first reads the change log's newest id (one indexed query, once per batch of
lookups: amity.sources.registry_index) and re-reads the places changed since the last
look, whichever process changed them (a rolled-back change rebuilds the index). A lookup
answers from the index alone, as the other link indexes do: ingest checks once per document that
the rows it links to are still there.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict

from amity.registry.models import Place
from amity.sources.registry_index import FollowsChangeLog, collector_paused


def _exact(name: str) -> str:
    return name.strip().casefold()


_PUNCTUATION = re.compile(r"[^\w\s]")
_LEADING_THE = re.compile(r"^\s*the\s+")
_LEADING_THE_EACH_LINE = re.compile(r"(?m)^[^\S\n]*the[^\S\n]+")


@functools.cache
def _combining_marks() -> re.Pattern:
    marks = "".join(chr(code) for code in range(0x300, 0x10000) if unicodedata.combining(chr(code)))
    return re.compile(f"[{re.escape(marks)}]")


def variant_key(name: str) -> str:
    """`normalise(name)` (amity.registry.lookup), with the accents stripped by one regular
    expression instead of a Python loop over characters: the gazetteer holds ~290,000 names."""
    if not name.isascii():
        name = _combining_marks().sub("", unicodedata.normalize("NFKD", name))
    return " ".join(_LEADING_THE.sub("", _PUNCTUATION.sub(" ", name.lower())).split())


def variant_keys(names: list[str]) -> list[str]:
    """`variant_key` of each name, each regular expression run once over all of them joined by
    newlines: a country's places hold thousands of names, and a call per name was most of the
    time spent loading them."""
    if not names or any("\n" in name for name in names):
        return [variant_key(name) for name in names]
    text = "\n".join(names)
    if not text.isascii():
        text = _combining_marks().sub("", unicodedata.normalize("NFKD", text))
    text = _LEADING_THE_EACH_LINE.sub("", _PUNCTUATION.sub(" ", text.lower()))
    return [" ".join(line.split()) for line in text.split("\n")]


class PlaceNames(FollowsChangeLog):
    """Canonical names of every place are indexed at once; the variants (aliases, spellings)
    of a country's places the first time a name of that country misses its canonical names."""

    model = Place

    def clear(self) -> None:
        self.exact: dict[str, set[int]] = defaultdict(set)  # canonical name, case-folded
        self.variants: dict[str, set[int]] = defaultdict(set)  # normalised name or alias
        self.keys: dict[int, tuple[str, str, frozenset[str]]] = {}  # pk -> country, exact key, variant keys
        self.order: dict[int, tuple[int, str]] = {}  # pk -> what ranks places of one name: population, name
        self.countries_with_variants: set[str] = set()
        self.all_variants = False

    # -- keeping up with the database -----------------------------------------------------------

    def forget(self, pk: int) -> None:
        if pk not in self.keys:
            return
        _, exact, variants = self.keys.pop(pk)
        del self.order[pk]
        self.exact[exact].discard(pk)
        for key in variants:
            self.variants[key].discard(pk)

    def _add(self, pk: int, country: str, name: str, population: int | None,
             variants: frozenset[str] = frozenset()) -> None:
        if pk in self.keys:
            self.forget(pk)
        exact = _exact(name)
        self.keys[pk] = (country, exact, variants)
        self.order[pk] = (-(population or 0), name)
        self.exact[exact].add(pk)
        by_variant = self.variants
        for key in variants:
            by_variant[key].add(pk)

    def _places(self):
        return Place.objects.exclude(kind=Place.Kind.COUNTRY)

    def _load_names(self, places) -> None:
        for pk, country, name, population in places.values_list("pk", "country_code", "name", "population"):
            self._add(pk, country, name, population)

    def _load_variants(self, places) -> None:
        # One pass over all the names (the gazetteer's places hold ~290,000): each place's keys
        # are a slice of one list of keys, not a set built from an iterator name by name.
        rows, names = [], []
        for pk, country, name, population, aliases in places.values_list(
                "pk", "country_code", "name", "population", "aliases"):
            names.append(name)
            if isinstance(aliases, list):
                names.extend(n for n in aliases if isinstance(n, str))
            rows.append((pk, country, name, population, len(names)))
        keys, start = variant_keys(names), 0
        for pk, country, name, population, end in rows:
            self._add(pk, country, name, population, frozenset(keys[start:end]) - {""})
            start = end

    def _need_variants(self, country: str | None) -> None:
        if self.all_variants or (country and country in self.countries_with_variants):
            return
        with collector_paused():
            if country:
                self._load_variants(self._places().filter(country_code=country))
                self.countries_with_variants.add(country)
            else:  # the countries not loaded yet (the feed keeps those loaded current)
                self._load_variants(self._places().exclude(country_code__in=self.countries_with_variants))
                self.all_variants = True

    # FollowsChangeLog's hooks: canonical names of all places first, variants of the few changed.
    def load_all(self) -> None:
        self._load_names(self._places())

    def load_changed(self, pks: set[int]) -> None:
        self._load_variants(self._places().filter(pk__in=pks))

    # -- looking up -----------------------------------------------------------------------------

    def _ranked(self, pks, country: str | None) -> list[int]:
        """Most populous first; places as populous by name, then by age (the order does not depend
        on the database's collation)."""
        return sorted((pk for pk in pks or () if not country or self.keys[pk][0] == country),
                      key=lambda pk: (*self.order[pk], pk))

    def ids_named(self, name: str | None, country: str | None = None) -> list[int]:
        """Ids of the places (not countries) whose name or an alias is `name`, most populous first:
        the canonical name matched exactly (any case) first, otherwise any normalised variant."""
        if not name or not name.strip():
            return []
        self.refresh()
        found = self._ranked(self.exact.get(_exact(name)), country)
        if found:
            return found
        self._need_variants(country)
        return self._ranked(self.variants.get(variant_key(name)), country)

    def named(self, name: str | None, country: str | None = None) -> list[Place]:
        """As `ids_named`, the places loaded."""
        pks = self.ids_named(name, country)
        places = Place.objects.in_bulk(pks) if pks else {}
        return [places[pk] for pk in pks if pk in places]


PLACES = PlaceNames()


def places_named(name: str | None, country: str | None = None) -> list[Place]:
    return PLACES.named(name, country)


def place_ids_named(name: str | None, country: str | None = None) -> list[int]:
    return PLACES.ids_named(name, country)
