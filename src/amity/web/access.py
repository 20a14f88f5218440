"""Who may see and change what on the web pages (asks amity.accounts.permissions)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model

from amity.accounts import permissions


def roles_for(user) -> dict:
    role = permissions.role_of(user)
    return {
        "role": role,
        "role_label": permissions.Role(role).label if role else "",  # the badge reads it in the reader's language
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
    """Refuse unless the user may write `obj` — saved, or new and not yet saved (or create records, when
    obj is None). The rule is amity.registry.scope, through accounts.permissions."""
    if not permissions.can_edit(request.user, obj):
        if not request.user.is_authenticated:
            raise PermissionDenied("sign in to edit")
        raise PermissionDenied("this record is outside your editing scope" if obj is not None else "editors only")
