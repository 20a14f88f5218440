"""The search index: one entry per indexed record (derived data; rebuilt at will)."""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=500)
    names = models.TextField(blank=True, help_text="every name variant of the record and what it involves")
    body = models.TextField(blank=True, help_text="descriptions; the full text of an article")
    countries = models.CharField(max_length=300, blank=True, help_text="' KR SI ' (space separated)")
    fields = models.CharField(max_length=500, blank=True, help_text="' tourism culture_arts '")
    date_from = models.CharField(max_length=10, blank=True)
    date_to = models.CharField(max_length=10, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")]
        indexes = [models.Index(fields=["kind", "date_from"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"


class IndexState(models.Model):
    """One row: the last change-log id the index has taken in."""

    last_change = models.BigIntegerField(default=0)
