"""Turn pipeline candidates into the public records: ids, references, spans in input offsets."""

from __future__ import annotations

from .codes import DECISIONS
from .context import Context, CountryCand, name_of
from .dates import published_text
from .model import (
    Agreement,
    Alliance,
    Country,
    Decision,
    DocumentInfo,
    Event,
    Extraction,
    FollowUp,
    Organization,
    Person,
    Place,
    Ref,
    Span,
)


def _span(ctx: Context, start: int, end: int) -> Span:
    s, e = ctx.clean.to_input(start), ctx.clean.to_input(max(start, end - 1)) + 1
    return Span(s, e, ctx.raw[s:e])


def _spans(ctx: Context, ranges: list[tuple[int, int]]) -> list[Span]:
    return [_span(ctx, s, e) for s, e in ranges]


def _ref(item: object | None, role: str | None = None) -> Ref | None:
    if item is None:
        return None
    if isinstance(item, str):
        return Ref(None, item, role)
    return Ref(getattr(item, "id", None) or None, name_of(item), role)


def assemble(ctx: Context, language: str | None) -> Extraction:
    for i, p in enumerate(ctx.places, 1):
        p.id = f"p{i}"
    for i, c in enumerate(ctx.countries.values(), 1):
        c.id = f"c{i}"
    for i, o in enumerate(ctx.organizations, 1):
        o.id = f"org{i}"
    for i, per in enumerate(ctx.people, 1):
        per.id = f"per{i}"

    out = Extraction()
    out.document = DocumentInfo(
        title=ctx.title, published=published_text(ctx.published),
        language=language, publisher=ctx.clean.publisher, url=ctx.url, length=len(ctx.raw),
    )
    for p in ctx.places:
        e = p.entry
        if p.name.isupper():  # a dateline ("DAVAO CITY —"): name it as the text does elsewhere
            p.name = next((x for x in p.surfaces if not x.isupper()), p.name.title())
        mentions = _spans(ctx, p.mentions)
        out.places.append(Place(
            id=p.id, name=p.name, canonical_name=getattr(e, "name", None) or p.name, country=p.country,
            kind=p.kind, geonames_id=getattr(e, "geonames_id", None), kr_admin_code=getattr(e, "kr_admin_code", None),
            lat=getattr(e, "lat", None), lon=getattr(e, "lon", None),
            aliases=[s for s in p.surfaces if s != p.name], mentions=mentions, evidence=mentions[:1],
        ))
    for c in ctx.countries.values():
        mentions = _spans(ctx, c.mentions)
        out.countries.append(Country(id=c.id, code=c.code, name=c.name, mentions=mentions, evidence=mentions[:1]))
    for per in ctx.people:
        mentions = _spans(ctx, per.mentions or [per.span])
        of_ref = getattr(per.of_obj, "id", None) or None
        out.people.append(Person(
            id=per.id, name=per.name, aliases=[a for a in per.aliases if a != per.name], title=per.title,
            title_raw=per.title_raw, of=per.of, of_ref=of_ref, to=per.to, family_name=per.family_name,
            given_name=per.given_name, mentions=mentions, evidence=mentions[:1],
        ))
    for o in ctx.organizations:
        mentions = _spans(ctx, o.mentions or [o.span])
        out.organizations.append(Organization(
            id=o.id, name=o.name, kind=o.kind, place=o.place.name if o.place else None,
            place_ref=o.place.id if o.place else None, aliases=[a for a in o.aliases if a != o.name],
            mentions=mentions, evidence=mentions[:1],
        ))
    for i, ev in enumerate(ctx.events, 1):
        out.events.append(Event(
            id=f"ev{i}", type=ev.type, date=ev.date, time=ev.time, venue=ev.venue,
            place=ev.place.name if ev.place else None, place_ref=ev.place.id if ev.place else None,
            participants=[r for r in (_ref(x, _role(x)) for x in ev.participants) if r],
            topics=ev.topics, attendance=ev.attendance, status="planned" if ev.planned else None,
            evidence=_spans(ctx, ev.evidence or [ev.sentence]), rule=ev.rule, reason=DECISIONS.get(ev.rule),
        ))
    for i, ag in enumerate(ctx.agreements, 1):
        out.agreements.append(Agreement(
            id=f"ag{i}", type=ag.type, title=ag.title, parties=[r for r in map(_ref, ag.parties) if r],
            date=ag.date, status="planned" if ag.planned else "signed", fields=ag.fields,
            evidence=_spans(ctx, ag.evidence or [ag.sentence]), rule=_agreement_rule(ag), reason=DECISIONS.get(_agreement_rule(ag)),
        ))
    for slot, rule, (start, end) in ctx.decisions:
        out.decisions.append(Decision(slot=slot, rule=rule, reason=DECISIONS.get(rule, rule),
                                      evidence=[_span(ctx, start, end)]))
    org_ids = {o.name: o.id for o in ctx.organizations}
    for al in ctx.alliances:
        for team in al.teams:
            team["ref"] = org_ids.get(team.get("name"))
    for i, al in enumerate(ctx.alliances, 1):
        out.alliances.append(Alliance(
            id=f"al{i}", name=al.org.name, aliases=list(al.org.aliases),
            members=[r for r in map(_ref, al.members) if r], established=al.established,
            counts=al.counts, key_projects=al.key_projects, teams=al.teams,
            evidence=_spans(ctx, al.evidence or al.org.mentions[:1] or [al.org.span]),
        ))
    for i, fu in enumerate(ctx.follow_ups, 1):
        out.follow_ups.append(FollowUp(id=f"fu{i}", action=fu.action, owner=_ref(fu.owner), due=fu.due,
                                       evidence=_spans(ctx, fu.evidence)))
    out.warnings = list(dict.fromkeys(ctx.clean.warnings + ctx.warnings))
    return out


def _role(item: object) -> str:
    kind = type(item).__name__
    if isinstance(item, CountryCand):
        return "country"
    return {"PersonCand": "person", "OrgCand": "organization", "PlaceCand": "place"}.get(kind, "other")


def _agreement_rule(ag: object) -> str:
    """An agreement read as signed but marked planned by a later rule is a planned one."""
    rule = getattr(ag, "rule", "signed")
    return "planned" if getattr(ag, "planned", False) and rule == "signed" else rule
