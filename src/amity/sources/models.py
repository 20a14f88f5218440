"""Source documents: the press releases and articles facts are read from."""

from __future__ import annotations

import hashlib
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.fields import PartialDateField
from amity.registry.models.base import RegistryModel


def text_checksum(text: str) -> str:
    """SHA-256 of the text with Unicode and line endings normalised: the same text is one document."""
    normalised = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Document(RegistryModel):
    text = models.TextField(_("text"))
    checksum = models.CharField(_("checksum"), max_length=64, unique=True, editable=False)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published = PartialDateField(_("published"), db_index=True)
    language = models.CharField(_("language"), max_length=10, blank=True, help_text="ISO 639-1, e.g. en, ko")
    extracted_with = models.CharField(_("extracted with"), max_length=20, blank=True, help_text="extractor version of the last run")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published", "-id"]

    def __str__(self) -> str:
        return self.title or self.url or f"document {self.checksum[:12]}"

    def save(self, *args, **kwargs):
        self.checksum = text_checksum(self.text)
        super().save(*args, **kwargs)


class Claim(models.Model):
    """One fact read from a document, waiting for (or after) review.

    `key` is derived from the fact's content, so running the same document again
    finds the same claim instead of adding a second one.
    """

    class Slot(models.TextChoices):
        PLACE = "place", pgettext_lazy("claim slot", "Place")
        COUNTRY = "country", pgettext_lazy("claim slot", "Country")
        PERSON = "person", pgettext_lazy("claim slot", "Person")
        ORGANIZATION = "organization", pgettext_lazy("claim slot", "Organization")
        ENGAGEMENT = "engagement", pgettext_lazy("claim slot", "Engagement")
        AGREEMENT = "agreement", pgettext_lazy("claim slot", "Agreement")
        ALLIANCE = "alliance", pgettext_lazy("claim slot", "Alliance")
        FOLLOW_UP = "follow_up", pgettext_lazy("claim slot", "Follow Up")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("claim status", "Pending")
        ACCEPTED = "accepted", pgettext_lazy("claim status", "Accepted")
        REJECTED = "rejected", pgettext_lazy("claim status", "Rejected")
        SUPERSEDED = "superseded", pgettext_lazy("claim status", "superseded (no longer extracted)")

    document = models.ForeignKey(Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="claims")
    slot = models.CharField(_("slot"), max_length=14, choices=Slot.choices, db_index=True)
    key = models.CharField(_("key"), max_length=64, help_text="content-derived key, stable across runs")
    local_id = models.CharField(_("local id"), max_length=20, blank=True, help_text="the item's id in the extraction")
    label = models.CharField(_("label"), max_length=300, help_text="short human summary")
    value = models.JSONField(_("value"), help_text="the extracted item")
    edited_value = models.JSONField(_("edited value"), null=True, blank=True, help_text="the reviewer's corrected item")
    evidence = models.JSONField(_("evidence"), default=list, help_text="[{start, end, text}] into the document text")
    extractor_version = models.CharField(_("extractor version"), max_length=20)
    confidence = models.FloatField(_("confidence"))
    explanation = models.TextField(_("explanation"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    # The registry record this claim is about: suggested by linking, set on accept.
    link_type = models.ForeignKey(ContentType, verbose_name=_("link type"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    link_id = models.BigIntegerField(_("link id"), null=True, blank=True)
    link_score = models.FloatField(_("link score"), null=True, blank=True)
    link_explanation = models.TextField(_("link explanation"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["document", "id"]
        constraints = [models.UniqueConstraint(fields=["document", "slot", "key"], name="one_claim_per_fact")]
        indexes = [models.Index(fields=["link_type", "link_id"]),
                   # the review inbox and the dashboard: which documents have pending claims (read from the index alone)
                   models.Index(fields=["status", "document"], name="claim_status_document")]

    def __str__(self) -> str:
        return f"{self.slot}: {self.label}"

    @property
    def current_value(self) -> dict:
        return self.edited_value if self.edited_value is not None else self.value

    @property
    def linked(self):
        if self.link_type_id is None or self.link_id is None:
            return None
        return self.link_type.model_class()._base_manager.filter(pk=self.link_id).first()

    def evidence_sentence(self, context: int = 160) -> str:
        """The sentence(s) around the evidence spans, for showing a reviewer."""
        text = self.document.text
        if not self.evidence:
            return ""
        start = min(span["start"] for span in self.evidence)
        end = max(span["end"] for span in self.evidence)
        left = max(text.rfind(".", 0, start) + 1, text.rfind("\n", 0, start) + 1, start - context)
        right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
        right = min([*right_candidates, end + context, len(text)])
        return text[left:right + 1].strip()
