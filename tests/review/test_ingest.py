"""Documents and claims: dedupe, evidence, idempotent re-runs, supersession."""

import pytest

from amity.sources import ingest as ingest_module
from amity.sources.ingest import IngestError
from amity.sources.models import Claim, Document

from .conftest import article

pytestmark = pytest.mark.django_db


def test_claims_carry_evidence_version_confidence_and_explanation(ingest):
    result = ingest("daejeon_finland_meeting.txt")
    assert result.created and result.extracted
    document = result.document
    assert str(document.published) == "2025-03-14"
    slots = {claim.slot for claim in result.claims}
    assert {"place", "country", "person", "engagement", "agreement", "follow_up"} <= slots
    for claim in result.claims:
        assert claim.status == Claim.Status.PENDING
        assert claim.extractor_version and 0 < claim.confidence <= 1 and claim.explanation
        for span in claim.evidence:
            assert document.text[span["start"]:span["end"]] == span["text"]
    mayor = next(c for c in result.claims if c.slot == "person" and c.value["name"] == "Kim Do-yun")
    assert "Mayor of Daejeon" in mayor.evidence_sentence()


def test_the_same_text_twice_is_one_document(ingest):
    first = ingest("daejeon_finland_meeting.txt")
    again = ingest("daejeon_finland_meeting.txt")
    assert not again.created and not again.extracted
    assert again.document.pk == first.document.pk
    assert Document.objects.count() == 1
    assert Claim.objects.count() == len(first.claims)


def test_whitespace_only_text_is_refused(ingest):
    from amity.review.intake import ingest_text

    with pytest.raises(IngestError):
        ingest_text("   \n ")


def test_newer_extractor_supersedes_vanished_claims_but_keeps_decisions(ingest, monkeypatch):
    from amity.extract import extract
    from amity.review import services

    result = ingest("suwon_mayor_visit.txt")
    claims = {c.slot + ":" + c.label: c for c in result.claims}
    person = next(c for c in result.claims if c.slot == "person")
    services.reject(person, actor="user:reviewer", reason="test")
    extraction = extract(article("suwon_mayor_visit.txt"), published="2025-05-09").to_dict()
    extraction["people"] = []  # the newer version no longer reads the people
    dropped_place = extraction["places"].pop()  # nor the last place
    monkeypatch.setattr(ingest_module, "EXTRACTOR_VERSION", "99.0.0")
    rerun = ingest_module.store_text(article("suwon_mayor_visit.txt"), extraction=extraction)
    assert not rerun.created and rerun.extracted and rerun.new_claims == 0
    person.refresh_from_db()
    assert person.status == Claim.Status.REJECTED  # a person's decision stays
    vanished = Claim.objects.get(document=result.document, slot="place", value__name=dropped_place["name"])
    assert vanished.status == Claim.Status.SUPERSEDED
    assert Claim.objects.filter(document=result.document).count() == len(claims)
    assert rerun.document.extracted_with == "99.0.0"


def test_a_known_text_arriving_with_its_publication_date_resolves_relative_dates(ingest):
    undated = ingest("daejeon_finland_meeting_2.txt")
    assert undated.document.published is None
    assert not any(c.value.get("date") for c in undated.claims if c.slot == "engagement" and c.status == "pending")
    dated = ingest("daejeon_finland_meeting_2.txt", published="2025-03-12")
    assert not dated.created and dated.extracted
    assert str(dated.document.published) == "2025-03-12"
    pending = Claim.objects.filter(document=dated.document, slot="engagement", status="pending")
    assert [c.value["date"] for c in pending] == ["2025-03-11"]
    assert Document.objects.count() == 1


def test_accept_all_walks_the_queue_in_batches_and_accepts_every_claim(ingest, monkeypatch, capsys):
    from amity.cli import main
    from amity.registry import models as m
    from amity.review import bulk

    ingest("daejeon_finland_meeting.txt")
    ingest("gwangju_signing.txt")
    pending = Claim.objects.filter(status=Claim.Status.PENDING).count()
    monkeypatch.setattr(bulk, "BATCH", 3)  # several batches per slot
    assert main(["review", "accept", "--all", "--actor", "user:reviewer"]) == 0
    out = capsys.readouterr().out
    left = Claim.objects.filter(status=Claim.Status.PENDING).count()
    accepted = Claim.objects.filter(status=Claim.Status.ACCEPTED).count()
    assert accepted + left == pending and accepted > pending // 2
    assert f"accepted {accepted} claim(s)" in out
    # Dependencies first: the engagement's people exist as records, linked to it.
    assert m.EngagementParticipant.objects.filter(person__isnull=False).exists()
