"""Coverage statements: what Amity counts for a place, a country or the whole registry, and how.

Every count of city partnerships disagrees with every other because each counts something
else. Each figure here carries its counting rule, the date it is true on and the sources
behind it, and the statement compares itself with the last partner list reconciled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from amity.reconcile.compare import CATEGORIES, ONLY_IN_AMITY, compare
from amity.registry.models import Agreement, Engagement, Place
from amity.review.models import Citation

COUNTED = (Agreement.Status.SIGNED, Agreement.Status.UPGRADED, Agreement.Status.RENEWED)
# The counting rules are read by people in their language (reports, the place page): translated lazily.
TYPE_RULES = {
    Agreement.Type.SISTER_CITY: gettext_lazy("agreements of type sister city (자매결연: a formal twinning)"),
    Agreement.Type.FRIENDSHIP_CITY: gettext_lazy("agreements of type friendship city (우호협력: a looser tie, "
                                                 "often a step before twinning)"),
    Agreement.Type.MOU: gettext_lazy("memoranda of understanding between the parties (not counted as partner cities)"),
    Agreement.Type.BUSINESS_AGREEMENT: gettext_lazy("business agreements (ports, agencies, companies)"),
    Agreement.Type.OTHER: gettext_lazy("other agreements"),
}
STATUS_RULES = {
    Agreement.Status.PLANNED: gettext_lazy("announced or intended, not signed yet: not in the counts above"),
    Agreement.Status.DORMANT: gettext_lazy("marked dormant by a person: not in the counts above"),
    Agreement.Status.TERMINATED: gettext_lazy("ended: not in the counts above"),
}
ACTIVE_RULE = gettext_lazy("with status signed, upgraded or renewed")
DEFAULT_QUIET_YEARS = 3


@dataclass
class Figure:
    label: str
    count: int
    rule: str
    total: int | None = None  # for shares: count of total
    key: str = ""  # a name that does not change with the reader's language (a status code), for lookups

    def __str__(self) -> str:
        value = (_("%(count)s of %(total)s (%(share)s%%)") % {"count": self.count, "total": self.total,
                                                             "share": self.count * 100 // self.total}
                 if self.total else str(self.count))
        return f"{self.label}: {value} — {self.rule}"


@dataclass
class QuietTie:
    agreement: Agreement
    last_engagement: str  # ISO partial date, "" for never

    def __str__(self) -> str:
        names = " – ".join(p.place.name for p in self.agreement.parties.all() if p.place)
        return _("%(names)s (%(type)s): last engagement %(date)s") % {
            "names": names, "type": self.agreement.get_type_display(), "date": self.last_engagement or _("none")}


@dataclass
class Statement:
    scope: str
    as_of: dt.date
    figures: list[Figure] = field(default_factory=list)
    quiet: list[QuietTie] = field(default_factory=list)
    quiet_rule: str = ""
    sources: str = ""
    last_list: list[str] = field(default_factory=list)

    def figure(self, name: str) -> Figure:
        return next(f for f in self.figures if name in (f.key, str(f.label)))

    def lines(self) -> list[str]:
        lines = [f"Coverage of {self.scope}, as of {self.as_of.isoformat()}", f"sources: {self.sources}"]
        lines += [str(figure) for figure in self.figures]
        lines.append(f"ties with no engagement for a while: {len(self.quiet)} — {self.quiet_rule}")
        lines += [f"  {tie}" for tie in self.quiet]
        lines += self.last_list or ["last reconciled list: none (take rows from a list on the web page, "
                                    "or `amity reconcile FILE --keep`)"]
        return lines


def _scope(target) -> tuple[str, Q, set[int] | None]:
    """(name, agreements filter, place ids) for a Place, an ISO country code or None (everything)."""
    if target is None:
        return _("the whole registry"), Q(), None
    if isinstance(target, Place) and target.kind == Place.Kind.COUNTRY:  # a country's page: all its places
        target = target.country_code
    if isinstance(target, Place):
        ids = {target.pk, *Place.objects.filter(parent=target).values_list("pk", flat=True)}
        return str(target), Q(parties__place__in=ids), ids
    ids = set(Place.objects.filter(country_code=target).values_list("pk", flat=True))
    return _("country %(code)s") % {"code": target}, Q(parties__place__in=ids), ids


def _agreements(condition: Q) -> list[Agreement]:
    return list(Agreement.objects.filter(condition).distinct().prefetch_related("parties__place"))


def _places_of(engagement_rows) -> dict[int, set[int]]:
    involved: dict[int, set[int]] = {}
    for pk, place, participant_place, organization_place in engagement_rows:
        involved.setdefault(pk, set()).update(filter(None, (place, participant_place, organization_place)))
    return involved


def _last_engagements(ties: list[Agreement]) -> dict[int, str]:
    """Latest engagement per tie: one linked to the agreement, or one involving both of its places."""
    party_places = {tie.pk: {p.place_id for p in tie.parties.all() if p.place_id} for tie in ties}
    all_places = set().union(*party_places.values()) if party_places else set()
    engagements = Engagement.objects.filter(
        Q(agreement__in=ties) | Q(place__in=all_places) | Q(participants__place__in=all_places)
        | Q(participants__organization__place__in=all_places)).distinct()
    dates = {pk: str(date or "") for pk, date in engagements.values_list("pk", "date")}
    linked = dict(engagements.filter(agreement__in=ties).values_list("pk", "agreement"))
    involved = _places_of(engagements.values_list("pk", "place", "participants__place",
                                                  "participants__organization__place"))
    # Indexed by place: a busy city's engagements are intersected with each partner's, not scanned per tie.
    at_place: dict[int, set[int]] = {}
    for pk, places in involved.items():
        for place_id in places:
            at_place.setdefault(place_id, set()).add(pk)
    naming: dict[int, set[int]] = {}
    for pk, agreement_id in linked.items():
        naming.setdefault(agreement_id, set()).add(pk)
    last: dict[int, str] = {}
    for tie in ties:
        wanted = party_places[tie.pk]
        counted = set(naming.get(tie.pk, ()))
        if len(wanted) >= 2:
            touching = sorted((at_place.get(place_id, set()) for place_id in wanted), key=len)
            counted |= touching[0].intersection(*touching[1:])  # involves every one of its places
        if counted:
            last[tie.pk] = max(dates.get(pk, "") for pk in counted)
    return last


def _recent(date_text: str, cutoff: dt.date) -> bool:
    """A partial date is recent when it is not before the cutoff as far as it is known."""
    return bool(date_text) and date_text >= cutoff.isoformat()[:len(date_text)]


def _sourced(ties: list[Agreement]) -> tuple[set[int], int]:
    citations = Citation.objects.filter(content_type=ContentType.objects.get_for_model(Agreement),
                                        object_id__in=[tie.pk for tie in ties])
    return set(citations.values_list("object_id", flat=True)), citations.values("claim__document").distinct().count()


def coverage(target=None, *, as_of: dt.date | None = None, quiet_years: int = DEFAULT_QUIET_YEARS) -> Statement:
    """The coverage statement of a Place, an ISO country code, or (None) the whole registry."""
    as_of = as_of or dt.date.today()
    scope, condition, place_ids = _scope(target)
    agreements = _agreements(condition)
    active = [a for a in agreements if a.status in COUNTED]
    statement = Statement(scope, as_of)
    for kind, rule in TYPE_RULES.items():
        count = sum(a.type == kind for a in active)
        if count or kind in (Agreement.Type.SISTER_CITY, Agreement.Type.FRIENDSHIP_CITY):
            statement.figures.append(Figure(Agreement.Type(kind).label, count, f"{rule}, {ACTIVE_RULE}"))
    for status, rule in STATUS_RULES.items():
        statement.figures.append(Figure(Agreement.Status(status).label, sum(a.status == status for a in agreements),
                                        rule, key=status))
    if active:
        statement.figures.append(Figure(_("with a signing date"), sum(a.signed_date is not None for a in active),
                                        _("counted ties whose signing date is known, at least to the year"),
                                        len(active), key="with a signing date"))
        sourced, documents = _sourced(active)
        statement.figures.append(Figure(_("with a source document"), len(sourced & {a.pk for a in active}),
                                        _("counted ties citing an accepted claim from a press release or list; "
                                          "the rest were entered by hand"), len(active), key="with a source document"))
    else:
        documents = 0
    cutoff = as_of.replace(year=as_of.year - quiet_years)
    last = _last_engagements(active)
    statement.quiet = [QuietTie(a, last.get(a.pk, "")) for a in active if not _recent(last.get(a.pk, ""), cutoff)]
    statement.quiet_rule = _("counted ties with no engagement since %(date)s (%(years)s years): none linked to the "
                             "agreement and none involving both places") % {"date": cutoff.isoformat(),
                                                                            "years": quiet_years}
    statement.sources = _("the registry on %(date)s: %(agreements)s, entered by hand or accepted from %(documents)s") % {
        "date": as_of.isoformat(),
        "agreements": ngettext("%(count)s agreement", "%(count)s agreements", len(agreements)) % {"count": len(agreements)},
        "documents": ngettext("%(count)s source document", "%(count)s source documents", documents) % {"count": documents}}
    named = isinstance(target, Place) and target.kind != Place.Kind.COUNTRY
    statement.last_list = _last_list(place_ids, target.all_names if named else None)
    return statement


def _last_list(place_ids: set[int] | None, names: list[str] | None = None) -> list[str]:
    """The latest stored partner list that names places of this scope, compared with the registry today.

    For a place, only lists whose text names it (in any of its names) are compared: comparing is the slow part.
    """
    from amity.reconcile.lists import ListError
    from amity.reconcile.take import reread, stored_lists

    for document in stored_lists()[:20]:
        if names is not None and not any(name in document.text for name in names):
            continue
        try:
            comparison = compare(reread(document))
        except ListError:
            continue
        rows = [row for row in comparison.rows if place_ids is None
                or {getattr(row.place_a, "pk", None), getattr(row.place_b, "pk", None)} & place_ids]
        if not rows:
            continue
        listed = sum(row.category != ONLY_IN_AMITY for row in rows)
        counts = ", ".join(f"{category}: {sum(row.category == category for row in rows)}" for category in CATEGORIES)
        return [_("last reconciled list: %(title)s (kept %(date)s, document %(pk)s) names %(listed)s ties of this "
                  "scope — %(counts)s") % {"title": document.title, "date": document.created.date().isoformat(),
                                           "pk": document.pk, "listed": listed, "counts": counts}]
    return []
