"""Who may do what. The web pages, the API, the CLI and the review actions all ask these functions.

viewer: read. reviewer: read and review claims. editor: read, review and edit —
only records involving their scope places/organizations when a scope is set.
admin (or Django superuser): everything, including users and settings.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from amity.accounts.models import Profile, Role, SiteSettings
from amity.registry import models as m
from amity.registry.scope import Scope, allows, involved  # noqa: F401 (involved: for callers)

RANK = {Role.VIEWER: 0, Role.REVIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


# Within one request every question about a user's role or scope is answered from one read of
# their profile (a page asks 6-8 times); outside requests (CLI, tests) each question reads afresh.
_request_cache: contextvars.ContextVar[dict | None] = contextvars.ContextVar("amity_profiles", default=None)


@contextlib.contextmanager
def profiles_read_once() -> Iterator[None]:
    token = _request_cache.set({})
    try:
        yield
    finally:
        _request_cache.reset(token)


class ProfilePerRequestMiddleware:
    """Reads each user's profile (role, scope) at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with profiles_read_once():
            return self.get_response(request)


def _cached(key: tuple, read):
    cache = _request_cache.get()
    if cache is None:
        return read()
    if key not in cache:
        cache[key] = read()
    return cache[key]


@receiver([post_save, post_delete], sender=Profile)
@receiver(m2m_changed, sender=Profile.scope_places.through)
@receiver(m2m_changed, sender=Profile.scope_organizations.through)
def _forget_profiles(**kwargs) -> None:
    cache = _request_cache.get()
    if cache is not None:
        cache.clear()


def _profile(user) -> Profile | None:
    return _cached(("profile", user.pk), lambda: Profile.objects.filter(user=user).first())


def role_of(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    profile = _profile(user)
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


def scope_of(user) -> Scope | None:
    """The places (with their districts) and organizations an editor is limited to, or None for no limit.

    Only editors have scopes: a reviewer reviews everything, an admin does everything.
    """
    if role_of(user) != Role.EDITOR:
        return None
    return _cached(("scope", user.pk), lambda: _read_scope(_profile(user)))


def _read_scope(profile: Profile | None) -> Scope | None:
    places = set(profile.scope_places.values_list("pk", flat=True)) if profile else set()
    organizations = set(profile.scope_organizations.values_list("pk", flat=True)) if profile else set()
    if not places and not organizations:
        return None
    # A city's districts are inside its scope.
    places |= set(m.Place.objects.filter(parent_id__in=places).values_list("pk", flat=True))
    return Scope(frozenset(places), frozenset(organizations))


def can_edit(user, obj: Model | None = None) -> bool:
    """May `user` create records (obj None), or write `obj` — saved, or a new one not yet saved?

    The scope rule itself is amity.registry.scope; every write path (web, API, CLI, review)
    comes through here or passes scope_of(user) on to the review services.
    """
    if not has_role(user, Role.EDITOR):
        return False
    return obj is None or allows(scope_of(user), obj)


def can_change(user, obj: Model, values: dict) -> bool:
    """May `user` change `obj` to `values` (it is theirs now, and where the change puts it)?"""
    if not has_role(user, Role.EDITOR):
        return False
    scope = scope_of(user)
    return scope is None or scope.covers_change(obj, values)


def user_for_actor(actor: str):
    """The user behind a change-log actor ("user:alice"), or None for bots and unknown names."""
    from django.contrib.auth import get_user_model

    kind, _, name = actor.partition(":")
    if kind != "user" or not name:
        return None
    return get_user_model().objects.filter(username=name).first()
