"""An editor's scope: the one rule deciding which records a city-scoped editor may write.

It lives in the registry layer so that every write path can ask it — the web forms, the
API, the CLI and the review services (which must not know about accounts: their caller
passes the Scope in). accounts.permissions builds the Scope of a user.

The rule:
- a record is judged by its whole: a part (an agreement's party, a person's position, a
  team's member) belongs to the record it is part of;
- a whole is in scope when it involves one of the scope's places (a city's districts
  included) or organizations; a project or engagement of an alliance involves the alliance's
  members, a project of an agreement its parties;
- a whole that involves no place or organization at all (just created, nothing attached
  yet) is open to every editor, so an editor can always finish a record they started;
- a write is allowed when the record is in scope before the change, would be in scope where
  the change puts it (a part moved to another whole), and is still in scope (or involves
  no one) after it. Callers check the last one inside their transaction and roll back.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

from django.db.models import Model

from amity.registry import models as m


class Scope(NamedTuple):
    """Place and organization ids an editor is limited to (districts of a place included)."""

    places: frozenset[int]
    organizations: frozenset[int]

    def covers(self, record: Model) -> bool:
        """May an editor with this scope write `record` (saved or not yet saved) as it stands?"""
        places, organizations = involved(whole_of(record))
        if not places and not organizations:
            return True
        return bool(places & self.places or organizations & self.organizations)

    def covers_change(self, record: Model, values: dict) -> bool:
        """Before changing `record` to `values`: it is in scope now, and where the change puts it."""
        draft = copy.copy(record)  # Django copies the instance's field cache, so `record` stays as it is
        for name, value in values.items():
            field = record._meta.get_field(name)
            if not field.many_to_many:
                setattr(draft, name, value)
        return self.covers(record) and self.covers(draft)


def allows(scope: Scope | None, record: Model) -> bool:
    """No scope means no limit."""
    return scope is None or scope.covers(record)


def whole_of(record: Model) -> Model:
    """The record a part belongs to (following parts of parts), or the record itself."""
    seen = 0
    while seen < 10:
        parent_name = getattr(record, "changelog_parent", None)
        parent = getattr(record, parent_name, None) if parent_name else None
        if parent is None:
            return record
        record, seen = parent, seen + 1
    return record


def _related(record: Model, name: str):
    """A to-many relation's rows; an unsaved record has none yet."""
    return getattr(record, name).all() if record.pk is not None else ()


def involved(record: Model) -> tuple[set[int], set[int]]:
    """The place and organization ids a record involves."""
    places: set[int] = set()
    organizations: set[int] = set()

    def add(place_id=None, organization_id=None):
        if place_id:
            places.add(place_id)
        if organization_id:
            organizations.add(organization_id)

    def add_from(other: Model | None):
        if other is not None:
            other_places, other_organizations = involved(other)
            places.update(other_places)
            organizations.update(other_organizations)

    def add_members(rows):
        for row in rows:
            add(row.place_id, row.organization_id)

    if isinstance(record, m.Place):
        add(record.pk, record.parent_id)
    elif isinstance(record, m.Organization):
        add(record.place_id, record.pk)
    elif isinstance(record, m.Person):
        for position in _related(record, "positions"):
            add(position.of_place_id, position.of_organization_id)
    elif isinstance(record, m.Position):
        add(record.of_place_id, record.of_organization_id)
    elif isinstance(record, m.Agreement):
        add_members(_related(record, "parties"))
    elif isinstance(record, m.Alliance):
        add_members(_related(record, "members"))
    elif isinstance(record, m.Project):
        add_members(_related(record, "members"))
        if record.alliance_id:
            add_members(record.alliance.members.all())
        if record.agreement_id:
            add_members(record.agreement.parties.all())
    elif isinstance(record, m.Engagement):
        add(record.place_id)
        if record.alliance_id:
            add_members(record.alliance.members.all())
        for participant in _related(record, "participants"):
            add(participant.place_id, participant.organization_id)
            if participant.person_id:
                add_from(participant.person)
    elif isinstance(record, m.FollowUp):
        add(record.owner_place_id, record.owner_organization_id)
        for parent in (record.engagement, record.agreement, record.project):
            add_from(parent)
    else:
        # Parts of a whole not listed here (portfolio records …) follow their whole.
        whole = whole_of(record)
        if whole is not record:
            return involved(whole)
    # An organization of a city involves the city (a party that is Pohang's port authority is Pohang's).
    organization_places = m.Organization.objects.filter(pk__in=organizations, place__isnull=False)
    places.update(organization_places.values_list("place_id", flat=True)) if organizations else None
    return places, organizations
