"""Finding records that may be one, for every kind of record, each pair with an explained score.

In the manner of nomenklatura: a cheap blocking step proposes pairs (the same family name
in any spelling, a shared name word, the same month), a comparison scores each pair as a
sum of features (what agreed, what disagreed, how much each weighed), and the pairs worth a
person's look become merge candidates. Nothing is merged here; a reviewer decides, and a
dismissed pair is never proposed again.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max, Q

from amity.core.partialdate import PartialDate
from amity.extract.matching import Match, compare_body_names, compare_person_names, is_generic_name, normalise
from amity.extract.romanize import name_keys
from amity.registry import models as m
from amity.registry.lookup import places_named
from amity.review.models import Citation, MergeCandidate
from amity.sources.linking import POSSIBLE

BLOCK_LIMIT = 60  # a name word shared by more records than this says nothing about any two of them


@dataclass
class Found:
    left: object
    right: object
    match: Match

    @property
    def score(self) -> float:
        return self.match.score


# People ---------------------------------------------------------------------------------------

def compare_people(left: m.Person, right: m.Person) -> Match:
    match = compare_person_names(left.all_names, right.all_names)
    if not match.features:
        return match
    if left.country_code and right.country_code and left.country_code != right.country_code:
        match.add(f"nationalities differ ({left.country_code} / {right.country_code})", -0.3)
    posts_left = {(p.title, p.of_place_id, p.of_organization_id) for p in left.positions.all()}
    posts_right = {(p.title, p.of_place_id, p.of_organization_id) for p in right.positions.all()}
    if posts_left & posts_right:
        title = next(iter(posts_left & posts_right))[0]
        match.add(f"both hold the same post ({title} of the same place or body)", 0.1)
        return match
    held_left = defaultdict(set)
    for title, place, org in posts_left:
        if place or org:
            held_left[title].add((place, org))
    clash = [title for title, place, org in posts_right if held_left.get(title) and (place or org)]
    if clash:
        match.add(f"each holds the title {clash[0]} of a different place or body", -0.3)
    return match


def _person_keys(person: m.Person) -> set[str]:
    """Korean names block by their reading (any spelling, either script); other names by their words."""
    keys = set()
    for name in person.all_names:
        if is_generic_name(name):
            continue  # "Mayor Kim" is shared by strangers: it proposes nobody
        korean = name_keys(name)
        keys.update(korean or {f"word:{w}" for w in normalise(name).replace("-", " ").split() if len(w) > 2})
    return keys


def _people_pairs() -> Iterator[tuple[m.Person, m.Person]]:
    return _blocks(m.Person.objects.prefetch_related("positions"), _person_keys)


# Organizations, alliances and places: by their names ----------------------------------------

def _body_penalties(left, right, match: Match) -> Match:
    place_left, place_right = getattr(left, "place_id", None), getattr(right, "place_id", None)
    if place_left and place_right:
        if place_left == place_right:
            match.add(f"both in {left.place.name}", 0.05)
        else:
            # namesakes: every city has its "Chamber of Commerce and Industry"
            match.add(f"in different places ({left.place.name} / {right.place.name})", -0.6)
    country_left, country_right = getattr(left, "country_code", ""), getattr(right, "country_code", "")
    if country_left and country_right and country_left != country_right:
        match.add(f"in different countries ({country_left} / {country_right})", -0.4)
    kind_left, kind_right = getattr(left, "kind", ""), getattr(right, "kind", "")
    if kind_left and kind_right and "other" not in (kind_left, kind_right) and kind_left != kind_right:
        match.add(f"of different kinds ({kind_left} / {kind_right})", -0.1)
    return match


def compare_organizations(left: m.Organization, right: m.Organization) -> Match:
    match = compare_body_names(left.all_names, right.all_names)
    return _body_penalties(left, right, match) if match.features else match


def compare_alliances(left: m.Alliance, right: m.Alliance) -> Match:
    match = compare_body_names(left.all_names, right.all_names)
    if not match.features:
        return match
    members_left = set(left.members.values_list("place_id", "organization_id"))
    members_right = set(right.members.values_list("place_id", "organization_id"))
    if members_left and members_right:
        overlap = len(members_left & members_right) / len(members_left | members_right)
        if overlap >= 0.5:
            match.add(f"share {len(members_left & members_right)} of {len(members_left | members_right)} members", 0.1)
        elif not members_left & members_right:
            match.add("have no member in common", -0.3)
    return match


def _distance_km(left: m.Place, right: m.Place) -> float | None:
    if None in (left.latitude, left.longitude, right.latitude, right.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (left.latitude, left.longitude, right.latitude, right.longitude))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def compare_places(left: m.Place, right: m.Place) -> Match:
    match = compare_body_names(left.all_names, right.all_names)
    if not match.features:
        return match
    if left.country_code and right.country_code and left.country_code != right.country_code:
        return match.add(f"in different countries ({left.country_code} / {right.country_code})", -1.0)
    distance = _distance_km(left, right)
    if distance is not None:
        if distance <= 25:
            match.add(f"{distance:.0f} km apart", 0.1)
        elif distance > 150:
            match.add(f"{distance:.0f} km apart", -0.5)
    if left.kind != right.kind and m.Place.Kind.COUNTRY in (left.kind, right.kind):
        match.add("a country and a place in it", -1.0)
    return match


def _blocks(records: Iterable, keys: Callable[[object], set[str]]) -> Iterator[tuple[object, object]]:
    """Pairs of records that share a blocking key (each pair once)."""
    by_key: dict[str, list] = defaultdict(list)
    for record in records:
        for key in keys(record):
            by_key[key].append(record)
    seen = set()
    for block in by_key.values():
        if len(block) > BLOCK_LIMIT:
            continue
        for left, right in combinations(block, 2):
            key = tuple(sorted((left.pk, right.pk)))
            if key not in seen:
                seen.add(key)
                yield left, right


def _name_words_of(record) -> set[str]:
    return {w for name in record.all_names for w in normalise(name).replace("-", " ").split() if len(w) > 2}


def _organization_pairs():
    return _blocks(m.Organization.objects.select_related("place"), _name_words_of)


def _alliance_pairs():
    return _blocks(m.Alliance.objects.all(), _name_words_of)


# First letters that spellings of one name swap (Kyongju / Gyeongju, Pusan / Busan, Taegu / Daegu).
_INITIALS = {letter: group for group in ({"g", "k"}, {"d", "t"}, {"b", "p"}, {"j", "c"}, {"r", "l"}) for letter in group}


def _place_pairs() -> Iterator[tuple[m.Place, m.Place]]:
    """Places entered in the registry (from articles or by hand) against every place of their country.

    The gazetteer's own places are one record each already; comparing its 34,000 cities with
    one another would only find namesakes.
    """
    for place in m.Place.objects.filter(source=m.Place.Source.REGISTRY).exclude(kind=m.Place.Kind.COUNTRY):
        others = m.Place.objects.exclude(pk=place.pk).exclude(kind=m.Place.Kind.COUNTRY)
        if place.country_code:
            others = others.filter(country_code=place.country_code)
        starts = Q()
        for word in {w for name in place.all_names for w in normalise(name).replace("-", " ").split() if w.isascii()}:
            for initial in _INITIALS.get(word[0], {word[0]}):
                starts |= Q(name__istartswith=initial)
        named = {other.pk: other for name in place.all_names for other in places_named(name, place.country_code or None)}
        nearby = others.filter(starts)[:500] if starts else []
        for other in [*named.values(), *(o for o in nearby if o.pk not in named)]:
            if other.pk != place.pk:
                yield place, other


# Agreements and engagements: by their facts ------------------------------------------------

def _parties(agreement: m.Agreement) -> frozenset[tuple]:
    return frozenset(agreement.parties.values_list("place_id", "organization_id"))


def _dates_agree(left: PartialDate | None, right: PartialDate | None) -> str:
    if left is None or right is None:
        return "unknown"
    if left == right:
        return "same"
    if left.contains(right) or right.contains(left):
        return "compatible"
    return "different"


def compare_agreements(left: m.Agreement, right: m.Agreement) -> Match:
    match = Match()
    if left.type != right.type or _parties(left) != _parties(right) or len(_parties(left)) < 2:
        return match
    names = " – ".join(sorted(str(party) for party in left.parties.all()))
    match.add(f"same type ({left.get_type_display()}) and the same parties ({names})", 0.8)
    dates = _dates_agree(left.signed_date, right.signed_date)
    if dates == "same":
        match.add(f"signed on the same date ({left.signed_date})", 0.15)
    elif dates == "compatible":
        match.add(f"signing dates agree ({left.signed_date} / {right.signed_date})", 0.1)
    elif dates == "different":
        match.add(f"signed on different dates ({left.signed_date} / {right.signed_date})", -0.3)
    return match


def _agreement_pairs():
    by_parties: dict[tuple, list] = defaultdict(list)
    for agreement in m.Agreement.objects.prefetch_related("parties"):
        by_parties[(agreement.type, _parties(agreement))].append(agreement)
    for block in by_parties.values():
        yield from combinations(block, 2)


def _participants(engagement: m.Engagement) -> dict[tuple, str]:
    found = {}
    for row in engagement.participants.all():
        who = row.person or row.organization or row.place
        if who is not None:
            found[(type(who).__name__, who.pk)] = str(who.name)
    return found


def reporting_documents(engagement: m.Engagement) -> set[int]:
    content_type = ContentType.objects.get_for_model(m.Engagement)
    return set(Citation.objects.filter(content_type=content_type, object_id=engagement.pk)
               .values_list("claim__document_id", flat=True))


def compare_engagements(left: m.Engagement, right: m.Engagement) -> Match:
    match = Match()
    dates = _dates_agree(left.date, right.date)
    if dates in ("different", "unknown"):
        return match  # an occasion is first of all a day
    if dates == "same":
        match.add(f"on the same date ({left.date})", 0.35)
    else:
        match.add(f"dates agree ({left.date} / {right.date})", 0.2)
    people_left, people_right = _participants(left), _participants(right)
    if left.place_id and right.place_id:
        if left.place_id == right.place_id:
            match.add(f"in the same place ({left.place.name})", 0.2)
        else:
            match.add(f"in different places ({left.place.name} / {right.place.name})", -0.3)
    else:  # one report names no place, but has the other's place among its parties
        known, other = (left, people_right) if left.place_id else (right, people_left)
        if known.place_id and ("Place", known.place_id) in other:
            match.add(f"the other report has {known.place.name} among its parties", 0.1)
    if people_left and people_right:
        shared = people_left.keys() & people_right.keys()
        if shared:
            union = people_left.keys() | people_right.keys()
            names = ", ".join(sorted(people_left[key] for key in shared))
            match.add(f"share {len(shared)} of {len(union)} participants ({names})", 0.35 * len(shared) / len(union))
        else:
            match.add("no participant in common", -0.15)
    if left.type == right.type:
        match.add(f"both a {left.get_type_display()}", 0.05)
    documents_left, documents_right = reporting_documents(left), reporting_documents(right)
    if documents_left and documents_right and not documents_left & documents_right:
        match.add("reported in different articles (one occasion told twice?)", 0.05)
    return match


def _engagement_pairs():
    by_month: dict[str, list] = defaultdict(list)
    for engagement in m.Engagement.objects.exclude(date=None).select_related("place").prefetch_related(
            "participants__person", "participants__organization", "participants__place"):
        by_month[engagement.date.earliest.isoformat()[:7]].append(engagement)
    for block in by_month.values():
        yield from combinations(block, 2)


# The kinds, and keeping the candidates -------------------------------------------------------

KINDS: dict[str, tuple[type, Callable, Callable]] = {
    "person": (m.Person, _people_pairs, compare_people),
    "organization": (m.Organization, _organization_pairs, compare_organizations),
    "place": (m.Place, _place_pairs, compare_places),
    "alliance": (m.Alliance, _alliance_pairs, compare_alliances),
    "agreement": (m.Agreement, _agreement_pairs, compare_agreements),
    "engagement": (m.Engagement, _engagement_pairs, compare_engagements),
}


def find(kinds: Iterable[str] | None = None, min_score: float = POSSIBLE) -> list[Found]:
    """Pairs of records that may be one, best first (each pair once, older record on the left)."""
    found: dict[tuple, Found] = {}
    for kind in kinds or KINDS:
        _, pairs, compare = KINDS[kind]
        for left, right in pairs():
            if left.pk > right.pk:
                left, right = right, left
            key = (kind, left.pk, right.pk)
            if key in found:
                continue
            match = compare(left, right)
            if match.features and match.score >= min_score:
                found[key] = Found(left, right, match)
    return sorted(found.values(), key=lambda f: -f.score)


@dataclass
class Scan:
    new: int = 0
    updated: int = 0
    kept_apart: int = 0  # pairs a reviewer dismissed before: not proposed again


def record(kinds: Iterable[str] | None = None) -> Scan:
    """Store what `find` proposes as open merge candidates (refreshing the score of open ones)."""
    scan = Scan()
    with transaction.atomic():
        for found in find(kinds):
            content_type = ContentType.objects.get_for_model(found.left)
            existing = (MergeCandidate.objects.filter(content_type=content_type, left_id=found.left.pk,
                                                      right_id=found.right.pk)
                        | MergeCandidate.objects.filter(content_type=content_type, left_id=found.right.pk,
                                                        right_id=found.left.pk)).first()
            values = {"score": round(found.score, 3), "explanation": found.match.explanation,
                      "features": [f.as_json() for f in found.match.features]}
            if existing is None:
                MergeCandidate.objects.create(content_type=content_type, left_id=found.left.pk,
                                              right_id=found.right.pk, **values)
                scan.new += 1
            elif existing.status == MergeCandidate.Status.OPEN:
                MergeCandidate.objects.filter(pk=existing.pk).update(**values)
                scan.updated += 1
            else:
                scan.kept_apart += 1
    return scan


def kind_of(candidate: MergeCandidate) -> str:
    model = candidate.content_type.model_class()
    return next((kind for kind, (kind_model, _, _) in KINDS.items() if kind_model is model), candidate.content_type.model)


def refresh() -> Scan | None:
    """Look again at the kinds of record changed since the last look (None: nothing changed).

    Called when someone opens the duplicates page (and by `amity review candidates`), so new
    records from accepted claims, imports or hand edits are compared without anyone asking.
    """
    from amity.core.models import ChangeLog
    from amity.review.models import DuplicateScan

    state = DuplicateScan.objects.order_by("pk").first() or DuplicateScan.objects.create()
    last = ChangeLog.objects.aggregate(last=Max("id"))["last"] or 0
    if last <= state.last_change:
        return None
    models_by_type = {ContentType.objects.get_for_model(model).pk: kind for kind, (model, _, _) in KINDS.items()}
    changed = set()
    rows = ChangeLog.objects.filter(id__gt=state.last_change, id__lte=last)
    for content_type, parent_type in rows.values_list("content_type_id", "parent_type_id").distinct():
        changed |= {models_by_type[t] for t in (content_type, parent_type) if t in models_by_type}
    scan = record(sorted(changed)) if changed else Scan()
    DuplicateScan.objects.filter(pk=state.pk).update(last_change=last)
    return scan
