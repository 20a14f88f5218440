"""Source documents: the press releases and articles facts are read from."""

from __future__ import annotations

import hashlib
import unicodedata

from django.db import models

from amity.core.fields import PartialDateField
from amity.registry.models.base import RegistryModel


def text_checksum(text: str) -> str:
    """SHA-256 of the text with Unicode and line endings normalised: the same text is one document."""
    normalised = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Document(RegistryModel):
    text = models.TextField()
    checksum = models.CharField(max_length=64, unique=True, editable=False)
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published = PartialDateField(db_index=True)
    language = models.CharField(max_length=10, blank=True, help_text="ISO 639-1, e.g. en, ko")

    class Meta:
        ordering = ["-published", "-id"]

    def __str__(self) -> str:
        return self.title or self.url or f"document {self.checksum[:12]}"

    def save(self, *args, **kwargs):
        self.checksum = text_checksum(self.text)
        super().save(*args, **kwargs)
