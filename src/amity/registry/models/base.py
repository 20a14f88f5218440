"""Mixins shared by registry models."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from amity.core.models import LoggedModel


def validate_names(value) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValidationError("name variants must be a list of non-empty strings")


class RegistryModel(LoggedModel):
    """A registry record: a stable uid (used by export/import), timestamps, notes."""

    uid = models.UUIDField(_("UID"), default=uuid.uuid4, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        abstract = True


class NamedModel(RegistryModel):
    """A record with a canonical name and variants in any script or romanisation."""

    name = models.CharField(_("name"), max_length=200, db_index=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True, validators=[validate_names])

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def all_names(self) -> list[str]:
        return [self.name, *[alias for alias in self.aliases if alias != self.name]]

    def add_alias(self, alias: str) -> bool:
        alias = alias.strip()
        if not alias or alias in self.all_names:
            return False
        self.aliases = [*self.aliases, alias]
        return True
