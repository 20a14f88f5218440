"""What the index holds for each kind of record: its names, text, countries, fields and dates."""

from __future__ import annotations

from django.db.models import Model, Prefetch, Q

from amity.extract.romanize import name_keys
from amity.registry import models as m
from amity.sources.models import Document


def korean_name_tokens(names: list[str]) -> set[str]:
    """One search word shared by every spelling of a Korean name: 박형준 and Heong-jun Park both
    carry 'knameparkhngjn', so searching either finds the other (see amity.extract.romanize.name_keys)."""
    return {"kname" + key.replace("_", "") for name in names for key in name_keys(name)}


def _names(obj) -> list[str]:
    return list(getattr(obj, "all_names", None) or [str(obj)]) if obj is not None else []


def _iso(value) -> str:
    return value.isoformat() if value else ""


def _codes(*codes) -> str:
    found = sorted({code for code in codes if code})
    return f" {' '.join(found)} " if found else ""


def _field_codes(fields) -> str:
    codes = sorted(field.code for field in fields)
    return f" {' '.join(codes)} " if codes else ""


def _related(obj, name: str, *joined: str) -> list:
    """`obj.<name>` as a list: from the prefetch cache when `indexing_queryset` filled it, else one query."""
    manager = getattr(obj, name)
    if name in getattr(obj, "_prefetched_objects_cache", {}):
        return list(manager.all())
    return list(manager.select_related(*joined) if joined else manager.all())


def _span(*dates) -> tuple[str, str]:
    known = [d for d in dates if d]
    if not known:
        return "", ""
    return min(known).earliest.isoformat(), max(known).latest.isoformat()


def place_is_indexed(place: m.Place) -> bool:
    """Reference places (tens of thousands) are indexed once the registry uses them."""
    if place.source == m.Place.Source.REGISTRY:
        return True
    pk = place.pk
    return (
        m.AgreementParty.objects.filter(place_id=pk).exists()
        or m.AllianceMember.objects.filter(place_id=pk).exists()
        or m.Engagement.objects.filter(place_id=pk).exists()
        or m.EngagementParticipant.objects.filter(place_id=pk).exists()
        or m.ProjectMember.objects.filter(place_id=pk).exists()
        or m.Organization.objects.filter(place_id=pk).exists()
        or m.Position.objects.filter(Q(of_place_id=pk) | Q(to_place_id=pk)).exists()
    )


def used_place_ids() -> set[int]:
    ids: set[int] = set(m.Place.objects.filter(source=m.Place.Source.REGISTRY).values_list("pk", flat=True))
    for model, field in ((m.AgreementParty, "place_id"), (m.AllianceMember, "place_id"), (m.Engagement, "place_id"),
                         (m.EngagementParticipant, "place_id"), (m.ProjectMember, "place_id"),
                         (m.Organization, "place_id"), (m.Position, "of_place_id"), (m.Position, "to_place_id")):
        ids.update(model.objects.exclude(**{field: None}).values_list(field, flat=True))
    return ids


def entry_values(obj: Model) -> dict | None:
    """The index entry of a record (None: not indexed)."""
    if isinstance(obj, m.Place):
        parent = [obj.parent.name] if obj.parent_id else []
        return {"kind": "place", "title": obj.name, "names": " ".join([*obj.all_names, *obj.demonyms, *parent]),
                "body": f"{obj.get_kind_display()} {obj.notes}", "countries": _codes(obj.country_code)}
    if isinstance(obj, m.Organization):
        return {"kind": "organization", "title": obj.name, "names": " ".join([*obj.all_names, *_names(obj.place)]),
                "body": f"{obj.get_kind_display()} {obj.notes}",
                "countries": _codes(obj.country_code, obj.place.country_code if obj.place_id else "")}
    if isinstance(obj, m.Person):
        positions = _related(obj, "positions", "of_place", "of_organization", "to_place")
        names = [*obj.all_names, *sorted(korean_name_tokens(obj.all_names))]
        for position in positions:
            names += [position.title, position.title_raw, *_names(position.of_place),
                      *_names(position.of_organization), *_names(position.to_place)]
        dates = _span(*[p.known_from for p in positions], *[p.known_to for p in positions])
        return {"kind": "person", "title": obj.name, "names": " ".join(n for n in names if n), "body": obj.notes,
                "countries": _codes(obj.country_code, *[p.of_place.country_code for p in positions if p.of_place_id]),
                "date_from": dates[0], "date_to": dates[1]}
    if isinstance(obj, m.Agreement):
        parties = _related(obj, "parties", "place", "organization")
        names = [obj.title, obj.get_type_display()]
        for party in parties:
            names += _names(party.place) + _names(party.organization)
        names += [str(s.person) for s in _related(obj, "signatories", "person")]
        dates = _span(obj.signed_date)
        return {"kind": "agreement", "title": str(obj), "names": " ".join(n for n in names if n), "body": obj.notes,
                "countries": _codes(*[(p.place or p.organization).country_code for p in parties]),
                "fields": _field_codes(_related(obj, "fields")), "date_from": dates[0], "date_to": dates[1]}
    if isinstance(obj, m.Alliance):
        members = _related(obj, "members", "place", "organization")
        names = [*obj.all_names]
        for member in members:
            names += _names(member.place) + _names(member.organization)
        dates = _span(obj.established)
        return {"kind": "alliance", "title": obj.name, "names": " ".join(names), "body": f"{obj.purpose} {obj.notes}",
                "countries": _codes(*[(x.place or x.organization).country_code for x in members]),
                "date_from": dates[0], "date_to": dates[1]}
    if isinstance(obj, m.Project):
        members = _related(obj, "members", "place", "organization")
        names = [obj.name, *_names(obj.alliance)]
        for member in members:
            names += _names(member.place) + _names(member.organization)
        dates = _span(obj.start, obj.end)
        return {"kind": "project", "title": obj.name, "names": " ".join(names), "body": f"{obj.description} {obj.notes}",
                "countries": _codes(*[(x.place or x.organization).country_code for x in members]),
                "fields": f" {obj.field.code} " if obj.field_id else "", "date_from": dates[0], "date_to": dates[1]}
    if isinstance(obj, m.Engagement):
        participants = _related(obj, "participants", "person", "organization", "place")
        topics = _related(obj, "topics")
        names = [obj.title, obj.get_type_display(), obj.venue, *_names(obj.place), *_names(obj.alliance),
                 *[field.name for field in topics]]
        countries = [obj.place.country_code if obj.place_id else ""]
        for participant in participants:
            who = participant.person or participant.organization or participant.place
            names += [*_names(who), participant.role]
            countries.append(getattr(who, "country_code", ""))
            if participant.person_id:  # "Mayor of Kawasaki": the places people speak for
                for position in _related(participant.person, "positions", "of_place", "of_organization"):
                    names += [position.title, *_names(position.of_place), *_names(position.of_organization)]
                    countries.append(position.of_place.country_code if position.of_place_id else "")
        body = " ".join([obj.outcome, obj.notes, *[f.action for f in _related(obj, "follow_ups")]])
        dates = _span(obj.date)
        return {"kind": "engagement", "title": str(obj), "names": " ".join(n for n in names if n), "body": body,
                "countries": _codes(*countries), "fields": _field_codes(topics),
                "date_from": dates[0], "date_to": dates[1]}
    if isinstance(obj, Document):
        dates = _span(obj.published)
        return {"kind": "document", "title": str(obj), "names": " ".join([obj.title, obj.publisher, obj.url]),
                "body": obj.text, "date_from": dates[0], "date_to": dates[1]}
    return None


INDEXED = {
    "place": m.Place, "organization": m.Organization, "person": m.Person, "agreement": m.Agreement,
    "alliance": m.Alliance, "project": m.Project, "engagement": m.Engagement, "document": Document,
}


def indexing_queryset(kind: str):
    """Every record of `kind` with what its entry needs fetched alongside (a few queries per chunk, not per record)."""
    positions = Prefetch("positions", queryset=m.Position.objects.select_related("of_place", "of_organization", "to_place"))
    members = Prefetch("members", queryset=m.AllianceMember.objects.select_related("place", "organization"))
    related = {
        "place": (["parent"], []),
        "organization": (["place"], []),
        "person": ([], [positions]),
        "agreement": ([], [Prefetch("parties", queryset=m.AgreementParty.objects.select_related("place", "organization")),
                           Prefetch("signatories", queryset=m.AgreementSignatory.objects.select_related("person")),
                           "fields"]),
        "alliance": ([], [members]),
        "project": (["alliance", "field"],
                    [Prefetch("members", queryset=m.ProjectMember.objects.select_related("place", "organization"))]),
        "engagement": (["place", "alliance"], [
            Prefetch("participants", queryset=m.EngagementParticipant.objects
                     .select_related("person", "organization", "place")
                     .prefetch_related(Prefetch("person__positions", queryset=positions.queryset))),
            "topics", "follow_ups"]),
        "document": ([], []),
    }
    joined, prefetched = related[kind]
    return INDEXED[kind].objects.select_related(*joined).prefetch_related(*prefetched).order_by("pk")
