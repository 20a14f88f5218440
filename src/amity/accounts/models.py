"""Roles (admin, editor, reviewer, viewer), an editor's scope, API tokens, site settings."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.registry.models import Organization, Place


class Role(models.TextChoices):
    ADMIN = "admin", pgettext_lazy("role", "Admin")
    EDITOR = "editor", pgettext_lazy("role", "Editor")
    REVIEWER = "reviewer", pgettext_lazy("role", "Reviewer")
    VIEWER = "viewer", pgettext_lazy("role", "Viewer")


class Profile(models.Model):
    """A user's role; an editor with a scope may only change records involving it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="amity_profile")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    scope_places = models.ManyToManyField(Place, verbose_name=_("scope places"), blank=True, related_name="+",
                                          help_text="editor limited to records involving these places")
    scope_organizations = models.ManyToManyField(Organization, verbose_name=_("scope organizations"), blank=True, related_name="+")
    language = models.CharField(_("language"), max_length=5, blank=True, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class SiteSettings(models.Model):
    """One row: whether the registry is readable without signing in."""

    public_read = models.BooleanField(_("public read"), default=False, help_text="anyone may read the registry (never write)")

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @classmethod
    def current(cls) -> SiteSettings:
        return cls.objects.get_or_create(pk=1)[0]


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A per-user API token. Only its hash is stored; the key is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8, db_index=True)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    read_only = models.BooleanField(_("read only"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, name: str, read_only: bool = False) -> tuple[ApiToken, str]:
        key = f"amy_{secrets.token_urlsafe(32)}"
        token = cls.objects.create(user=user, name=name, prefix=key[4:12], key_hash=_hash(key), read_only=read_only)
        return token, key

    @classmethod
    def authenticate(cls, key: str) -> ApiToken | None:
        if not key or not isinstance(key, str):
            return None
        token = cls.objects.select_related("user").filter(key_hash=_hash(key), revoked__isnull=True).first()
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used=timezone.now())
        return token

    @classmethod
    def account_of(cls, key: str) -> str | None:
        """The user name a key claims to belong to (by its prefix), for throttling guesses."""
        if not isinstance(key, str) or not key.startswith("amy_"):
            return None
        return cls.objects.filter(prefix=key[4:12]).values_list("user__username", flat=True).first()

    def revoke(self) -> None:
        if self.revoked is None:
            self.revoked = timezone.now()
            self.save(update_fields=["revoked"])


class FailedAttempt(models.Model):
    """One failed sign-in or API-token attempt, for throttling (see amity.accounts.throttle)."""

    key = models.CharField(_("key"), max_length=220, db_index=True)  # "account:<name>" or "address:<ip>"
    time = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed attempt")
        verbose_name_plural = _("failed attempts")

    def __str__(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M:%S} {self.key}"
