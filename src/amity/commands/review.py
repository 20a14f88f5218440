"""`amity review …`: the review queue in the terminal."""

from __future__ import annotations

import argparse
import functools
import json
import textwrap

from amity.commands.setup import fail


@functools.cache
def _scope(actor: str):
    """The deciding user's editing scope, when --actor names an Amity user ("user:alice").

    Bots and names that are no account act for whoever runs the command on the server.
    """
    from amity.accounts import permissions
    from amity.review.services import ReviewError

    user = permissions.user_for_actor(actor)
    if user is None:
        return None
    if not permissions.can_review(user):
        raise ReviewError(f"{actor} may not review claims")
    return permissions.scope_of(user)


def _claims(ids):
    from amity.sources.models import Claim

    claims = list(Claim.objects.filter(pk__in=ids))
    missing = set(ids) - {c.pk for c in claims}
    if missing:
        raise LookupError(f"no claim with id {', '.join(map(str, sorted(missing)))}")
    return claims


def _list(args) -> int:
    from amity.review.services import pending_claims

    claims = pending_claims(slot=args.slot, min_confidence=args.min_confidence, status=args.status or None)
    if args.document:
        claims = claims.filter(document_id=args.document)
    shown = 0
    for claim in claims[: args.limit]:
        link = f" -> {claim.linked} ({claim.link_score:.2f})" if claim.link_id else ""
        print(f"{claim.pk:>6}  {claim.status:<9} {claim.slot:<12} {claim.confidence:.2f}  {claim.label}{link}")
        shown += 1
    total = claims.count()
    print(f"{shown} shown of {total}")
    return 0


def _show(args) -> int:
    (claim,) = _claims([args.id])
    print(f"claim {claim.pk} [{claim.status}] {claim.slot}: {claim.label}")
    print(f"document {claim.document_id}: {claim.document}")
    print(f"confidence {claim.confidence:.2f}: {claim.explanation}")
    if claim.link_id:
        print(f"link: {claim.linked} (score {claim.link_score:.2f}: {claim.link_explanation})")
    print("evidence:")
    print(textwrap.indent(textwrap.fill(claim.evidence_sentence(), 100), "  "))
    print("value:")
    print(textwrap.indent(json.dumps(claim.current_value, ensure_ascii=False, indent=1), "  "))
    for decision in claim.decisions.order_by("id"):
        print(f"decision {decision.pk}: {decision.time:%Y-%m-%d %H:%M} {decision.actor} {decision.action}")
    return 0


def _decide(args) -> int:
    from amity.review import services
    from amity.sources.models import Claim

    if args.all and args.review_command == "accept":
        from amity.review.bulk import accept_pending  # in batches: flat memory, one commit per batch

        done, skipped = accept_pending(actor=args.actor, slot=args.slot, reason=args.reason, scope=_scope(args.actor),
                                       report=lambda claim, error: print(f"claim {claim.pk}: {error}"))
        print(f"accepted {done} claim(s)" + (f", {skipped} skipped" if skipped else ""))
        return 0 if done or not skipped else 1
    if args.all:
        claims = list(services.pending_claims(slot=args.slot, document=None))
        claims.sort(key=lambda c: services.SLOT_ORDER.index(c.slot))
    else:
        claims = _claims(args.ids)
    done = skipped = 0
    for claim in claims:
        claim.refresh_from_db()
        if args.all and claim.status != Claim.Status.PENDING:
            continue  # accepted meanwhile as another claim's dependency
        try:
            if args.review_command == "accept":
                services.accept(claim, actor=args.actor, reason=args.reason, scope=_scope(args.actor))
            else:
                services.reject(claim, actor=args.actor, reason=args.reason, scope=_scope(args.actor))
            done += 1
        except services.ReviewError as error:
            skipped += 1
            print(f"claim {claim.pk}: {error}")
    print(f"{args.review_command}ed {done} claim(s)" + (f", {skipped} skipped" if skipped else ""))
    return 0 if done or not skipped else 1


def _edit(args) -> int:
    from amity.review import services

    (claim,) = _claims([args.id])
    edits = {}
    for assignment in args.set:
        name, sep, raw = assignment.partition("=")
        if not sep:
            return fail(f"--set takes FIELD=VALUE, got {assignment!r}")
        try:
            edits[name] = json.loads(raw)
        except json.JSONDecodeError:
            edits[name] = raw
    decision = services.accept(claim, actor=args.actor, edits=edits, reason=args.reason, scope=_scope(args.actor))
    print(f"edited and accepted claim {claim.pk} (decision {decision.pk})")
    return 0


def _merge(args) -> int:
    from django.apps import apps

    from amity.review import services
    from amity.review.models import MergeCandidate

    if args.candidate:
        candidate = MergeCandidate.objects.get(pk=args.candidate)
        keep, drop = candidate.left, candidate.right
    else:
        model = apps.get_model("registry", args.model)
        keep, drop = model.objects.get(pk=args.keep), model.objects.get(pk=args.drop)
    decision = services.merge(keep, drop, actor=args.actor, reason=args.reason, scope=_scope(args.actor))
    print(f"merged {drop} into {keep} (decision {decision.pk})")
    return 0


def _candidates(args) -> int:
    from amity.review import duplicates
    from amity.review.models import MergeCandidate

    unknown = [kind for kind in args.kind if kind not in duplicates.KINDS]
    if unknown:
        return fail(f"unknown kind {unknown[0]!r}: choose from {', '.join(duplicates.KINDS)}")
    scan = duplicates.record(args.kind or None) if args.scan else duplicates.refresh()
    if scan is not None:
        print(f"looked for duplicates: {scan.new} new, {scan.updated} still open, {scan.kept_apart} kept apart before")
    for candidate in MergeCandidate.objects.filter(status=args.status).select_related("content_type"):
        if args.kind and duplicates.kind_of(candidate) not in args.kind:
            continue
        print(f"{candidate.pk:>5}  {candidate.content_type.model:<12} {candidate.score:.2f}  "
              f"{candidate.left} <-> {candidate.right}: {candidate.explanation}")
    return 0


def _undo(args) -> int:
    from amity.review import services
    from amity.review.models import Decision

    decision = Decision.objects.get(pk=args.decision)
    undo = services.undo(decision, actor=args.actor, reason=args.reason, scope=_scope(args.actor))
    print(f"undid decision {decision.pk} ({decision.action}) with decision {undo.pk}")
    return 0


def _log(args) -> int:
    from amity.review.models import Decision

    for decision in Decision.objects.order_by("-id")[: args.limit]:
        target = f"claim {decision.claim_id}" if decision.claim_id else ""
        undoes = f" (undoes {decision.undoes_id})" if decision.undoes_id else ""
        print(f"{decision.pk:>6}  {decision.time:%Y-%m-%d %H:%M:%S} {decision.actor:<20} {decision.action:<11} "
              f"{target}{undoes}")
    return 0


def _rules(args) -> int:
    from amity.review.models import AutoAcceptRule

    if args.name:
        rule, _ = AutoAcceptRule.objects.get_or_create(name=args.name, defaults={"slot": args.slot or "place"})
        if args.slot:
            rule.slot = args.slot
        if args.min_confidence is not None:
            rule.min_confidence = args.min_confidence
        if args.require_link is not None:
            rule.require_link = args.require_link
        if args.enable is not None:
            rule.enabled = args.enable
        rule.full_clean()
        rule.save()
    for rule in AutoAcceptRule.objects.order_by("name"):
        print(f"{'on ' if rule.enabled else 'off'}  {rule}")
    return 0


HANDLERS = {"list": _list, "show": _show, "accept": _decide, "reject": _decide, "edit": _edit, "merge": _merge,
            "candidates": _candidates, "undo": _undo, "log": _log, "rules": _rules}


def add_parser(sub, default_actor: str) -> None:
    review = sub.add_parser("review", help="review claims: list, show, accept, edit, reject, merge, undo")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    def action(name, help_text):
        parser = actions.add_parser(name, help=help_text)
        parser.add_argument("--actor", default=default_actor, help=f"who decides (default {default_actor})")
        parser.add_argument("--reason", default="")
        return parser

    listing = action("list", "claims waiting for review")
    listing.add_argument("--slot")
    listing.add_argument("--document", type=int)
    listing.add_argument("--min-confidence", type=float)
    listing.add_argument("--status", default="pending", help="pending (default), accepted, rejected, superseded, or ''")
    listing.add_argument("--limit", type=int, default=200)
    action("show", "one claim with its evidence sentence").add_argument("id", type=int)
    for name in ("accept", "reject"):
        parser = action(name, f"{name} claims")
        parser.add_argument("ids", nargs="*", type=int)
        parser.add_argument("--all", action="store_true", help="every pending claim (of --slot)")
        parser.add_argument("--slot")
    edit = action("edit", "edit a claim's value and accept it")
    edit.add_argument("id", type=int)
    edit.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="JSON values allowed")
    merge = action("merge", "merge two records: MODEL KEEP DROP, or --candidate N")
    merge.add_argument("model", nargs="?")
    merge.add_argument("keep", nargs="?", type=int)
    merge.add_argument("drop", nargs="?", type=int)
    merge.add_argument("--candidate", type=int)
    candidates = action("candidates", "merge candidates with their scores")
    candidates.add_argument("--status", default="open")
    candidates.add_argument("--scan", action="store_true",
                            help="compare every record again (without it, only kinds changed since the last look)")
    candidates.add_argument("--kind", action="append", default=[],
                            help="person, organization, place, alliance, agreement or engagement (repeatable)")
    action("undo", "undo a decision").add_argument("decision", type=int)
    action("log", "the decision log, newest first").add_argument("--limit", type=int, default=50)
    rules = action("rules", "list auto-accept rules, or create/change one with NAME")
    rules.add_argument("name", nargs="?")
    rules.add_argument("--slot")
    rules.add_argument("--min-confidence", type=float)
    rules.add_argument("--require-link", action=argparse.BooleanOptionalAction, default=None)
    rules.add_argument("--enable", action=argparse.BooleanOptionalAction, default=None)


def review(args) -> int:
    from django.core.exceptions import ObjectDoesNotExist, ValidationError

    from amity.review.services import ReviewError

    try:
        return HANDLERS[args.review_command](args)
    except (LookupError, ObjectDoesNotExist) as error:
        return fail(str(error).strip('"'))
    except (ReviewError, ValidationError, ValueError) as error:
        return fail(str(error))
