"""The controlled vocabulary of cooperation fields."""

from django.db import models

from amity.core.models import LoggedModel


class Field(LoggedModel):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    name_ko = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
