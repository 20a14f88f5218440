"""`amity review accept --all` in chunks: the same registry as accepting one claim at a time,
scope refused claim by claim, undo of a batch-accepted claim."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from amity.core.actor import acting_as
from amity.core.models import ChangeLog
from amity.registry import models as m
from amity.registry.scope import Scope
from amity.review import services
from amity.review.bulk import accept_pending
from amity.review.models import Citation, Decision
from amity.sources.linking import suggest_link
from amity.sources.models import Claim, Document

pytestmark = pytest.mark.django_db

# Claims as the extractor drafts them for three releases: two cities' meetings with a
# foreign envoy (the same mayor of Busan in both), a sister-city signing, a follow-up.
RELEASES = [
    ("2024-05-03", [
        ("place", {"id": "p1", "name": "Busan", "country": "KR", "kind": "city"}),
        ("place", {"id": "p2", "name": "Koper", "country": "SI", "kind": "city"}),
        ("person", {"id": "h1", "name": "Kim Min-ho", "title": "Mayor", "of": "Busan", "of_ref": "p1"}),
        ("person", {"id": "h2", "name": "Anna Novak", "title": "Mayor", "of": "Koper", "of_ref": "p2"}),
        ("engagement", {"id": "e1", "type": "meeting", "date": "2024-05-02", "place_ref": "p1",
                        "venue": "Busan City Hall", "participants": [{"ref": "h1", "role": "host"},
                                                                     {"ref": "h2", "role": "guest"}]}),
        ("agreement", {"id": "a1", "type": "sister_city", "status": "signed", "date": "2024-05-02",
                       "parties": [{"ref": "p1"}, {"ref": "p2"}]}),
        ("follow_up", {"id": "f1", "action": "hold a joint forum on port logistics", "due": "2024-10",
                       "owner": {"ref": "p1"}}),
    ]),
    ("2024-06-11", [
        ("place", {"id": "p1", "name": "Busan", "country": "KR", "kind": "city"}),
        ("person", {"id": "h1", "name": "Kim Min-ho", "title": "Mayor", "of": "Busan", "of_ref": "p1"}),
        ("organization", {"id": "o1", "name": "Busan Port Authority", "kind": "port_authority", "place_ref": "p1"}),
        ("engagement", {"id": "e1", "type": "visit", "date": "2024-06-10", "place_ref": "p1",
                        "participants": [{"ref": "h1"}, {"ref": "o1"}]}),
    ]),
    ("2024-07-01", [
        ("place", {"id": "p1", "name": "Ulsan", "country": "KR", "kind": "city"}),
        ("place", {"id": "p2", "name": "Fukuoka", "country": "JP", "kind": "city"}),
        ("person", {"id": "h1", "name": "Lee Ji-woo", "title": "Mayor", "of": "Ulsan", "of_ref": "p1"}),
        ("engagement", {"id": "e1", "type": "meeting", "date": "2024-06-30", "place_ref": "p2",
                        "participants": [{"ref": "h1"}]}),
        ("agreement", {"id": "a1", "type": "friendship_city", "status": "signed", "date": "2024-06-30",
                       "parties": [{"ref": "p1"}, {"ref": "p2"}]}),
    ]),
]


def _queue(releases=RELEASES) -> list[Document]:
    documents = []
    with acting_as("bot:test"):
        for number, (published, claims, *language) in enumerate(releases):
            document = Document.objects.create(text=f"Release {number} about {claims[0][1].get('name')}.",
                                               published=published, language=(language or ["en"])[0])
            for slot, value in claims:
                link = suggest_link(slot, value)  # as ingest suggests it
                Claim.objects.create(document=document, slot=slot, key=f"{slot}-{value['id']}",
                                     local_id=value["id"], label=value.get("name") or value.get("type") or slot,
                                     value=value, extractor_version="test", confidence=0.9,
                                     link_type=ContentType.objects.get_for_model(link.record) if link else None,
                                     link_id=link.record.pk if link else None)
            documents.append(document)
    return documents


def _name(record) -> str:
    return f"{record._meta.model_name}:{record}" if record is not None else ""


def _registry() -> dict:
    """What the registry holds, by names rather than ids (ids differ between two runs)."""
    rows = {}
    for model in (m.Person, m.Position, m.Organization, m.Engagement, m.EngagementParticipant, m.Agreement,
                  m.AgreementParty, m.AgreementStatusChange, m.FollowUp):
        fields = [f for f in model._meta.concrete_fields if f.name not in ("id", "uid", "created", "updated")]
        rows[model.__name__] = sorted(
            tuple(_name(getattr(obj, f.name)) if f.is_relation else str(getattr(obj, f.name)) for f in fields)
            for obj in model.objects.all())
    rows["places"] = sorted((p.name, p.country_code, tuple(p.aliases)) for p in m.Place.objects.exclude(source="reference"))
    rows["claims"] = sorted((c.document.text, c.local_id, c.status, _name(c.linked)) for c in Claim.objects.all())
    rows["decisions"] = sorted((d.claim.document.text, d.claim.local_id, d.actor, d.action, d.reason)
                               for d in Decision.objects.select_related("claim__document"))
    rows["change log"] = _change_log()
    rows["citations"] = sorted((c.claim.local_id, c.claim.document.text, c.field, c.content_type.model)
                               for c in Citation.objects.select_related("claim__document", "content_type"))
    return rows


def _without_ids(values) -> tuple:
    """A change-log entry's values without the ids and times two runs give differently."""
    return tuple(sorted((key, str(value)) for key, value in (values or {}).items()
                        if key not in ("id", "uid", "created", "updated") and not key.endswith("_id")))


def _change_log() -> list:
    """Every change-log entry: who did what to which record, with which values."""
    return sorted((entry.actor, entry.action, entry.content_type.model, entry.object_repr,
                   entry.parent_type.model if entry.parent_type else "", _without_ids(entry.before),
                   _without_ids(entry.after))
                  for entry in ChangeLog.objects.filter(actor__startswith="user:").select_related("content_type", "parent_type"))


def _one_by_one(actor: str, scope: Scope | None = None) -> None:
    for slot in services.SLOT_ORDER:
        for claim in Claim.objects.filter(slot=slot, status=Claim.Status.PENDING).order_by("pk"):
            claim.refresh_from_db()
            if claim.status == Claim.Status.PENDING:
                try:
                    services.accept(claim, actor=actor, scope=scope)
                except services.ReviewError:  # outside the scope, or it needs an edit first
                    pass


class _Undo(Exception):
    pass


def _registry_one_by_one_would_give(actor: str, scope: Scope | None = None) -> dict:
    """The registry accepting the pending claims one by one gives, with that acceptance rolled back so
    the batch accept under test starts from the same queue."""
    try:
        with transaction.atomic():
            _one_by_one(actor, scope=scope)
            result = _registry()
            raise _Undo
    except _Undo:
        pass
    return result


# One meeting reported twice (in Korean, then in English with a topic): the second report adds to the
# engagement the first created and names it again; a follow-up of the Korean report; a place claim
# that cannot be accepted (no name), which a mayor's claim names as the city they hold office in.
SAME_MEETING = [
    ("2024-08-21", [
        ("place", {"id": "p1", "name": "Busan", "aliases": ["부산"], "country": "KR", "kind": "city"}),
        ("person", {"id": "h1", "name": "Park Hyung-jun", "aliases": ["박형준"], "title": "Mayor", "of": "Busan",
                    "of_ref": "p1"}),
        ("person", {"id": "h2", "name": "Tomas Horvat", "title": "Ambassador", "of": "Slovenia"}),
        ("engagement", {"id": "e1", "type": "meeting", "date": "2024-08-20", "place_ref": "p1",
                        "participants": [{"ref": "h1", "role": "host"}, {"ref": "h2", "role": "guest"}]}),
        ("follow_up", {"id": "f1", "action": "open a trade office in Ljubljana", "due": "2025",
                       "owner": {"ref": "p1"}}),
    ], "ko"),
    ("2024-08-22", [
        ("place", {"id": "p1", "name": "Busan", "country": "KR", "kind": "city"}),
        ("person", {"id": "h1", "name": "Park Hyung-jun", "title": "Mayor", "of": "Busan", "of_ref": "p1"}),
        ("organization", {"id": "o1", "name": "Busan Economic Promotion Agency", "kind": "agency", "place_ref": "p1"}),
        ("engagement", {"id": "e1", "type": "meeting", "date": "2024-08-20", "place_ref": "p1", "time": "14:00",
                        "topics": ["economy_trade", "ports_logistics"],
                        "participants": [{"ref": "h1"}, {"ref": "o1"}]}),
    ]),
    ("2024-09-02", [
        ("place", {"id": "p1", "country": "SI", "kind": "city"}),
        ("person", {"id": "h1", "name": "Maja Kos", "title": "Mayor", "of_ref": "p1"}),
    ]),
]


def test_a_batch_accept_of_one_event_reported_twice_and_a_failing_dependency_matches_one_by_one():
    _queue(SAME_MEETING)
    one_by_one = _registry_one_by_one_would_give("user:reviewer")
    refused = []
    accepted, skipped = accept_pending(actor="user:reviewer", batch=3,
                                       report=lambda claim, error: refused.append((claim.slot, str(error))))
    assert (accepted, skipped) == (10, 1)
    assert refused[0][0] == "place" and "cannot be accepted" in refused[0][1]
    assert _registry() == one_by_one
    meeting = m.Engagement.objects.get()
    assert meeting.participants.count() == 3 and meeting.time is not None
    assert {field.code for field in meeting.topics.all()} == {"economy_trade", "ports_logistics"}
    assert m.FollowUp.objects.get().engagement == meeting
    assert not m.Person.objects.get(name="Maja Kos").positions.exclude(of_place=None).exists()


def test_a_batch_accept_gives_the_records_accepting_one_by_one_gives():
    _queue()
    one_by_one = _registry_one_by_one_would_give("user:reviewer")
    assert Claim.objects.filter(status=Claim.Status.PENDING).count() == 16
    # chunks of 2 claims: dependencies and the same mayor cross chunk boundaries
    accepted, skipped = accept_pending(actor="user:reviewer", batch=2)
    assert (accepted, skipped) == (16, 0)
    assert _registry() == one_by_one
    assert m.Person.objects.filter(name="Kim Min-ho").count() == 1
    kim = m.Person.objects.get(name="Kim Min-ho")
    assert {p.engagement.type for p in kim.engagements.all()} == {"meeting", "visit"}


def test_an_out_of_scope_claim_in_a_batch_is_refused_with_a_message_and_the_rest_accepted():
    _queue()
    busan = m.Place.objects.get(name="Busan", country_code="KR", source="reference")
    busan_editor = Scope(frozenset({busan.pk}), frozenset())
    one_by_one = _registry_one_by_one_would_give("user:busan-editor", scope=busan_editor)
    refused = {}
    accepted, skipped = accept_pending(actor="user:busan-editor", scope=busan_editor, batch=3,
                                       report=lambda claim, error: refused.setdefault(claim.pk, str(error)))
    assert _registry() == one_by_one
    refused_claims = Claim.objects.filter(pk__in=refused).select_related("document")
    # Ulsan's mayor, the meeting in Fukuoka and their agreement; Koper's own record and its mayor
    assert sorted((c.document.text, c.local_id) for c in refused_claims) == sorted(
        [("Release 0 about Busan.", "p2"), ("Release 0 about Busan.", "h2")]
        + [("Release 2 about Ulsan.", local_id) for local_id in ("p1", "p2", "h1", "e1", "a1")])
    assert all("outside your editing scope" in message for message in refused.values())
    assert "Fukuoka" in refused[Claim.objects.get(document__text="Release 2 about Ulsan.", local_id="e1").pk]
    assert (accepted, skipped) == (9, 7)
    assert set(refused_claims.values_list("status", flat=True)) == {"pending"}
    assert not Claim.objects.filter(status="pending").exclude(pk__in=refused).exists()
    assert not m.Person.objects.filter(name="Lee Ji-woo").exists()
    # Busan's sister city agreement still names Koper: referring to another city's record only reads it
    sister = m.Agreement.objects.get(type="sister_city")
    assert {party.place.name for party in sister.parties.all()} == {"Busan", "Koper"}
    assert set(Decision.objects.values_list("actor", flat=True)) == {"user:busan-editor"}


def test_a_batch_accepted_claim_is_undone_as_one_accepted_alone():
    _queue(RELEASES[:1])
    accept_pending(actor="user:reviewer", batch=3)
    claim = Claim.objects.get(slot="engagement")
    engagement = claim.linked
    assert Citation.objects.filter(claim=claim, object_id=engagement.pk).exists()
    services.undo(claim.decisions.get(action="accept"), actor="user:reviewer")
    assert not m.Engagement.objects.filter(pk=engagement.pk).exists()
    assert Claim.objects.get(pk=claim.pk).status == "pending"
    assert not Citation.objects.filter(claim=claim).exists()
    accept_pending(actor="user:reviewer")
    assert Claim.objects.get(pk=claim.pk).status == "accepted"
    assert m.Engagement.objects.filter(type="meeting").count() == 1
