"""Documents: the list, an article with its evidence highlighted and claims beside it, and adding one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.accounts.permissions import can_review
from amity.core.actor import actor_for_user
from amity.sources.inputs import normalise_text
from amity.sources.models import Claim, Document
from amity.web.access import reviewer_required, viewer_required
from amity.web.uploads import MAX_UPLOAD, UnreadableUpload, read_upload
from amity.web.views.review import claim_position


@viewer_required
def document_list(request):
    documents = Document.objects.annotate(
        pending=Count("claims", filter=Q(claims__status=Claim.Status.PENDING)), total=Count("claims"))
    text = request.GET.get("q", "").strip()
    if text:
        documents = documents.filter(Q(title__icontains=text) | Q(url__icontains=text) | Q(publisher__icontains=text))
    page = Paginator(documents.order_by("-published", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "web/document_list.html", {"page": page, "q": text})


def evidence_spans(claims) -> list[tuple[int, int, str]]:
    spans = []
    for claim in claims:
        for index, span in enumerate(claim.evidence or []):
            try:
                spans.append((int(span["start"]), int(span["end"]), f"ev-{claim.pk}-{index}"))
            except (KeyError, TypeError, ValueError):
                continue
    return spans


@viewer_required
def document_detail(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    claims = sorted(document.claims.all(), key=lambda c: (claim_position(c), c.pk))  # in article order
    status = request.GET.get("status", "")
    shown = [c for c in claims if c.status == status] if status else [c for c in claims if c.status != "superseded"]
    return render(request, "web/document_detail.html", {
        "document": document, "claims": shown, "spans": evidence_spans(claims), "status": status,
        "counts": {s: sum(c.status == s for c in claims) for s in Claim.Status.values},
        "can_review": can_review(request.user),
    })


class NewDocumentForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Text of the press release"), required=False,
                           widget=forms.Textarea(attrs={"rows": 14}),
                           help_text=gettext_lazy("Paste the article (plain text or HTML), or upload a file below."))
    upload = forms.FileField(label=gettext_lazy("or upload a file"), required=False,
                             help_text=gettext_lazy("text, HTML or PDF, up to 5 MB"))
    title = forms.CharField(label=gettext_lazy("Title"), required=False, max_length=500)
    url = forms.URLField(label=gettext_lazy("Address (URL)"), required=False, max_length=1000, assume_scheme="https")
    published = forms.CharField(label=gettext_lazy("Published"), required=False, max_length=10,
                                help_text=gettext_lazy("YYYY-MM-DD; relative dates (“on Friday”) are read from it"))

    def clean_published(self):
        from amity.core.partialdate import InvalidPartialDate, PartialDate

        value = self.cleaned_data["published"].strip()
        if value:
            try:
                PartialDate.parse(value)
            except InvalidPartialDate as error:
                raise forms.ValidationError(str(error)) from error
        return value

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        text = data.get("text") or ""
        data["warnings"] = []
        if upload is not None:
            try:
                text, data["warnings"] = read_upload(upload.name, upload.read(MAX_UPLOAD + 1))
            except UnreadableUpload as error:
                raise forms.ValidationError(_("The file cannot be read: %(why)s") % {"why": error}) from error
        else:
            text, data["warnings"] = normalise_text(text)
        if not text.strip():
            raise forms.ValidationError(_("Paste the text of a press release or upload a file."))
        if len(text.encode("utf-8")) > MAX_UPLOAD:  # the one limit of every door
            raise forms.ValidationError(_("The text is too long (over %(n)s MB).") % {"n": MAX_UPLOAD // 2**20})
        data["text"] = text
        return data


@reviewer_required
def document_new(request):
    """Paste or upload -> extraction preview -> save (document and pending claims)."""
    if request.method != "POST":
        return render(request, "web/document_new.html", {"form": NewDocumentForm()})
    form = NewDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "web/document_new.html", {"form": form})
    data = form.cleaned_data
    if request.POST.get("action") == "save":
        from amity.review.intake import ingest_document  # the ingest chain, auto-accept rules included
        from amity.sources.ingest import IngestError
        from amity.sources.inputs import IncomingDocument

        incoming = IncomingDocument("web form", "web", text=data["text"], url=data["url"] or None,
                                    title=data["title"] or None, published=data["published"] or None)
        try:
            result = ingest_document(incoming, actor=actor_for_user(request.user))
        except IngestError as error:
            form.add_error(None, str(error))
            return render(request, "web/document_new.html", {"form": form})
        for warning in data["warnings"]:
            messages.warning(request, warning)
        if result.created:
            messages.success(request, _("Saved with %(n)s claims to review.") % {"n": len(result.claims)})
        else:
            messages.info(request, _("This text was already in Amity: here it is."))
        return redirect("web:document", pk=result.document.pk)
    return render(request, "web/document_preview.html", _preview(form, data))


def _preview(form, data) -> dict:
    from amity.extract import extract
    from amity.sources.claims import drafts_from_extraction
    from amity.sources.inputs import extraction_date, published_date

    published = extraction_date(published_date(data["published"]))
    extraction = extract(data["text"], published=published, url=data["url"] or None, title=data["title"] or None)
    drafts = drafts_from_extraction(extraction.to_dict())
    spans = [(int(s["start"]), int(s["end"]), f"ev-draft-{n}-{i}")
             for n, draft in enumerate(drafts) for i, s in enumerate(draft.evidence or [])]
    existing = Document.objects.filter(checksum=_checksum(data["text"])).first()
    hidden = NewDocumentForm(initial={**data, "upload": None})
    return {"form": hidden, "drafts": list(enumerate(drafts)), "text": data["text"], "spans": spans,
            "warnings": data["warnings"] + extraction.warnings, "existing": existing, "info": extraction.document}


def _checksum(text: str) -> str:
    from amity.sources.models import text_checksum

    return text_checksum(text)
