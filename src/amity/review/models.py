"""Review decisions (an append-only log), merge candidates, citations, auto-accept rules."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.sources.models import Claim


class Decision(models.Model):
    """One review or merge decision. Never edited or deleted: undo appends a new one."""

    class Action(models.TextChoices):
        ACCEPT = "accept", pgettext_lazy("review action", "Accept")
        EDIT_ACCEPT = "edit_accept", pgettext_lazy("review action", "edit and accept")
        REJECT = "reject", pgettext_lazy("review action", "Reject")
        MERGE = "merge", pgettext_lazy("review action", "Merge")
        DISMISS = "dismiss", pgettext_lazy("review action", "dismiss merge candidate")
        UNDO = "undo", pgettext_lazy("review action", "Undo")

    time = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.CharField(_("actor"), max_length=150)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    claim = models.ForeignKey(Claim, verbose_name=_("claim"), null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions")
    undoes = models.OneToOneField("self", verbose_name=_("undoes"), null=True, blank=True, on_delete=models.PROTECT, related_name="undone_by")
    reason = models.TextField(_("reason"), blank=True)
    # What the decision did, so it can be undone: records created, fields changed, merges.
    effects = models.JSONField(_("effects"), default=dict)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-time", "-id"]

    def __str__(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.claim or ''}".strip()

    def save(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).exists():
            raise ValueError("decisions are append-only")
        super().save(*args, **kwargs)


class MergeCandidate(models.Model):
    """Two registry records that may be one, with the score and why."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("merge candidate status", "Open")
        MERGED = "merged", pgettext_lazy("merge candidate status", "Merged")
        DISMISSED = "dismissed", pgettext_lazy("merge candidate status", "Dismissed")

    content_type = models.ForeignKey(ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+")
    left_id = models.BigIntegerField(_("left id"))
    right_id = models.BigIntegerField(_("right id"))
    score = models.FloatField(_("score"))
    explanation = models.TextField(_("explanation"))
    # What matched and how much each weighed: [{"label": ..., "weight": ...}], summing to the score.
    features = models.JSONField(_("features"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    claim = models.ForeignKey(Claim, verbose_name=_("claim"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("merge candidate")
        verbose_name_plural = _("merge candidates")
        ordering = ["-score", "id"]
        constraints = [models.UniqueConstraint(fields=["content_type", "left_id", "right_id"], name="one_candidate_per_pair")]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.left_id} ~ {self.right_id} ({self.score:.2f})"

    @property
    def left(self):
        return self.content_type.model_class()._base_manager.filter(pk=self.left_id).first()

    @property
    def right(self):
        return self.content_type.model_class()._base_manager.filter(pk=self.right_id).first()


class DuplicateScan(models.Model):
    """How far the duplicate finder has read the change log (one row): it looks again when records change."""

    last_change = models.BigIntegerField(_("last change"), default=0)
    time = models.DateTimeField(_("time"), auto_now=True)

    class Meta:
        verbose_name = _("duplicate scan")
        verbose_name_plural = _("duplicate scans")


class Citation(models.Model):
    """A registry field (or whole record, field "") and a claim that supports it."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField(_("object id"))
    field = models.CharField(_("field"), max_length=60, blank=True)
    claim = models.ForeignKey(Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="citations")
    decision = models.ForeignKey(Decision, verbose_name=_("decision"), null=True, on_delete=models.SET_NULL, related_name="citations")

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id", "field", "claim"],
                                               name="one_citation_per_field_and_claim")]


class AutoAcceptRule(models.Model):
    """An admin's rule to accept some claims without review. Off by default."""

    name = models.SlugField(_("name"), max_length=60, unique=True, help_text="the change log names it bot:<name>")
    slot = models.CharField(_("slot"), max_length=14, choices=Claim.Slot.choices)
    min_confidence = models.FloatField(_("min confidence"), default=0.9)
    require_link = models.BooleanField(_("require link"), default=False, help_text="only claims linked to a known record "
                                                                "(e.g. gazetteer places)")
    enabled = models.BooleanField(_("enabled"), default=False)

    class Meta:
        verbose_name = _("auto accept rule")
        verbose_name_plural = _("auto accept rules")

    def __str__(self) -> str:
        return f"{self.name}: {self.slot} ≥ {self.min_confidence}{' linked' if self.require_link else ''}"

    def matches(self, claim: Claim) -> bool:
        return (self.enabled and claim.status == Claim.Status.PENDING and claim.slot == self.slot
                and claim.confidence >= self.min_confidence
                and (not self.require_link or claim.link_id is not None))
