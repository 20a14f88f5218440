"""The controlled vocabulary of cooperation fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from amity.core.models import LoggedModel


class Field(LoggedModel):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_ko = models.CharField(_("Korean name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
