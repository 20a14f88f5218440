"""The decision log (with undo) and merges of duplicate records (candidates or any two records)."""

import datetime as dt
from typing import Literal

from django.apps import apps
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field as Spec

from amity.api import access
from amity.api.claims import DecisionOut, decision_out
from amity.api.errors import ERRORS
from amity.api.types import MAX_ID, Id, Text
from amity.review import services
from amity.review.models import Decision, MergeCandidate

router = Router(tags=["review"])

MERGEABLE = ("place", "organization", "person", "alliance", "agreement", "project", "engagement")


class DecisionFilters(Schema):
    action: Literal[tuple(Decision.Action.values)] | None = None
    claim: Id | None = None
    limit: int = Spec(50, ge=1, le=500)
    offset: int = Spec(0, ge=0, le=MAX_ID)


class DecisionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DecisionOut]


class Reason(Schema):
    reason: Text = ""


class MergeIn(Schema):
    type: Literal[MERGEABLE]
    keep: Id = Spec(..., description="the record that stays")
    drop: Id = Spec(..., description="the duplicate; its references and names move to `keep`")
    reason: Text = ""


class CandidateMergeIn(Schema):
    keep: Literal["left", "right"] = "left"
    reason: Text = ""


class Side(Schema):
    id: int
    label: str | None


class MatchFeature(Schema):
    """One reason two records may be one, and how much it weighs (the weights sum to the score)."""

    label: str
    weight: float


class CandidateOut(Schema):
    id: int
    type: str
    left: Side
    right: Side
    score: float
    explanation: str
    features: list[MatchFeature]
    status: str
    claim: int | None
    created: dt.datetime


class CandidateFilters(Schema):
    status: Literal[tuple(MergeCandidate.Status.values)] | None = "open"
    type: Literal[MERGEABLE] | None = None
    limit: int = Spec(50, ge=1, le=500)
    offset: int = Spec(0, ge=0, le=MAX_ID)


class CandidatePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[CandidateOut]


def candidate_out(candidate: MergeCandidate) -> dict:
    left, right = candidate.left, candidate.right
    return {"id": candidate.pk, "type": candidate.content_type.model,
            "left": {"id": candidate.left_id, "label": None if left is None else str(left)},
            "right": {"id": candidate.right_id, "label": None if right is None else str(right)},
            "score": candidate.score, "explanation": candidate.explanation,
            "features": candidate.features or [{"label": candidate.explanation, "weight": candidate.score}],
            "status": candidate.status,
            "claim": candidate.claim_id, "created": candidate.created}


def _review(call, *args, **kwargs):
    try:
        return decision_out(call(*args, **kwargs))
    except services.OutOfScope as error:
        raise HttpError(403, str(error)) from error
    except services.ReviewError as error:
        raise HttpError(409, str(error)) from error


def _record(kind: str, pk: int):
    model = apps.get_model("registry", kind)
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise HttpError(404, f"no {kind} with id {pk}")
    return obj


@router.get("/decisions", response={200: DecisionPage, **ERRORS}, operation_id="list_decisions",
            summary="The decision log, newest first")
def list_decisions(request, filters: Query[DecisionFilters]):
    access.require_view(request)
    decisions = Decision.objects.all()
    if filters.action:
        decisions = decisions.filter(action=filters.action)
    if filters.claim is not None:
        decisions = decisions.filter(claim_id=filters.claim)
    page = decisions[filters.offset:filters.offset + filters.limit]
    return {"count": decisions.count(), "limit": filters.limit, "offset": filters.offset,
            "items": [decision_out(decision) for decision in page]}


@router.get("/decisions/{id}", response={200: DecisionOut, **ERRORS}, operation_id="get_decision",
            summary="One decision")
def get_decision(request, id: int = Path(..., ge=1, le=MAX_ID)):
    access.require_view(request)
    decision = Decision.objects.filter(pk=id).first()
    if decision is None:
        raise HttpError(404, f"no decision with id {id}")
    return decision_out(decision)


@router.post("/decisions/{id}/undo", response={200: DecisionOut, **ERRORS}, operation_id="undo_decision",
             summary="Take a decision back (accept, reject, merge, dismiss); the log keeps both")
def undo_decision(request, payload: Reason, id: int = Path(..., ge=1, le=MAX_ID)):
    access.require_view(request)
    access.require_review(request)
    decision = Decision.objects.filter(pk=id).first()
    if decision is None:
        raise HttpError(404, f"no decision with id {id}")
    return _review(services.undo, decision, actor=access.actor(request),
                   scope=access.review_scope(request), reason=payload.reason)


@router.post("/merge", response={200: DecisionOut, **ERRORS}, operation_id="merge_records",
             summary="Merge two records of the same type: `keep` absorbs `drop`")
def merge_records(request, payload: MergeIn):
    access.require_view(request)
    access.require_review(request)
    keep, drop = _record(payload.type, payload.keep), _record(payload.type, payload.drop)
    return _review(services.merge, keep, drop, actor=access.actor(request),
                   scope=access.review_scope(request), reason=payload.reason)


@router.get("/merge-candidates", response={200: CandidatePage, **ERRORS}, operation_id="list_merge_candidates",
            summary="Pairs of records that may be one, best score first")
def list_candidates(request, filters: Query[CandidateFilters]):
    access.require_view(request)
    candidates = MergeCandidate.objects.select_related("content_type")
    if filters.status:
        candidates = candidates.filter(status=filters.status)
    if filters.type:
        candidates = candidates.filter(content_type__app_label="registry", content_type__model=filters.type)
    page = candidates[filters.offset:filters.offset + filters.limit]
    return {"count": candidates.count(), "limit": filters.limit, "offset": filters.offset,
            "items": [candidate_out(candidate) for candidate in page]}


def _candidate(id: int) -> MergeCandidate:
    candidate = MergeCandidate.objects.select_related("content_type").filter(pk=id).first()
    if candidate is None:
        raise HttpError(404, f"no merge candidate with id {id}")
    return candidate


@router.post("/merge-candidates/{id}/merge", response={200: DecisionOut, **ERRORS},
             operation_id="merge_candidate", summary="Merge a candidate pair (keep the left or the right)")
def merge_candidate(request, payload: CandidateMergeIn, id: int = Path(..., ge=1, le=MAX_ID)):
    access.require_view(request)
    access.require_review(request)
    candidate = _candidate(id)
    if candidate.status != MergeCandidate.Status.OPEN:
        raise HttpError(409, f"merge candidate {id} is {candidate.status}")
    left, right = candidate.left, candidate.right
    if left is None or right is None:
        raise HttpError(409, f"a record of merge candidate {id} no longer exists")
    keep, drop = (left, right) if payload.keep == "left" else (right, left)
    return _review(services.merge, keep, drop, actor=access.actor(request),
                   scope=access.review_scope(request), reason=payload.reason)


@router.post("/merge-candidates/{id}/dismiss", response={200: DecisionOut, **ERRORS},
             operation_id="dismiss_merge_candidate", summary="These two are not the same: dismiss the candidate")
def dismiss_candidate(request, payload: Reason, id: int = Path(..., ge=1, le=MAX_ID)):
    access.require_view(request)
    access.require_review(request)
    return _review(services.dismiss, _candidate(id), actor=access.actor(request),
                   scope=access.review_scope(request), reason=payload.reason)
