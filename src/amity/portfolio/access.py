"""Who may see and change portfolio pages (asks amity.accounts.permissions)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from amity.accounts import permissions


def viewer_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.can_view(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def require_edit(user, obj=None) -> None:
    if not permissions.can_edit(user, obj):
        raise PermissionDenied("this record is outside your editing scope" if obj is not None else "editors only")


def scope_check(user):
    """For imports: a function telling whether a set of place ids touches the user's editing scope."""
    scope = permissions.scope_of(user)
    if scope is None:
        return None
    places, _ = scope
    return lambda ids: bool(set(ids) & places)
