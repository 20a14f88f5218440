"""Turning an accepted claim into registry records.

Each slot has one function. They link to existing records where the claim's link
is certain, create records otherwise, fill only empty fields, and cite the claim
on every record and field they touch. Uncertain person links become merge
candidates rather than silent merges.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.extract import codes
from amity.extract.names import split_name
from amity.registry import models as m
from amity.registry.countries import is_country_code
from amity.registry.lookup import normalise
from amity.registry.reference import reference_uid
from amity.review.effects import Effects
from amity.review.models import MergeCandidate
from amity.review.naming import name_from_facts
from amity.sources.linking import CERTAIN, POSSIBLE, link_agreement, suggest_link
from amity.sources.models import Claim

Resolver = Callable[[str | None], object]


def _date(value) -> PartialDate | None:
    try:
        return PartialDate.coerce(value)
    except InvalidPartialDate:
        return None


def _linked(claim: Claim, value: dict, certain_only: bool = True):
    """The registry record this claim is about, linking afresh (the registry may have grown)."""
    link = suggest_link(claim.slot, value)
    if link is not None and (link.score >= CERTAIN or not certain_only):
        return link.record, link
    return None, link


def _country_place(code: str | None, effects: Effects | None = None):
    """The country's place; an accept run reads each once (it is only referred to and cited)."""
    if not code or not is_country_code(code):
        return None
    known = effects.run.countries if effects is not None and effects.run is not None else {}
    if code not in known:
        known[code] = m.Place.objects.filter(uid=reference_uid(f"iso:{code}")).first()
    return known[code]


def accept_place(claim, value, effects: Effects, resolve: Resolver):
    place, _ = _linked(claim, value)
    if place is None:
        country = value.get("country") if is_country_code(value.get("country") or "") else ""
        kind = codes.registry_place_kind(value.get("kind"))  # "prefecture", "state": a province
        kind = kind if kind in m.Place.Kind.values else m.Place.Kind.CITY
        place = effects.create(m.Place, name=value["name"], kind=kind, country_code=country,
                               latitude=value.get("lat"), longitude=value.get("lon"))
    effects.add_alias(place, value["name"], *value.get("aliases", []))
    effects.cite(place, "name")
    if value.get("wikidata_id"):  # a list row's Wikidata id, confirmed by this acceptance
        effects.fill(place, wikidata_id=value["wikidata_id"])
        effects.cite(place, "wikidata_id")
    return place


def accept_country(claim, value, effects: Effects, resolve: Resolver):
    place = _country_place(value.get("code"), effects)
    if place is None:
        raise ValueError(f"unknown country code {value.get('code')!r}")
    effects.cite(place)
    return place


def accept_organization(claim, value, effects: Effects, resolve: Resolver):
    org, _ = _linked(claim, value)
    place = resolve(value.get("place_ref"))
    if org is None:
        kind = value.get("kind") if value.get("kind") in m.Organization.Kind.values else "other"
        org = effects.create(m.Organization, name=value["name"], kind=kind,
                             place=place if isinstance(place, m.Place) else None,
                             country_code=getattr(place, "country_code", "") or "")
    effects.add_alias(org, *value.get("aliases", []))
    effects.cite(org, "name")
    return org


def accept_person(claim, value, effects: Effects, resolve: Resolver):
    person, link = _linked(claim, value)
    if person is None:
        family, given = value.get("family_name"), value.get("given_name")
        if not family:
            family, given = split_name(value["name"])
        order = (m.Person.NameOrder.FAMILY_FIRST if family and value["name"].split()[0] == family
                 else m.Person.NameOrder.GIVEN_FIRST)
        person = effects.create(m.Person, name=value["name"], family_name=(family or "")[:100],
                                given_name=(given or "")[:100], name_order=order)
        if link is not None and link.score >= POSSIBLE:
            _merge_candidate(link.record, person, link.score, link.explanation, claim)
    effects.add_alias(person, value["name"], *value.get("aliases", []))
    effects.cite(person, "name")
    if value.get("title"):
        _position(claim, value, person, effects, resolve)
    return person


def _position(claim, value, person, effects: Effects, resolve: Resolver) -> None:
    """A title held at the time of the article: known-from/to grow with each dated article."""
    holder = resolve(value.get("of_ref"))
    if holder is None and value.get("of"):
        holder = _country_place_by_name(value["of"])
    of_place = holder if isinstance(holder, m.Place) else None
    of_org = holder if isinstance(holder, m.Organization) else None
    to_place = _country_place(value.get("to"), effects) if value.get("to") else None
    when = claim.document.published
    existing = [p for p in (person.positions.all() if not _created(person, effects) else ())
                if p.title == value["title"]
                and p.of_place_id == getattr(of_place, "pk", None) and p.of_organization_id == getattr(of_org, "pk", None)]
    if existing:
        position = existing[0]
        if when is not None:
            changes = {}
            if position.known_from is None or when < position.known_from:
                changes["known_from"] = when
            if position.known_to is None or when > position.known_to:
                changes["known_to"] = when
            if changes:
                effects.update(position, **changes)
    else:
        position = effects.create(m.Position, person=person, title=value["title"][:100],
                                  title_raw=(value.get("title_raw") or "")[:300], of_place=of_place,
                                  of_organization=of_org, to_place=to_place, known_from=when, known_to=when)
    effects.cite(position, "title")


def _created(record, effects: Effects) -> bool:
    """Created by this decision: it has no parts yet, so none need reading."""
    return [record._meta.label_lower, record.pk] in effects.created


def _country_place_by_name(name: str):
    wanted = normalise(name)
    for place in m.Place.objects.filter(kind=m.Place.Kind.COUNTRY):
        if wanted in map(normalise, place.all_names):
            return place
    return None


def _merge_candidate(left, right, score: float, explanation: str, claim) -> None:
    MergeCandidate.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(left), left_id=left.pk, right_id=right.pk,
        defaults={"score": score, "explanation": explanation, "claim": claim},
    )


def _participants(value: dict, resolve: Resolver, key: str = "participants") -> list[tuple[object, str]]:
    found = []
    for ref in value.get(key) or []:
        record = resolve(ref.get("ref"))
        if record is not None:
            found.append((record, ref.get("role") or ""))
    return found


def _participant_field(record) -> str:
    return {m.Person: "person", m.Organization: "organization", m.Place: "place"}[type(record)]


def _same_event(value: dict, place, participants) -> m.Engagement | None:
    """One engagement per real event: same date and the same place or shared participants."""
    date = _date(value.get("date"))
    if date is None or date.precision != "day":
        return None
    wanted = {(type(r), r.pk) for r, _ in participants}
    # Only the day's engagements that could match (a shared participant, or the same place), not
    # every engagement of the day with all its participants: a busy day would be read whole per claim.
    could = Q(pk__in=m.EngagementParticipant.objects.filter(_any_participant(wanted)).values("engagement_id")) \
        if wanted else Q(pk__in=[])
    if place is not None:
        could |= Q(place_id=place.pk)
    for engagement in m.Engagement.objects.filter(could, date=date).prefetch_related("participants"):
        present = {_participant_key(p) for p in engagement.participants.all()}
        shared_people = {key for key in wanted & present if key[0] is m.Person}
        if shared_people or (wanted & present and engagement.type == value.get("type")):
            return engagement
        if place is not None and engagement.place_id == place.pk and engagement.type == value.get("type"):
            return engagement
    return None


def _any_participant(wanted: set) -> Q:
    """Participant rows naming any of `wanted` ((model, pk) pairs)."""
    fields = {m.Person: "person_id__in", m.Organization: "organization_id__in", m.Place: "place_id__in"}
    found = Q(pk__in=[])
    for model, lookup in fields.items():
        pks = sorted(pk for kind, pk in wanted if kind is model)
        if pks:
            found |= Q(**{lookup: pks})
    return found


def _participant_key(participant) -> tuple[type, int] | None:
    """Who takes part, by model and id (without reading the record)."""
    for model, pk in ((m.Person, participant.person_id), (m.Organization, participant.organization_id),
                      (m.Place, participant.place_id)):
        if pk is not None:
            return model, pk
    return None


def _fields(codes, effects: Effects | None = None) -> list[m.Field]:
    """The fields (reference data) with these codes; an accept run reads each code once."""
    if not codes:
        return []
    known = effects.run.fields if effects is not None and effects.run is not None else {}
    missing = [code for code in codes if code not in known]
    if missing:
        known.update({field.code: field for field in m.Field.objects.filter(code__in=missing)})
        known.update({code: None for code in missing if code not in known})
    return sorted((known[code] for code in dict.fromkeys(codes) if known[code] is not None),
                  key=lambda field: (field.name, field.pk))


def accept_engagement(claim, value, effects: Effects, resolve: Resolver):
    place = resolve(value.get("place_ref"))
    place = place if isinstance(place, m.Place) else None
    participants = _participants(value, resolve)
    engagement = _same_event(value, place, participants)
    time = value.get("time") or None
    present, existing = set(), []
    if engagement is None:
        kind = value.get("type") if value.get("type") in m.Engagement.Type.values else "other"
        engagement = effects.create(
            m.Engagement, type=kind, date=_date(value.get("date")), time=time, place=place,
            venue=(value.get("venue") or "")[:300], attendance=value.get("attendance"),
            topics=_fields(value.get("topics"), effects),
        )
    else:
        effects.fill(engagement, time=time, place=place, venue=(value.get("venue") or "")[:300],
                     attendance=value.get("attendance"))
        engagement.topics.add(*_fields(value.get("topics"), effects))
        effects.notes.append(f"same event as engagement {engagement.pk}: one engagement, another source")
        existing = _participants_of(engagement)
        present = {(_participant_field(r), r.pk) for r in (p.person or p.organization or p.place for p in existing)}
    added = []
    for record, role in participants:
        if (_participant_field(record), record.pk) not in present:
            added.append(effects.create(m.EngagementParticipant, engagement=engagement, role=role[:100],
                                        **{_participant_field(record): record}))
    # an accept run names it from the participants it knows (each record as the run last wrote it)
    name_from_facts(engagement, claim.document.language, effects,
                    [*existing, *added] if effects.run is not None else None)
    effects.cite(engagement)
    for name in ("date", "place", "venue", "attendance"):
        if value.get(name):
            effects.cite(engagement, name)
    return engagement


def _participants_of(engagement) -> list:
    return list(engagement.participants.select_related("person", "organization", "place"))


def accept_agreement(claim, value, effects: Effects, resolve: Resolver):
    parties = [record for record, _ in _participants(value, resolve, "parties")]
    kind = value.get("type") if value.get("type") in m.Agreement.Type.values else "other"
    planned = value.get("status") == "planned"
    date = _date(value.get("date"))
    link = link_agreement(parties, kind)
    if link is not None:
        agreement = link.record
        if agreement.status == m.Agreement.Status.PLANNED and not planned:
            agreement = effects.update(agreement, status=m.Agreement.Status.SIGNED)
            effects.create(m.AgreementStatusChange, agreement=agreement, status="signed", date=date)
        if not planned:
            effects.fill(agreement, signed_date=date)
    else:
        status = m.Agreement.Status.PLANNED if planned else m.Agreement.Status.SIGNED
        agreement = effects.create(m.Agreement, type=kind, title=(value.get("title") or "")[:300],
                                   signed_date=None if planned else date, status=status,
                                   fields=_fields(value.get("fields"), effects))
        effects.create(m.AgreementStatusChange, agreement=agreement, status=status, date=date)
        for party in parties:
            field = "place" if isinstance(party, m.Place) else "organization" if isinstance(party, m.Organization) else None
            if field:
                effects.create(m.AgreementParty, agreement=agreement, **{field: party})
    agreement.fields.add(*_fields(value.get("fields"), effects))
    effects.cite(agreement)
    if date:
        effects.cite(agreement, "signed_date")
    return agreement


def accept_alliance(claim, value, effects: Effects, resolve: Resolver):
    alliance, _ = _linked(claim, value)
    established = _date(value.get("established"))
    if alliance is None:
        alliance = effects.create(m.Alliance, name=value["name"][:200], established=established)
    else:
        effects.fill(alliance, established=established)
    effects.add_alias(alliance, *value.get("aliases", []))
    present = {(mem.place_id, mem.organization_id) for mem in alliance.members.all()}
    for record, _ in _participants(value, resolve, "members"):
        place = record if isinstance(record, m.Place) else None
        org = record if isinstance(record, m.Organization) else None
        if place is None and org is None or (getattr(place, "pk", None), getattr(org, "pk", None)) in present:
            continue
        effects.create(m.AllianceMember, alliance=alliance, place=place, organization=org)
    existing_projects = {normalise(p.name) for p in alliance.projects.all()}
    for name in value.get("key_projects") or []:
        if normalise(name) not in existing_projects:
            effects.create(m.Project, name=name[:300], alliance=alliance, status=m.Project.Status.ACTIVE)
    if value.get("counts"):
        stated = ", ".join(f"{count} {what}" for what, count in value["counts"].items())
        effects.notes.append(f"the article states {stated}")
    effects.cite(alliance)
    if established:
        effects.cite(alliance, "established")
    return alliance


def accept_follow_up(claim, value, effects: Effects, resolve: Resolver):
    owner = resolve((value.get("owner") or {}).get("ref"))
    engagement = _engagement_of_document(claim, effects.run)
    due = _date(value.get("due"))
    # Compared by action text alone (the follow-ups due that day may be many); only the one that
    # matches is loaded.
    wanted = normalise(value["action"])
    for pk, action in m.FollowUp.objects.filter(due=due).values_list("pk", "action"):
        if normalise(action) == wanted:
            existing = m.FollowUp.objects.get(pk=pk)
            effects.cite(existing)
            return existing
    follow_up = effects.create(
        m.FollowUp, action=value["action"], due=due, engagement=engagement,
        owner_person=owner if isinstance(owner, m.Person) else None,
        owner_place=owner if isinstance(owner, m.Place) else None,
        owner_organization=owner if isinstance(owner, m.Organization) else None,
    )
    effects.cite(follow_up)
    return follow_up


def _engagement_of_document(claim, run=None):
    """The engagement the article reports (its first accepted event), which the follow-up came out of.
    An accept run knows its article's claims (their new states are written with the chunk)."""
    loaded = run.documents.get(claim.document_id) if run is not None else None
    if loaded is None:
        accepted = claim.document.claims.filter(slot=Claim.Slot.ENGAGEMENT, status=Claim.Status.ACCEPTED)
        events = ((event_claim, event_claim.linked) for event_claim in accepted.order_by("id"))
    else:
        events = ((event_claim, run.linked(event_claim)) for event_claim in loaded
                  if event_claim.slot == Claim.Slot.ENGAGEMENT and event_claim.status == Claim.Status.ACCEPTED)
    for _, record in events:
        if isinstance(record, m.Engagement):
            return record
    return None


APPLY = {
    "place": accept_place, "country": accept_country, "organization": accept_organization,
    "person": accept_person, "engagement": accept_engagement, "agreement": accept_agreement,
    "alliance": accept_alliance, "follow_up": accept_follow_up,
}
