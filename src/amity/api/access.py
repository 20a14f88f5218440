"""Permission checks for API operations: the same rules as the web app (accounts.permissions).

viewer reads, reviewer reviews, editor writes within their scope, admin does everything;
read-only tokens never write.
"""

from django.db.models import Model
from ninja.errors import HttpError

from amity.accounts import permissions
from amity.core.actor import actor_for_user


def actor(request) -> str:
    """The change-log actor of this request: the token's or session's user."""
    return actor_for_user(request.auth.user)


def require_view(request) -> None:
    if not permissions.can_view(request.auth.user):
        raise HttpError(403, "you may not read the registry")


def _require_write(request) -> None:
    if request.auth.token is not None and request.auth.token.read_only:
        raise HttpError(403, "this token is read-only")


def require_edit(request, obj: Model | None = None) -> None:
    """May the caller create records (obj None), or write `obj` (saved, or new and unsaved)?

    Called before a write and again, inside its transaction, on the record as it is after
    it: a change that takes a record out of the caller's scope is rolled back.
    """
    _require_write(request)
    if not permissions.can_edit(request.auth.user, obj):
        raise HttpError(403, _refusal(obj))


def require_change(request, obj: Model, values: dict) -> None:
    """May the caller change `obj` to `values` (a part moved to another whole included)?"""
    _require_write(request)
    if not permissions.can_change(request.auth.user, obj, values):
        raise HttpError(403, _refusal(obj))


def _refusal(obj: Model | None) -> str:
    if obj is None:
        return "you may not edit the registry"
    what = f"{obj._meta.verbose_name} {obj.pk}" if obj.pk else f"this {obj._meta.verbose_name}"
    return f"you may not write {what}: it is outside your editing scope"


def review_scope(request):
    """The scope the review services limit this caller's decisions to (None: no limit)."""
    return permissions.scope_of(request.auth.user)


def require_review(request) -> None:
    _require_write(request)
    if not permissions.can_review(request.auth.user):
        raise HttpError(403, "you may not review claims")


def require_admin(request) -> None:
    _require_write(request)
    if not permissions.can_admin(request.auth.user):
        raise HttpError(403, "administrators only")
