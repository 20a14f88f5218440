"""Rows a person takes from a list become claims in the review inbox, citing the list's row.

The list is stored as a source document (its rows as tab-separated text), and each taken row
gives claims the ingest path also gives: its two places and the agreement between them. Nothing
enters the registry here; a reviewer accepts, edits or rejects the claims as any other.
"""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from amity.core.actor import acting_as
from amity.reconcile.compare import ComparedRow, Comparison, compare
from amity.reconcile.lists import PartnerList, read_list
from amity.registry.lookup import normalise
from amity.sources.claims import ClaimDraft
from amity.sources.linking import suggest_link
from amity.sources.models import Claim, Document, text_checksum

# Marks a document as a partner list (and its claims as read by this module, not the extractor).
LIST_READER_VERSION = "reconcile-1"
PUBLISHERS = {"gaok": "GAOK-style list", "wikidata": "Wikidata", "csv": "partner list"}


def _key(*parts) -> str:
    return hashlib.sha1("|".join(str(part) for part in parts).encode()).hexdigest()


def list_document(partner_list: PartnerList, actor: str) -> Document:
    """The list as a source document; the same list twice is one document (checksum)."""
    text = partner_list.text()
    document = Document.objects.filter(checksum=text_checksum(text)).first()
    if document is None:
        with acting_as(actor):
            document = Document(text=text, title=f"Partner list: {partner_list.name}"[:500],
                                publisher=PUBLISHERS[partner_list.format],
                                language="ko" if partner_list.format == "gaok" else "",
                                extracted_with=LIST_READER_VERSION)
            document.save()
    return document


def stored_lists():
    """Partner lists kept as source documents, newest first."""
    return Document.objects.filter(extracted_with=LIST_READER_VERSION).order_by("-created", "-id")


def reread(document: Document) -> PartnerList:
    """A stored list read back from its document text (the header names its format)."""
    return read_list(document.text.encode("utf-8"), document.title.removeprefix("Partner list: "))


def _place_draft(name: str, country: str, qid: str, place, span: dict, row_label: str) -> ClaimDraft:
    identity = qid or (place and f"place:{place.pk}") or normalise(name)
    key = _key("place", country, identity)
    value = {"id": f"p{key[:12]}", "name": place.name if place else name, "country": country, "kind": "city",
             "aliases": [name] if place and name != place.name else [], "mentions": [span]}
    if place is not None:
        value.update({"canonical_name": place.name, "geonames_id": place.geonames_id,
                      "kr_admin_code": place.kr_admin_code or None})
    if qid:
        value["wikidata_id"] = qid
    why = (f"{row_label} names {name!r}, matched to {place}" if place else f"{row_label} names {name!r}, "
           "not yet in Amity")
    return ClaimDraft("place", key, value["id"], f"{value['name']} ({country or '?'})", value, [span],
                      0.9 if place else 0.6, why)


def drafts_for_row(compared: ComparedRow, partner_list: PartnerList) -> list[ClaimDraft]:
    row = compared.row
    start, end = partner_list.span(row)
    span = {"start": start, "end": end, "text": "\t".join(row.cells)}
    label = f"row {row.number} of {partner_list.name}"
    a = _place_draft(row.city_a, row.country_a, row.qid_a, compared.place_a, span, label)
    b = _place_draft(row.city_b, row.country_b, row.qid_b, compared.place_b, span, label)
    kind = row.type or "sister_city"  # Wikidata does not distinguish; the reviewer may edit it
    value = {"id": f"a{row.number}", "type": kind, "date": row.date or None, "status": "signed",
             "parties": [{"name": a.value["name"], "ref": a.local_id}, {"name": b.value["name"], "ref": b.local_id}],
             "evidence": [span], "source_row": row.number}
    why = f"{label} ({compared.category}: {compared.reason})"
    if not row.type:
        why += "; the list does not say sister or friendship city, sister city assumed"
    agreement = ClaimDraft("agreement", _key("agreement", row.number, kind, a.key, b.key), value["id"],
                           f"{kind}: {a.value['name']} – {b.value['name']} ({label})", value, [span], 0.8, why,
                           [a.local_id, b.local_id])
    return [a, b, agreement]


def _store(document: Document, drafts: list[ClaimDraft]) -> list[Claim]:
    """New claims pending; claims already there (taken before) stay as they are, decided or not."""
    existing = {(c.slot, c.key): c for c in document.claims.all()}
    stored = []
    for draft in drafts:
        claim = existing.get((draft.slot, draft.key))
        if claim is None:
            claim = Claim(document=document, slot=draft.slot, key=draft.key, local_id=draft.local_id,
                          label=draft.label[:300], value=draft.value, evidence=draft.evidence,
                          extractor_version=LIST_READER_VERSION, confidence=draft.confidence,
                          explanation=draft.explanation)
            link = suggest_link(draft.slot, draft.value)
            if link is not None:
                claim.link_type = ContentType.objects.get_for_model(link.record)
                claim.link_id, claim.link_score, claim.link_explanation = link.record.pk, link.score, link.explanation
            claim.save()
            existing[(draft.slot, draft.key)] = claim
        stored.append(claim)
    return stored


def take_rows(partner_list: PartnerList, numbers: list[int], actor: str,
              comparison: Comparison | None = None) -> tuple[Document, list[Claim]]:
    """Claims for the chosen rows (conflicting or only in the list). Raises ValueError for other rows."""
    comparison = comparison or compare(partner_list)
    by_number = {row.row.number: row for row in comparison.rows if row.row is not None}
    chosen = []
    for number in numbers:
        compared = by_number.get(number)
        if compared is None or not compared.takeable:
            why = "no such row" if compared is None else f"it is {compared.category}: {compared.reason}"
            raise ValueError(f"row {number} cannot be taken ({why})")
        chosen.append(compared)
    with transaction.atomic():
        document = list_document(partner_list, actor)
        claims = _store(document, [draft for compared in chosen for draft in drafts_for_row(compared, partner_list)])
    return document, claims
