"""Claims (facts read from documents) and the review actions on them: accept, edit, reject."""

import datetime as dt
import logging
from typing import Any, Literal

from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field as Spec

from amity.api import access
from amity.api.errors import ERRORS
from amity.api.types import MAX_ID, Id, Text
from amity.review import services
from amity.review.models import Decision
from amity.sources.models import Claim

router = Router(tags=["review"])
log = logging.getLogger("amity.api")

Slot = Literal[tuple(Claim.Slot.values)]
Status = Literal[tuple(Claim.Status.values)]


class Link(Schema):
    type: str
    id: int
    label: str
    score: float | None
    explanation: str


class ClaimOut(Schema):
    id: int
    document: int
    slot: str
    key: str
    label: str
    value: dict[str, Any]
    edited_value: dict[str, Any] | None
    evidence: list[dict[str, Any]]
    evidence_sentence: str
    extractor_version: str
    confidence: float
    explanation: str
    status: str
    link: Link | None
    created: dt.datetime
    updated: dt.datetime


class ClaimFilters(Schema):
    slot: Slot | None = None
    status: Status | None = Spec(None, description="e.g. pending; all statuses when left out")
    document: Id | None = None
    min_confidence: float | None = Spec(None, ge=0, le=1)
    max_confidence: float | None = Spec(None, ge=0, le=1)
    limit: int = Spec(50, ge=1, le=500)
    offset: int = Spec(0, ge=0, le=MAX_ID)


class ClaimPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ClaimOut]


class AcceptIn(Schema):
    edits: dict[str, Any] | None = Spec(None, description="corrected fields of the claim's value")
    reason: Text = ""


class EditIn(Schema):
    edits: dict[str, Any] = Spec(..., min_length=1, description="corrected fields of the claim's value")
    reason: Text = ""


class RejectIn(Schema):
    reason: Text = ""


class DecisionOut(Schema):
    id: int
    time: dt.datetime
    actor: str
    action: str
    claim: int | None
    undoes: int | None
    reason: str
    effects: dict[str, Any]


def claim_out(claim: Claim) -> dict:
    linked = claim.linked
    link = None
    if linked is not None:
        link = {"type": claim.link_type.model, "id": claim.link_id, "label": str(linked)[:300],
                "score": claim.link_score, "explanation": claim.link_explanation}
    return {
        "id": claim.pk, "document": claim.document_id, "slot": claim.slot, "key": claim.key, "label": claim.label,
        "value": claim.value, "edited_value": claim.edited_value, "evidence": claim.evidence,
        "evidence_sentence": claim.evidence_sentence(), "extractor_version": claim.extractor_version,
        "confidence": claim.confidence, "explanation": claim.explanation, "status": claim.status, "link": link,
        "created": claim.created, "updated": claim.updated,
    }


def decision_out(decision: Decision) -> dict:
    return {"id": decision.pk, "time": decision.time, "actor": decision.actor, "action": decision.action,
            "claim": decision.claim_id, "undoes": decision.undoes_id, "reason": decision.reason,
            "effects": decision.effects}


def _claim(id: int) -> Claim:
    claim = Claim.objects.select_related("document", "link_type").filter(pk=id).first()
    if claim is None:
        raise HttpError(404, f"no claim with id {id}")
    return claim


def _decide(request, id: int, action, **kwargs):
    access.require_view(request)
    access.require_review(request)
    claim = _claim(id)
    if claim.status != Claim.Status.PENDING:
        raise HttpError(409, f"claim {id} is {claim.status}, not pending")
    try:
        decision = action(claim, actor=access.actor(request), scope=access.review_scope(request), **kwargs)
    except services.OutOfScope as error:
        raise HttpError(403, str(error)) from error
    except services.ReviewError as error:
        # Decided meanwhile (409), or the value cannot become a record as it is (422).
        status = 409 if Claim.objects.get(pk=id).status != Claim.Status.PENDING else 422
        raise HttpError(status, str(error)) from error
    except AttributeError as error:
        # An edit of the wrong shape (e.g. a number where a name belongs) that apply does not catch.
        log.warning("claim %s: edits could not be applied: %s", id, error)
        raise HttpError(422, f"claim {id}: the edited value cannot be applied ({error})") from error
    return decision_out(decision)


@router.get("", response={200: ClaimPage, **ERRORS}, operation_id="list_claims",
            summary="List claims (the review queue with status=pending)")
def list_claims(request, filters: Query[ClaimFilters]):
    access.require_view(request)
    claims = services.pending_claims(slot=filters.slot, min_confidence=filters.min_confidence,
                                     max_confidence=filters.max_confidence, status=filters.status or "")
    if filters.document is not None:
        claims = claims.filter(document_id=filters.document)
    page = claims.select_related("link_type")[filters.offset:filters.offset + filters.limit]
    return {"count": claims.count(), "limit": filters.limit, "offset": filters.offset,
            "items": [claim_out(claim) for claim in page]}


@router.get("/{id}", response={200: ClaimOut, **ERRORS}, operation_id="get_claim", summary="One claim")
def get_claim(request, id: int = Path(..., ge=1, le=MAX_ID)):
    access.require_view(request)
    return claim_out(_claim(id))


@router.post("/{id}/accept", response={200: DecisionOut, **ERRORS}, operation_id="accept_claim",
             summary="Accept a pending claim into the registry (with edits: edit and accept)")
def accept_claim(request, payload: AcceptIn, id: int = Path(..., ge=1, le=MAX_ID)):
    return _decide(request, id, services.accept, edits=payload.edits or None, reason=payload.reason)


@router.post("/{id}/edit", response={200: DecisionOut, **ERRORS}, operation_id="edit_and_accept_claim",
             summary="Correct a pending claim's value and accept it")
def edit_claim(request, payload: EditIn, id: int = Path(..., ge=1, le=MAX_ID)):
    return _decide(request, id, services.accept, edits=payload.edits, reason=payload.reason)


@router.post("/{id}/reject", response={200: DecisionOut, **ERRORS}, operation_id="reject_claim",
             summary="Reject a pending claim")
def reject_claim(request, payload: RejectIn, id: int = Path(..., ge=1, le=MAX_ID)):
    return _decide(request, id, services.reject, reason=payload.reason)
