"""Template helpers: partial dates, record links, highlighted (escaped) text, evidence."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from amity.core.partialdate import PartialDate
from amity.registry import models as m
from amity.registry import readable
from amity.review.services import dependencies
from amity.search.service import MARK_END, MARK_START
from amity.sources.models import Document
from amity.web import links

register = template.Library()


@register.filter
def pdate(value) -> str:
    """A partial date for people: "2016", "June 2016", "22 June 2016" ("—" when unknown)."""
    if not value:
        return "—"
    try:
        date = PartialDate.coerce(value)
    except ValueError:
        return str(value)
    from django.utils.translation import get_language

    if (get_language() or "").startswith("ko"):
        text = f"{date.year}년"
        if date.month:
            text += f" {date.month}월"
        if date.day:
            text += f" {date.day}일"
        return text
    return date.display()


@register.filter
def url(obj) -> str:
    return links.detail_url(obj)


@register.simple_tag
def link(obj, text=None):
    """<a href=page>name</a>, escaped; plain text when the record has no page."""
    if obj is None:
        return "—"
    href = links.detail_url(obj)
    label = text if text is not None else readable_name(obj)
    return format_html('<a href="{}">{}</a>', href, label) if href else conditional_escape(label)


@register.simple_tag
def edit_url(obj) -> str:
    return reverse("web:edit", args=[links.SLUG[type(obj)], obj.pk])


@register.simple_tag
def new_url(slug: str, **initial) -> str:
    from urllib.parse import urlencode

    query = urlencode({key: value.pk if hasattr(value, "pk") else value for key, value in initial.items()})
    return reverse("web:create", args=[slug]) + (f"?{query}" if query else "")


@register.simple_tag
def history_url(obj) -> str:
    return reverse("web:history", args=[links.SLUG.get(type(obj)) or links.DETAIL[type(obj)], obj.pk])


@register.filter
def marks(text: str) -> str:
    """Escape a search snippet and turn its match markers into <mark>."""
    escaped = conditional_escape(text or "")
    return mark_safe(str(escaped).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


@register.filter
def highlight(text: str, spans) -> str:
    """The text with evidence spans [(start, end, ident), …] marked; every piece of text is escaped.

    Spans may overlap or nest (a sentence and a name in it): the text is cut at every span edge,
    each piece is marked with the spans covering it, and each span gets an anchor (#ident) where it starts.
    """
    text = text or ""
    spans = [(max(0, int(a)), min(len(text), int(b)), ident) for a, b, ident in (spans or []) if int(b) > int(a)]
    cuts = sorted({0, len(text), *(span[0] for span in spans), *(span[1] for span in spans)})
    starts: dict[int, list[str]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span[2])
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for ident in starts.get(a, []):
            pieces.append(format_html('<span class="anchor" id="{}"></span>', ident))
        covering = [ident for start, end, ident in spans if start <= a and b <= end]
        if covering:
            pieces.append(format_html('<mark class="evidence {}" data-depth="{}">{}</mark>',
                                      " ".join(f"e-{ident}" for ident in covering), min(len(covering), 3), text[a:b]))
        else:
            pieces.append(conditional_escape(text[a:b]))
    return mark_safe("".join(str(piece) for piece in pieces))


@register.filter
def kind_label(kind: str) -> str:
    labels = {
        "place": _("Place"), "organization": _("Organization"), "person": _("Person"), "agreement": _("Agreement"),
        "alliance": _("Alliance"), "project": _("Project"), "engagement": _("Engagement"), "document": _("Document"),
    }
    return labels.get(kind, kind)


@register.filter
def record_kind(content_type) -> str:
    """A change-log entry's kind of record in the reader's language; the model's own name for
    the kinds without a page (an agreement's status change, a party)."""
    label = kind_label(content_type.model)
    return content_type.name if label == content_type.model else label


@register.filter
def kind_url(result) -> str:
    return links.kind_url(result.kind, result.object_id)


@register.filter
def get(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def percent(value) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "—"


@register.filter
def field_name(field) -> str:
    from django.utils.translation import get_language

    if field is None:
        return "—"
    if (get_language() or "").startswith("ko") and getattr(field, "name_ko", ""):
        return field.name_ko
    return field.name


@register.simple_tag
def evidence(obj, field=None):
    """Links to the sentence(s) a fact was read from: [1] [2] … (nothing when it was entered by hand)."""
    from amity.review.evidence import claims_for

    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    parts = []
    for number, claim in enumerate(claims_for(obj, field), start=1):
        href = reverse("web:document", args=[claim.document_id]) + f"#ev-{claim.pk}-0"
        quote = claim.evidence_sentence()[:300]
        parts.append(format_html(
            '<a class="evidence-link" href="{}" title="{}" aria-label="{}">[{}]</a>',
            href, quote, _("evidence: %(quote)s") % {"quote": quote}, number))
    return mark_safe("".join(str(part) for part in parts))


def readable_name(obj) -> str:
    """Documents by their headline, engagements by their facts, places and people in the reader's script."""
    if isinstance(obj, Document):
        return readable.document_title(obj)
    if isinstance(obj, m.Engagement):
        when = readable.date_text(obj.date) or _("undated")
        return f"{readable.engagement_title(obj)} ({when})"
    if isinstance(obj, m.Position):
        return readable.position_known(obj)
    return readable.record_name(obj)


@register.filter
def named(obj) -> str:
    return readable_name(obj) if obj is not None else ""


@register.filter
def engagement_title(engagement) -> str:
    return readable.engagement_title(engagement)


@register.filter
def doc_title(document) -> str:
    return readable.document_title(document) if document is not None else ""


@register.filter
def claim_text(claim) -> str:
    """What a claim states, as a sentence in the reader's language."""
    value = claim.current_value if hasattr(claim, "current_value") else claim.value  # a claim or a draft
    return readable.claim_sentence(claim.slot, value) or claim.label


@register.filter
def slot_label(slot: str) -> str:
    labels = {
        "place": _("Place"), "country": _("Country"), "person": _("Person"), "organization": _("Organization"),
        "engagement": _("Engagement"), "agreement": _("Agreement"), "alliance": _("Alliance"),
        "follow_up": _("Follow-up"),
    }
    return labels.get(slot, slot)


@register.filter
def action_label(action: str) -> str:
    """What a change-log entry did, in the reader's language (ChangeLog.Action's values)."""
    labels = {"create": pgettext("change", "Create"), "update": pgettext("change", "Update"),
              "delete": pgettext("change", "Delete")}
    return labels.get(action, action)


@register.filter
def status_label(status: str) -> str:
    labels = {"pending": _("pending"), "accepted": _("accepted"), "rejected": _("rejected"),
              "superseded": _("superseded")}
    return labels.get(status, status)


@register.filter
def needs(claim) -> list:
    """The pending claims accepting this one accepts with it (worked out by the view, when it did)."""
    if claim.status != "pending":
        return []
    known = getattr(claim, "pending_needs", None)
    return known if known is not None else dependencies(claim)


@register.filter
def known_as(position) -> str:
    return readable.position_known(position)


@register.filter
def readable_change(value) -> str:
    return readable.change_value(value)
