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
    """May the caller create (obj None) or change `obj`?"""
    _require_write(request)
    if not permissions.can_edit(request.auth.user, obj):
        what = "edit the registry" if obj is None else f"edit {obj._meta.verbose_name} {obj.pk}"
        raise HttpError(403, f"you may not {what}" + ("" if obj is None else " (outside your scope?)"))


def require_edit_part(request, whole: Model) -> None:
    """Adding or changing a part (an agreement's party …) is editing its whole.

    A whole that involves no place or organization yet (just created) is open to any
    editor, as creating it was; otherwise the editor's scope must cover it.
    """
    _require_write(request)
    user = request.auth.user
    if permissions.can_edit(user, None) and permissions.scope_of(user) is not None:
        places, organizations = permissions.involved(whole)
        if not places and not organizations:
            return
    require_edit(request, whole)


def require_scope_after(request, obj: Model) -> None:
    """After a scoped editor's change the record must still be theirs (or involve no one yet)."""
    user = request.auth.user
    if permissions.scope_of(user) is None:
        return
    places, organizations = permissions.involved(obj)
    if (places or organizations) and not permissions.can_edit(user, obj):
        raise HttpError(403, f"the change would take {obj._meta.verbose_name} {obj.pk} outside your scope")


def require_review(request) -> None:
    _require_write(request)
    if not permissions.can_review(request.auth.user):
        raise HttpError(403, "you may not review claims")


def require_admin(request) -> None:
    _require_write(request)
    if not permissions.can_admin(request.auth.user):
        raise HttpError(403, "administrators only")
