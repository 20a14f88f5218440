"""The claims (and so the sentences) behind a registry record or one of its fields."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from amity.sources.models import Claim


def claims_for(obj, field: str | None = None) -> QuerySet[Claim]:
    """Accepted claims cited for `obj` (for one field when given; "" is the whole record)."""
    content_type = ContentType.objects.get_for_model(obj)
    filters = {"citations__content_type": content_type, "citations__object_id": obj.pk}
    if field is not None:
        filters["citations__field"] = field
    return Claim.objects.filter(**filters).select_related("document").distinct().order_by("document_id", "id")


def documents_for(obj):
    from amity.sources.models import Document

    return Document.objects.filter(claims__in=claims_for(obj)).distinct()
