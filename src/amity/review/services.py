"""Review services: what the terminal, the web app and the API call.

accept / edit-and-accept / reject a claim, merge two records, dismiss a merge
candidate, undo any of these. Every call appends to the Decision log and runs as
its actor, so the registry's change log names who did it.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, QuerySet

from amity.core.actor import acting_as
from amity.registry import models as registry
from amity.registry.scope import Scope, allows
from amity.review.apply import APPLY
from amity.review.effects import Effects, citations, revert, save_citations
from amity.review.merge import MergeError, merge_records, unmerge
from amity.review.models import AutoAcceptRule, Decision, MergeCandidate
from amity.review.run import AcceptRun
from amity.sources.models import Claim

# Facts others refer to are accepted first (an engagement needs its people).
SLOT_ORDER = ["country", "place", "organization", "person", "alliance", "agreement", "engagement", "follow_up"]


class ReviewError(ValueError):
    """The decision cannot be taken (e.g. the claim was already decided)."""


class OutOfScope(ReviewError):
    """The decision would write records outside the deciding editor's scope.

    Every action takes `scope` (amity.registry.scope.Scope, None for no limit): the caller
    knows who decides and passes their scope, so the rule stays the one the forms use.
    """


def pending_claims(*, slot: str | None = None, document=None, min_confidence: float | None = None,
                   max_confidence: float | None = None, status: str = Claim.Status.PENDING) -> QuerySet[Claim]:
    claims = Claim.objects.select_related("document")
    if status:
        claims = claims.filter(status=status)
    if slot:
        claims = claims.filter(slot=slot)
    if document is not None:
        claims = claims.filter(document=document)
    if min_confidence is not None:
        claims = claims.filter(confidence__gte=min_confidence)
    if max_confidence is not None:
        claims = claims.filter(confidence__lte=max_confidence)
    return claims.order_by("document_id", "id")


def _claim_state(claim: Claim) -> dict:
    return {"status": claim.status, "edited_value": claim.edited_value, "link_type": claim.link_type_id,
            "link_id": claim.link_id}


def accept(claim: Claim, *, actor: str, edits: dict | None = None, reason: str = "",
           scope: Scope | None = None) -> Decision:
    """Accept a pending claim (with a reviewer's edits, if any) into the registry."""
    with acting_as(actor), transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        if claim.status != Claim.Status.PENDING:
            raise ReviewError(f"claim {claim.pk} is {claim.status}, not pending")
        return _accept(claim, actor, edits, reason, scope)


def accept_in_run(claim: Claim, run: AcceptRun, *, actor: str, reason: str = "",
                  scope: Scope | None = None, savepoint: bool = True) -> Decision:
    """Accept a claim the run loaded (locked by the caller's transaction, as `accept` locks one).
    `savepoint=False`: a failure leaves the caller's transaction to be rolled back whole."""
    if claim.status != Claim.Status.PENDING:
        raise ReviewError(f"claim {claim.pk} is {claim.status}, not pending")
    mark = run.mark()
    try:
        with acting_as(actor), transaction.atomic(savepoint=savepoint):
            return _accept(claim, actor, None, reason, scope, run)
    except ReviewError:
        if savepoint:  # (without one, the caller rolls back and forgets the whole chunk)
            run.forget_since(mark, claim)  # the claim and what it accepted with it were rolled back
        raise


def _written_records(record, effects: dict) -> list:
    """The record a decision is about and every record it created or changed (those still there)."""
    records = [record] if record is not None else []
    for label, pk, *_ in [*effects.get("created", []), *effects.get("updated", [])]:
        found = apps.get_model(label)._base_manager.filter(pk=pk).first()
        if found is not None:
            records.append(found)
    return records


def _require_scope(scope: Scope | None, records, what: str) -> None:
    outside = [record for record in records if not allows(scope, record)]
    if outside:
        names = ", ".join(f"{record._meta.verbose_name} {record}" for record in outside[:3])
        raise OutOfScope(f"{what} would write records outside your editing scope ({names})")


def _accept(claim: Claim, actor: str, edits: dict | None, reason: str, scope: Scope | None = None,
            run: AcceptRun | None = None) -> Decision:
    before = _claim_state(claim)
    value = {**claim.value, **edits} if edits else claim.value
    effects = Effects(run)
    if run is not None:
        run.tell_indexes()  # of the records the claims before this one wrote

    def resolve(local_id):
        return _resolve_reference(claim, local_id, actor, scope, run)

    try:
        record = APPLY[claim.slot](claim, value, effects, resolve)
    except ValidationError as error:
        details = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()) \
            if hasattr(error, "error_dict") else " ".join(error.messages)
        raise ReviewError(f"claim {claim.pk} cannot be accepted as it is ({details}); edit it first") from error
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        # e.g. an edit of the wrong shape (a number where a name goes)
        raise ReviewError(f"claim {claim.pk} cannot be accepted: {error}") from error
    if scope is not None:
        _require_scope(scope, [record, *effects.records], f"accepting claim {claim.pk}")
    claim.status = Claim.Status.ACCEPTED
    claim.edited_value = value if edits else None
    claim.link_type = ContentType.objects.get_for_model(record)
    claim.link_id = record.pk
    decision = Decision(
        actor=actor, action=Decision.Action.EDIT_ACCEPT if edits else Decision.Action.ACCEPT, claim=claim,
        reason=reason, effects={**effects.as_json(), "claim_before": before},
    )
    if run is None:
        claim.save()
        decision.save()
        save_citations(effects, claim, decision)
    else:  # written with the chunk (AcceptRun.write), in the same transaction
        run.decide(claim, decision)
        run.cite(citations(effects, claim, decision))
        run.remember(record)
    return decision


def _resolve_reference(claim: Claim, local_id: str | None, actor: str, scope: Scope | None = None,
                       run: AcceptRun | None = None):
    """The record behind another fact of the same document, accepting it first if pending."""
    if not local_id:
        return None
    if local_id.startswith("#"):
        return registry_reference(local_id)
    finder = run or AcceptRun()  # one by one: nothing loaded, each look-up a query
    other = finder.named(claim, local_id)
    if other is None or other.status == Claim.Status.REJECTED:
        return None
    if other.status == Claim.Status.PENDING:
        state = _claim_state(other)
        mark = run.mark() if run is not None else None
        try:
            with transaction.atomic():
                _accept(other, actor, None, f"needed by claim {claim.pk}", scope, run)
        except ReviewError as error:
            _restore_state(other, state)  # rolled back: the claim is as it was
            if run is not None:
                run.forget_since(mark)  # and so is what it accepted with it
            if isinstance(error, OutOfScope):
                # Not the editor's to accept, but referring to a record that exists only reads it.
                return finder.linked(other)
            return None  # the dependency needs a person's edit; accept this fact without it
    return finder.linked(other)


def _restore_state(claim: Claim, state: dict) -> None:
    claim.status, claim.edited_value = state["status"], state["edited_value"]
    claim.link_type_id, claim.link_id = state["link_type"], state["link_id"]


REFERABLE = {"place": "Place", "person": "Person", "organization": "Organization"}


def registry_reference(ref: str):
    """A record a reviewer picked from the registry, written "#kind:pk" in a claim's value."""
    kind, _, pk = ref.removeprefix("#").partition(":")
    if kind not in REFERABLE or not pk.isdigit():
        return None
    return getattr(registry, REFERABLE[kind]).objects.filter(pk=int(pk)).first()


def claim_refs(value: dict) -> list[str]:
    """The local ids of the other facts of its article a claim's value names."""
    refs = [value.get(key) for key in ("of_ref", "place_ref")]
    refs += [(value.get("owner") or {}).get("ref")]
    for key in ("participants", "parties", "members"):
        refs += [item.get("ref") for item in value.get(key) or [] if isinstance(item, dict)]
    return [ref for ref in refs if isinstance(ref, str) and ref and not ref.startswith("#")]


def dependencies(claim: Claim, pending_of_document: list[Claim] | None = None) -> list[Claim]:
    """The pending claims that accepting `claim` accepts with it (the facts it names, and theirs).

    A page showing many claims of one document passes that document's pending claims, read once.
    """
    if pending_of_document is None:
        pending_of_document = claim.document.claims.filter(status=Claim.Status.PENDING)
    pending = {c.local_id: c for c in pending_of_document if c.local_id and c.pk != claim.pk}
    found: dict[int, Claim] = {}
    todo = claim_refs(claim.current_value)
    while todo:
        other = pending.get(todo.pop(0))
        if other is not None and other.pk not in found:
            found[other.pk] = other
            todo += claim_refs(other.current_value)
    return sorted(found.values(), key=lambda c: (SLOT_ORDER.index(c.slot) if c.slot in SLOT_ORDER else 99, c.pk))


def reject(claim: Claim, *, actor: str, reason: str = "", scope: Scope | None = None) -> Decision:
    with acting_as(actor), transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        if claim.status != Claim.Status.PENDING:
            raise ReviewError(f"claim {claim.pk} is {claim.status}, not pending")
        if not _claim_in_scope(claim, actor, scope):
            raise OutOfScope(f"claim {claim.pk} is about records outside your editing scope")
        before = _claim_state(claim)
        claim.status = Claim.Status.REJECTED
        claim.save()
        return Decision.objects.create(actor=actor, action=Decision.Action.REJECT, claim=claim, reason=reason,
                                       effects={"claim_before": before})


class _DryRun(Exception):
    pass


def _claim_in_scope(claim: Claim, actor: str, scope: Scope | None) -> bool:
    """Is what the claim would write (tried and rolled back) inside `scope`?"""
    if scope is None:
        return True
    try:
        with transaction.atomic():
            _accept(claim, actor, None, "", scope)
            raise _DryRun
    except _DryRun:
        return True
    except OutOfScope:
        return False
    except ReviewError:  # it cannot be applied as it is: judge it by the record it names
        return claim.link_id is None or allows(scope, claim.linked)


def merge(keep, drop, *, actor: str, reason: str = "", scope: Scope | None = None) -> Decision:
    """`keep` absorbs `drop`: references, names and evidence move over."""
    _require_scope(scope, [keep, drop], "this merge")
    with acting_as(actor), transaction.atomic():
        try:
            effects = merge_records(keep, drop)
        except MergeError as error:
            raise ReviewError(str(error)) from error
        content_type = ContentType.objects.get_for_model(keep)
        candidates = MergeCandidate.objects.filter(content_type=content_type, status=MergeCandidate.Status.OPEN,
                                                   left_id__in=[keep.pk, effects["drop"]["id"]],
                                                   right_id__in=[keep.pk, effects["drop"]["id"]])
        effects["candidates"] = list(candidates.values_list("pk", flat=True))
        candidates.update(status=MergeCandidate.Status.MERGED)
        return Decision.objects.create(actor=actor, action=Decision.Action.MERGE, reason=reason, effects=effects)


def dismiss(candidate: MergeCandidate, *, actor: str, reason: str = "", scope: Scope | None = None) -> Decision:
    _require_scope(scope, [record for record in (candidate.left, candidate.right) if record is not None],
                   f"dismissing merge candidate {candidate.pk}")
    with transaction.atomic():
        if candidate.status != MergeCandidate.Status.OPEN:
            raise ReviewError(f"merge candidate {candidate.pk} is {candidate.status}")
        candidate.status = MergeCandidate.Status.DISMISSED
        candidate.save(update_fields=["status"])
        return Decision.objects.create(actor=actor, action=Decision.Action.DISMISS, reason=reason,
                                       effects={"candidate": candidate.pk})


def undo(decision: Decision, *, actor: str, reason: str = "", scope: Scope | None = None) -> Decision:
    """Take a decision back; the log keeps both."""
    with acting_as(actor), transaction.atomic():
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        _require_scope(scope, _decided_records(decision), f"undoing decision {decision.pk}")
        if decision.action == Decision.Action.UNDO:
            raise ReviewError("an undo cannot be undone; take the decision again instead")
        if Decision.objects.filter(undoes=decision).exists():
            raise ReviewError(f"decision {decision.pk} was already undone")
        try:
            _undo_effects(decision)
        except ProtectedError as error:
            raise ReviewError(f"decision {decision.pk} cannot be undone: later records depend on what it "
                              f"created ({error.args[0]}); undo those first") from error
        return Decision.objects.create(actor=actor, action=Decision.Action.UNDO, undoes=decision,
                                       claim=decision.claim, reason=reason)


def _decided_records(decision: Decision) -> list:
    """The records a decision wrote, as they are now."""
    effects = decision.effects
    if decision.action == Decision.Action.MERGE:
        kept = apps.get_model(effects["model"])._base_manager.filter(pk=effects["keep"]).first()
        return [kept] if kept is not None else []
    if decision.action == Decision.Action.DISMISS:
        candidate = MergeCandidate.objects.filter(pk=effects.get("candidate")).first()
        return [r for r in (candidate.left, candidate.right) if r is not None] if candidate else []
    linked = decision.claim.linked if decision.claim is not None and decision.claim.link_id else None
    return _written_records(linked, effects)


def _undo_effects(decision: Decision) -> None:
    effects = decision.effects
    if decision.action == Decision.Action.MERGE:
        unmerge(effects)
        MergeCandidate.objects.filter(pk__in=effects.get("candidates", [])).update(status=MergeCandidate.Status.OPEN)
        return
    if decision.action == Decision.Action.DISMISS:
        MergeCandidate.objects.filter(pk=effects["candidate"]).update(status=MergeCandidate.Status.OPEN)
        return
    claim = decision.claim
    if claim is not None and Decision.objects.filter(claim=claim, pk__gt=decision.pk, undoes__isnull=True).exclude(
            action=Decision.Action.UNDO).exists():
        raise ReviewError(f"claim {claim.pk} has a later decision; undo that first")
    decision.citations.all().delete()
    revert(effects)
    if claim is not None:
        before = effects.get("claim_before", {})
        claim.status = before.get("status", Claim.Status.PENDING)
        claim.edited_value = before.get("edited_value")
        claim.link_type_id, claim.link_id = before.get("link_type"), before.get("link_id")
        claim.save()


def apply_auto_accept(claims) -> list[Decision]:
    """Accept the claims that an enabled rule covers, as actor bot:<rule>."""
    rules = list(AutoAcceptRule.objects.filter(enabled=True))
    if not rules:
        return []
    decisions = []
    for claim in sorted(claims, key=lambda c: SLOT_ORDER.index(c.slot)):
        if not any(rule.matches(claim) for rule in rules):
            continue  # as drafted a moment ago: accepting others since only ever takes a claim out
        claim.refresh_from_db()  # accepting an earlier claim may have accepted this one as its dependency
        rule = next((rule for rule in rules if rule.matches(claim)), None)
        if rule is not None:
            try:
                decisions.append(accept(claim, actor=f"bot:{rule.name}", reason=f"auto-accept rule {rule}"))
            except ReviewError:
                continue  # already accepted as another claim's dependency
    return decisions
