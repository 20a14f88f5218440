"""A city's yearly exchange report.

Partners and engagements per partner, agreements signed or renewed that year,
delegations in (held in the city) and out (held elsewhere), follow-ups done and open.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from amity.portfolio.activity import agreement_activity, engagement_places
from amity.portfolio.reports import queries as q
from amity.portfolio.reports.coverage import coverage_table
from amity.portfolio.reports.model import Report, Table
from amity.registry import models as m
from amity.registry.readable import record_name

MARKED_EVENTS = {m.Agreement.Status.SIGNED, m.Agreement.Status.RENEWED, m.Agreement.Status.UPGRADED}


def _direction(engagement: m.Engagement, ids: set[int]) -> str:
    if engagement.place_id is None:
        return "unknown"
    return "in" if engagement.place_id in ids else "out"


def _agreement_events(agreement: m.Agreement, year: int) -> list[tuple[str, object]]:
    events = [(change.status, change.date) for change in agreement.status_history.all()
              if change.status in MARKED_EVENTS and change.date and change.date.year == year]
    if agreement.signed_date and agreement.signed_date.year == year and not any(
            status == m.Agreement.Status.SIGNED for status, _when in events):
        events.insert(0, (m.Agreement.Status.SIGNED, agreement.signed_date))
    return events


def latest_year(place: m.Place | None = None) -> int | None:
    """The latest year with an engagement or a signed agreement (of the place, if given): what a report opens on."""
    if place is not None:
        ids = q.place_and_districts(place)
        engagements, agreements = q.engagements_of_places(ids), q.agreements_of_places(ids)
    else:
        engagements, agreements = m.Engagement.objects.all(), m.Agreement.objects.all()
    years = [e.date.year for e in engagements if e.date] + [a.signed_date.year for a in agreements if a.signed_date]
    return max(years, default=None)


def city_report(place: m.Place, year: int) -> Report:
    ids = q.place_and_districts(place)
    agreements = list(q.agreements_of_places(ids))
    the_year = {"year": year}  # the interpolation most headings share
    engagements = list(q.engagements_of_places(ids))
    in_year = [e for e in engagements if e.date and e.date.year == year]
    places_of = {e.pk: engagement_places(e) for e in engagements}
    activity = {a.subject.pk: a for a in agreement_activity(
        m.Agreement.objects.filter(pk__in=[a.pk for a in agreements]))}

    partners = Table(_("Partners"), [_("Partner"), _("Country"), _("Agreement"), _("Signed"), _("Status"),
                                     _("Engagements %(year)s") % the_year, _("Last contact"), _("Dormant today")],
                     empty=_("No partnership agreements recorded."))
    per_partner: dict[str, list] = {}
    for agreement in agreements:
        for partner in q.partners_in(agreement, ids):
            linked = [e for e in in_year if e.agreement_id == agreement.pk
                      or (isinstance(partner, m.Place) and partner.pk in places_of[e.pk])]
            bucket = per_partner.setdefault(record_name(partner), [])
            for engagement in linked:
                if engagement not in bucket:
                    bucket.append(engagement)
            indicator = activity.get(agreement.pk)
            partners.rows.append([
                record_name(partner), getattr(partner, "country_code", ""), agreement.get_type_display(),
                agreement.signed_date, agreement.get_status_display(), len(linked),
                indicator.last_contact if indicator else None,
                (_("yes") if indicator.dormant else _("no")) if indicator else None,
            ])
    if activity:
        partners.note = next(iter(activity.values())).rule

    signed = Table(_("Agreements signed or renewed in %(year)s") % the_year,
                   [_("Agreement"), _("Partner"), _("Type"), _("Event"), _("Date")],
                   empty=_("No agreement signed or renewed in %(year)s.") % the_year)
    for agreement in agreements:
        for status, date in _agreement_events(agreement, year):
            signed.rows.append([agreement.title or str(agreement), ", ".join(record_name(p) for p in q.partners_in(agreement, ids)),
                                agreement.get_type_display(), m.Agreement.Status(status).label, date])

    log = Table(_("Engagements in %(year)s") % the_year,
                [_("Date"), _("Type"), _("Title"), _("Where"), _("Direction"), _("Attendance")],
                note=_("in: held in the city (a delegation received); out: held elsewhere (a delegation sent)."),
                empty=_("No engagement recorded in %(year)s.") % the_year)
    for engagement in in_year:
        log.rows.append([engagement.date, engagement.get_type_display(), engagement.title or str(engagement),
                         record_name(engagement.place) if engagement.place_id else engagement.venue,
                         _direction(engagement, ids), engagement.attendance])

    delegations = Table(_("Delegations in and out"), [_("Partner"), _("In (received)"), _("Out (sent)"), _("Engagements")],
                        empty=_("No engagements with partners this year."))
    for name, items in sorted(per_partner.items()):
        directions = [_direction(e, ids) for e in items]
        delegations.rows.append([name, directions.count("in"), directions.count("out"), len(items)])
    directions = [_direction(e, ids) for e in in_year]
    delegations.rows.append([_("All engagements"), directions.count("in"), directions.count("out"), len(in_year)])

    follow_ups = [f for f in q.follow_ups_of(ids, {e.pk for e in engagements}, {a.pk for a in agreements})
                  if f.status == m.FollowUp.Status.OPEN
                  or (f.due and f.due.year == year) or (f.engagement and f.engagement.date and f.engagement.date.year == year)]
    done = sum(f.status == m.FollowUp.Status.DONE for f in follow_ups)
    still_open = sum(f.status == m.FollowUp.Status.OPEN for f in follow_ups)
    actions = Table(_("Follow-ups"), [_("Action"), _("From"), _("Owner"), _("Due"), _("Status")],
                    note=_("%(done)s done, %(open)s open (open ones of any year; done and cancelled ones due or "
                           "promised in %(year)s).") % {"done": done, "open": still_open, "year": year},
                    empty=_("No follow-ups recorded."))
    for follow_up in follow_ups:
        subject = follow_up.engagement or follow_up.agreement or follow_up.project
        actions.rows.append([follow_up.action, str(subject) if subject else None, str(q.owner_of(follow_up) or "") or None,
                             follow_up.due, follow_up.get_status_display()])

    summary = Table(_("Summary"), [_("Figure"), _("Value")], rows=[
        [_("Partners"), len(partners.rows)], [_("Engagements in %(year)s") % the_year, len(in_year)],
        [_("Delegations received (in)"), directions.count("in")], [_("Delegations sent (out)"), directions.count("out")],
        [_("Agreements signed or renewed in %(year)s") % the_year, len(signed.rows)],
        [_("Follow-ups done"), done], [_("Follow-ups open"), still_open],
    ])
    names = " / ".join(dict.fromkeys([place.name, *place.aliases[:1]]))
    return Report(title=_("%(place)s exchange report %(year)s") % {"place": record_name(place), "year": year},
                  subtitle=names,
                  tables=[summary, partners, signed, delegations, log, actions, coverage_table(place)])
