"""Who may see and change what on the web pages (asks amity.accounts.permissions)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model

from amity.accounts import permissions
from amity.registry import models as m


def roles_for(user) -> dict:
    role = permissions.role_of(user)
    return {
        "role": role,
        "view": role is not None or permissions.SiteSettings.current().public_read,
        "review": permissions.can_review(user),
        "edit": permissions.can_edit(user),
        "admin": permissions.can_admin(user),
    }


def _refuse(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def viewer_required(view):
    """Signed-in users; anyone when the admin made the registry public (read-only)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.can_view(request.user):
            return _refuse(request)
        return view(request, *args, **kwargs)

    return wrapper


def reviewer_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.can_review(request.user):
            return _refuse(request)
        return view(request, *args, **kwargs)

    return wrapper


def signed_in_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def require_edit(request, obj: Model | None = None) -> None:
    """Refuse unless the user may change `obj` (or create records, when obj is None)."""
    if not permissions.can_edit(request.user, obj):
        if not request.user.is_authenticated:
            raise PermissionDenied("sign in to edit")
        raise PermissionDenied("this record is outside your editing scope" if obj is not None else "editors only")


# Direct references a new record carries before it is saved (its parts come later).
_DIRECT = {
    m.Engagement: ("place",), m.Organization: ("place",), m.Position: ("of_place", "of_organization"),
    m.AgreementParty: ("place", "organization"), m.AllianceMember: ("place", "organization"),
    m.ProjectMember: ("place", "organization"), m.EngagementParticipant: ("place", "organization"),
    m.FollowUp: ("owner_place", "owner_organization"), m.Place: ("parent",),
}


def may_create(user, obj: Model, parent: Model | None = None) -> bool:
    """May `user` add the unsaved `obj` (a part of `parent`, when given)?

    A scoped editor may start a record that involves nobody yet, or one that involves their
    scope; they may add a part to a record in their scope, or the first part (in their
    scope) to a record that involves nobody yet.
    """
    if not permissions.can_edit(user):
        return False
    scope = permissions.scope_of(user)
    if scope is None:
        return True
    places, orgs = scope
    own_places, own_orgs = set(), set()
    for name in _DIRECT.get(type(obj), ()):
        value = getattr(obj, f"{name}_id", None)
        if value is None:
            continue
        target = getattr(obj, name)
        (own_places if isinstance(target, m.Place) else own_orgs).add(value)
        if isinstance(obj, m.Place) and isinstance(target, m.Place):
            own_places.add(value)
    touches_scope = bool(own_places & places or own_orgs & orgs)
    if parent is not None:
        if permissions.can_edit(user, parent):
            return True
        parent_places, parent_orgs = permissions.involved(parent)
        return not parent_places and not parent_orgs and touches_scope
    return touches_scope or not (own_places or own_orgs)
