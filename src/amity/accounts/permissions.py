"""Who may do what. The web pages and the API both ask these functions.

viewer: read. reviewer: read and review claims. editor: read, review and edit —
only records involving their scope places/organizations when a scope is set.
admin (or Django superuser): everything, including users and settings.
"""

from __future__ import annotations

from django.db.models import Model

from amity.accounts.models import Profile, Role, SiteSettings
from amity.registry import models as m

RANK = {Role.VIEWER: 0, Role.REVIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


def role_of(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    profile = Profile.objects.filter(user=user).first()
    return profile.role if profile else Role.VIEWER


def has_role(user, role: str) -> bool:
    current = role_of(user)
    return current is not None and RANK[current] >= RANK[role]


def can_view(user) -> bool:
    return role_of(user) is not None or SiteSettings.current().public_read


def can_review(user) -> bool:
    return has_role(user, Role.REVIEWER)


def can_admin(user) -> bool:
    return has_role(user, Role.ADMIN)


def scope_of(user) -> tuple[set[int], set[int]] | None:
    """(place ids, organization ids) an editor is limited to, or None for no limit."""
    if role_of(user) != Role.EDITOR:
        return None
    profile = Profile.objects.filter(user=user).first()
    places = set(profile.scope_places.values_list("pk", flat=True)) if profile else set()
    organizations = set(profile.scope_organizations.values_list("pk", flat=True)) if profile else set()
    if not places and not organizations:
        return None
    # A city's districts are inside its scope.
    places |= set(m.Place.objects.filter(parent_id__in=places).values_list("pk", flat=True))
    return places, organizations


def can_edit(user, obj: Model | None = None) -> bool:
    """May `user` create (obj None) or change `obj`?"""
    if not has_role(user, Role.EDITOR):
        return False
    scope = scope_of(user)
    if scope is None or obj is None:
        return True
    places, organizations = scope
    involved_places, involved_orgs = involved(obj)
    return bool(involved_places & places or involved_orgs & organizations)


def involved(obj: Model) -> tuple[set[int], set[int]]:
    """The places and organizations a record involves (for editor scopes)."""
    places: set[int] = set()
    orgs: set[int] = set()

    def add(place_id=None, org_id=None):
        if place_id:
            places.add(place_id)
        if org_id:
            orgs.add(org_id)

    if isinstance(obj, m.Place):
        add(obj.pk)
        add(obj.parent_id)
    elif isinstance(obj, m.Organization):
        add(obj.place_id, obj.pk)
    elif isinstance(obj, m.Person):
        for position in obj.positions.all():
            add(position.of_place_id, position.of_organization_id)
    elif isinstance(obj, m.Position):
        add(obj.of_place_id, obj.of_organization_id)
    elif isinstance(obj, m.Agreement):
        for party in obj.parties.all():
            add(party.place_id, party.organization_id)
    elif isinstance(obj, m.Alliance):
        for member in obj.members.all():
            add(member.place_id, member.organization_id)
    elif isinstance(obj, m.Project):
        for member in obj.members.all():
            add(member.place_id, member.organization_id)
    elif isinstance(obj, m.Engagement):
        add(obj.place_id)
        for participant in obj.participants.all():
            add(participant.place_id, participant.organization_id)
            if participant.person_id:
                person_places, person_orgs = involved(participant.person)
                places.update(person_places)
                orgs.update(person_orgs)
    elif isinstance(obj, m.FollowUp):
        add(obj.owner_place_id, obj.owner_organization_id)
        for parent in (obj.engagement, obj.agreement, obj.project):
            if parent is not None:
                parent_places, parent_orgs = involved(parent)
                places.update(parent_places)
                orgs.update(parent_orgs)
    else:
        # Parts (an agreement's party, a project's milestone …) follow their whole.
        parent_name = getattr(obj, "changelog_parent", None)
        parent = getattr(obj, parent_name, None) if parent_name else None
        if parent is not None:
            return involved(parent)
    return places, orgs
