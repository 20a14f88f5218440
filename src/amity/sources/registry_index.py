"""In-memory indexes of the registry for linking: what ingest and accept ask per claim, answered
from dictionaries instead of one or more queries each.

    PLACE_CODES.place_id("uid" | "geonames_id" | "wikidata_id", value) -> pk or None
    ORGANIZATIONS.named(names) / ALLIANCES.named(names) -> records, the best first
    PEOPLE.candidates(family_variants) -> (pk, name, aliases) of people a family name may be theirs

Each index is built once per process on its first use and follows the registry through the
change log (every save and delete of a record writes it, whichever process made it): a
lookup first reads the change log's newest id (one indexed query) and re-reads the records
changed since. name_index.PlaceNames follows places the same way.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from amity.core.models import ChangeLog
from amity.registry.lookup import normalise
from amity.registry.models import Alliance, Organization, Person, Place

# Change-log ids are taken when rows are written but become visible when their transaction
# commits; re-reading this many ids below the last one seen catches concurrent writers.
CONCURRENT_MARGIN = 200


@contextlib.contextmanager
def collector_paused():
    """Tens of thousands of small objects made at once: the cyclic collector, walking the
    gazetteer's objects again and again meanwhile, would take longer than the loading itself.

    What was loaded (and the extractor's gazetteer, loaded before the first link) lives as long as
    the process: it is frozen out of the collector's reach afterwards, or every full collection
    would walk its hundreds of thousands of objects again (a sixth of an ingest's time)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


class _Batch:
    open = False
    number = 0


@contextlib.contextmanager
def looked_up_together():
    """Lookups inside read the change log once per index, not once per lookup: for the claims of
    one document, which all see the registry as it was when the first of them was looked up."""
    if _Batch.open:
        yield
        return
    _Batch.open, _Batch.number = True, _Batch.number + 1
    try:
        yield
    finally:
        _Batch.open = False


def up_to_date(reader) -> bool:
    """True when `reader` already looked at the change log in this batch (and now counts as having)."""
    if _Batch.open and reader.batch == _Batch.number:
        return True
    reader.batch = _Batch.number if _Batch.open else None
    return False


class ChangeFeed:
    """Reads the change log for every index at once: its newest entry (one query per batch of
    lookups) and, when that moved, which records of the indexed kinds changed (one more)."""

    def __init__(self) -> None:
        self.indexes: list[FollowsChangeLog] = []
        self.database: tuple | None = None
        self.watermark, self.stamp = 0, None  # the newest entry seen: id and time
        self.batch = None

    def catch_up(self) -> None:
        if up_to_date(self):
            return
        database = (connection.vendor, connection.settings_dict.get("NAME"))
        built = [index for index in self.indexes if index.built]
        kinds = {ContentType.objects.get_for_model(index.model).pk: index.model for index in built}
        rows = self._entries_since(max(0, self.watermark - CONCURRENT_MARGIN), kinds) \
            if database == self.database else []
        # The newest entry is among the rows when there are any (its id is above the one they start from).
        newest, stamp = max(rows)[:2] if rows else self._newest()
        moved = (newest, stamp) != (self.watermark, self.stamp)
        if newest <= self.watermark:
            rolled_back = newest < self.watermark or stamp != self.stamp
        else:  # the entry last seen must still be there, with its time (SQLite hands ids out again)
            rolled_back = next((time for pk, time, *_ in rows if pk == self.watermark), None) != self.stamp
        if database != self.database or (moved and rolled_back):
            # Another database, or a log that lost entries (a rollback, tables emptied and reference
            # data loaded again without log entries): nothing indexed can be trusted, build afresh.
            for index in self.indexes:
                index.built = False
            self.database, self.watermark, self.stamp = database, newest, stamp
            return
        if moved and built:
            changed = defaultdict(set)
            for _, _, kind, pk in rows:
                if kind in kinds:
                    changed[kinds[kind]].add(pk)
            for index in built:
                if changed[index.model]:
                    index.apply(changed[index.model])
        self.watermark, self.stamp = newest, stamp

    # Plain SQL: these run once per document at ingest, and building them through the ORM took ten
    # times as long as running them. Times are compared only with times read here, as the driver gives them.
    def _newest(self) -> tuple[int, object]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, time FROM {_log_table()} ORDER BY id DESC LIMIT 1")
            return cursor.fetchone() or (0, None)

    def _entries_since(self, since: int, kinds: dict) -> list[tuple]:
        """(id, time, content type, object id) of the entries after `since` that are about an indexed
        kind, the entry last seen and the newest entry."""
        table, params = _log_table(), [since, self.watermark]
        about_kinds = ""
        if kinds:
            about_kinds = f" OR content_type_id IN ({', '.join(['%s'] * len(kinds))})"
            params += list(kinds)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, time, content_type_id, object_id FROM {table} WHERE id > %s"
                           f" AND (id = (SELECT MAX(id) FROM {table}) OR id = %s{about_kinds})", params)
            return cursor.fetchall()


def _log_table() -> str:
    return connection.ops.quote_name(ChangeLog._meta.db_table)


FEED = ChangeFeed()


class FollowsChangeLog:
    """An index of one model's rows, built on first use and kept current through FEED."""

    model: type

    def __init__(self) -> None:
        self.built = False
        self.clear()
        FEED.indexes.append(self)

    def clear(self) -> None:
        raise NotImplementedError

    def load(self, rows) -> None:
        """(Re-)index `rows`, a queryset of this model (all of it on the first use)."""
        raise NotImplementedError

    def forget(self, pk: int) -> None:
        raise NotImplementedError

    def load_all(self) -> None:
        self.load(self.model.objects.all())

    def load_changed(self, pks: set[int]) -> None:
        self.load(self.model.objects.filter(pk__in=pks))

    def apply(self, changed: set[int]) -> None:
        for pk in changed:
            self.forget(pk)
        self.load_changed(changed)

    def refresh(self) -> None:
        FEED.catch_up()
        if not self.built:
            # Built from the rows as they are now: changes the feed reports again later are
            # applied again, which does no harm.
            self.clear()
            with collector_paused():
                self.load_all()
            self.built = True


class PlaceCodes(FollowsChangeLog):
    """Places (countries included) by their reference uid, GeoNames id and Wikidata id."""

    model = Place
    FIELDS = ("uid", "geonames_id", "wikidata_id")

    def clear(self) -> None:
        self.by_code: dict[tuple[str, object], int] = {}
        self.codes_of: dict[int, list[tuple[str, object]]] = {}

    def forget(self, pk: int) -> None:
        for code in self.codes_of.pop(pk, ()):
            if self.by_code.get(code) == pk:
                del self.by_code[code]

    def load(self, rows) -> None:
        for pk, *values in rows.order_by("-pk").values_list("pk", *self.FIELDS):
            self.forget(pk)
            codes = [(field, value) for field, value in zip(self.FIELDS, values, strict=True) if value]
            self.codes_of[pk] = codes
            for code in codes:
                self.by_code[code] = pk  # ordered newest first: a shared Wikidata id keeps the oldest

    def place_id(self, field: str, value) -> int | None:
        self.refresh()
        return self.by_code.get((field, value))


def name_words(normalised: str) -> set[str]:
    """The words of a normalised name that say which body it is (as the duplicate finder blocks them)."""
    return {word for word in normalised.replace("-", " ").split() if len(word) > 2}


class RecordNames(FollowsChangeLog):
    """Records of a model with `name` and `aliases`, by the normalised form of each name and by its words."""

    def __init__(self, model: type, related: tuple[str, ...] = ()) -> None:
        self.model, self.related = model, related
        super().__init__()

    def clear(self) -> None:
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.keys_of: dict[int, set[str]] = {}
        self.by_word: dict[str, set[int]] = defaultdict(set)

    def forget(self, pk: int) -> None:
        for key in self.keys_of.pop(pk, ()):
            self.by_key[key].discard(pk)
            for word in name_words(key):
                self.by_word[word].discard(pk)

    def load(self, rows) -> None:
        for pk, name, aliases in rows.values_list("pk", "name", "aliases"):
            self.forget(pk)
            keys = {normalise(n) for n in [name, *(aliases if isinstance(aliases, list) else [])]
                    if isinstance(n, str)} - {""}
            self.keys_of[pk] = keys
            for key in keys:
                self.by_key[key].add(pk)
                for word in name_words(key):
                    self.by_word[word].add(pk)

    def named(self, names: Iterable[str]) -> list:
        """Records one of whose names is one of `names` (normalised alike), in the model's order."""
        self.refresh()
        pks = set().union(*(self.by_key.get(normalise(n), ()) for n in names))
        return list(self.model.objects.filter(pk__in=pks)) if pks else []

    def sharing_words(self, names: Iterable[str], rarest: int = 2, limit: int = 200) -> list:
        """Records that share one of the rarest words of `names` — the only ones whose names can be a
        variant of them (another word order, a qualifier more, one word spelt otherwise)."""
        self.refresh()
        words = {word for name in names for word in name_words(normalise(name))}
        postings = sorted((self.by_word.get(word, set()) for word in words), key=len)
        pks = set().union(*postings[:rarest]) if postings else set()
        if not pks or len(pks) > limit:
            return []
        return list(self.model.objects.filter(pk__in=pks).select_related(*self.related))


class PeopleNames(FollowsChangeLog):
    """Who a family name may belong to, answering the same questions as the database filters of
    `matching.person_candidates` (the family name itself, a Hangul name starting with it, a name
    or alias containing it) from dictionaries and one lower-cased text of everyone's names."""

    model = Person
    PREFIXES = 3  # Hangul family names are one or two syllables: prefixes up to this are a dictionary

    def clear(self) -> None:
        self.rows: dict[int, tuple[str, list[str]]] = {}  # pk -> name, aliases
        self.family_of: dict[int, str] = {}
        self.by_family: dict[str, set[int]] = defaultdict(set)  # family name, lower-cased
        self.by_prefix: dict[str, set[int]] = defaultdict(set)  # the name's first 1..PREFIXES letters
        self.corpus: str | None = None  # built on demand: "\0name\0alias…" for each person
        self.starts: list[int] = []
        self.owners: list[int] = []

    def forget(self, pk: int) -> None:
        if pk not in self.rows:
            return
        name, _ = self.rows.pop(pk)
        self.by_family[self.family_of.pop(pk)].discard(pk)
        for size in range(1, self.PREFIXES + 1):
            self.by_prefix[name[:size]].discard(pk)
        self.corpus = None

    def load(self, rows) -> None:
        for pk, family, name, aliases in rows.values_list("pk", "family_name", "name", "aliases"):
            self.forget(pk)
            name = name or ""
            self.rows[pk] = (name, [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else [])
            self.family_of[pk] = (family or "").lower()
            self.by_family[self.family_of[pk]].add(pk)
            for size in range(1, min(len(name), self.PREFIXES) + 1):
                self.by_prefix[name[:size]].add(pk)
        self.corpus = None

    def _containing(self, lowered: str) -> set[int]:
        if self.corpus is None:
            parts, self.starts, self.owners, at = [], [], [], 0
            for pk, (name, aliases) in self.rows.items():
                part = "\0" + "\0".join([name, *aliases]).lower()
                self.starts.append(at)
                self.owners.append(pk)
                parts.append(part)
                at += len(part)
            self.corpus = "".join(parts)
        found, start = set(), self.corpus.find(lowered)
        while start >= 0:
            found.add(self.owners[bisect.bisect_right(self.starts, start) - 1])
            start = self.corpus.find(lowered, start + 1)
        return found

    def _starting(self, prefix: str) -> set[int]:
        if len(prefix) <= self.PREFIXES:
            return set(self.by_prefix.get(prefix, ()))
        return {pk for pk in self.by_prefix.get(prefix[:self.PREFIXES], ()) if self.rows[pk][0].startswith(prefix)}

    def _whole_word(self, pk: int, lowered: str) -> bool:
        name = self.rows[pk][0].lower()
        return name.startswith(f"{lowered} ") or name.endswith(f" {lowered}")

    def candidates(self, variants: Iterable[str]) -> list[tuple[int, str, list[str]]]:
        """(pk, name, aliases) of the people a family name in `variants` may be theirs, by name."""
        self.refresh()
        found: set[int] = set()
        for variant in variants:
            lowered = variant.lower()
            found |= self.by_family.get(lowered, set())
            if not variant.isascii():
                found |= self._starting(variant)
            elif len(variant) >= 3:
                found |= self._containing(lowered)
            else:  # "Oh", "Yi": only as a whole word of the name
                found |= {pk for pk in self._containing(lowered) if self._whole_word(pk, lowered)}
        return sorted(((pk, *self.rows[pk]) for pk in found), key=lambda row: (row[1], row[0]))


PLACE_CODES = PlaceCodes()
ORGANIZATIONS = RecordNames(Organization, related=("place",))
ALLIANCES = RecordNames(Alliance)
PEOPLE = PeopleNames()
