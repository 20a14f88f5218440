"""Adding a press release (paste / upload -> preview -> save), the document page, and review decisions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from amity.registry import models as m
from amity.review.models import Decision
from amity.sources.models import Claim, Document
from tests.web.conftest import SEED_STYLE_RELEASE, place

pytestmark = pytest.mark.django_db

HOSTILE = """<h1>Mokpo hosts Kaohsiung delegation</h1>
<script>document.title = "pwned"; alert(1)</script>
<p onclick="alert(2)">The Mayor of Mokpo met a delegation from Kaohsiung at Mokpo City Hall on 3 April 2025.</p>
<img src=x onerror="alert(3)">
"""


@pytest.fixture
def reviewer(as_role, demo):
    return as_role("reviewer")


def save(client, text=SEED_STYLE_RELEASE, **extra):
    data = {"text": text, "title": "", "url": "", "published": "2025-03-11", "action": "save", **extra}
    response = client.post(reverse("web:document-new"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Document.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_preview_shows_what_was_read_and_saves_nothing(reviewer):
    response = reviewer.post(reverse("web:document-new"), {"text": SEED_STYLE_RELEASE, "published": "2025-03-11",
                                                           "action": "preview"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hong Tae-yong, Mayor of Gimhae" in page
    assert "Signed friendship city between Gimhae, Sapporo" in page
    assert 'id="ev-draft-' in page and 'class="evidence' in page
    assert "Nothing is saved yet" in page
    assert not Document.objects.exists()


def test_save_stores_the_document_and_pending_claims(reviewer):
    document = save(reviewer)
    assert document.claims.filter(status="pending").count() >= 5
    page = reviewer.get(reverse("web:document", args=[document.pk])).content.decode()
    assert "Hong Tae-yong" in page
    assert 'class="evidence e-ev-' in page
    for claim in document.claims.all():
        assert f'id="ev-{claim.pk}-0"' in page or claim.evidence == []
    assert not m.Engagement.objects.filter(place__name="Gimhae").exists()  # nothing accepted yet


def test_the_same_text_twice_is_one_document(reviewer):
    first = save(reviewer)
    second = save(reviewer)
    assert first.pk == second.pk


def test_empty_and_bad_input_get_a_clear_error(reviewer):
    url = reverse("web:document-new")
    page = reviewer.post(url, {"text": "   ", "action": "preview"}).content.decode()
    assert "Paste the text of a press release" in page
    page = reviewer.post(url, {"text": "x", "published": "2025-02-30", "action": "preview"}).content.decode()
    assert "does not exist" in page
    binary = SimpleUploadedFile("x.bin", b"\x00\x01\x02\x03" * 100)
    page = reviewer.post(url, {"upload": binary, "action": "preview"}).content.decode()
    assert "binary" in page
    assert not Document.objects.exists()


def test_nothing_found_is_said_plainly(reviewer):
    page = reviewer.post(reverse("web:document-new"), {"text": "Lorem ipsum dolor sit amet.",
                                                       "action": "preview"}).content.decode()
    assert "Nothing found in this text" in page


def test_upload_html_is_read_as_text(reviewer):
    html = ("<html><head><title>t</title><style>p{}</style></head><body><p>" + SEED_STYLE_RELEASE
            + "</p><script>alert(1)</script></body></html>").encode()
    response = reviewer.post(reverse("web:document-new"), {
        "upload": SimpleUploadedFile("release.html", html, content_type="text/html"), "action": "save"})
    assert response.status_code == 302
    document = Document.objects.get()
    assert "alert" not in document.text and "<p>" not in document.text
    assert "Hong Tae-yong" in document.text


def _pdf(text: str) -> bytes:
    """A one-page PDF with `text` in Helvetica (written by hand, no library)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_upload_pdf(reviewer):
    pdf = _pdf("Gimhae and Sapporo signed a Friendship City Agreement in May 2015.")
    response = reviewer.post(reverse("web:document-new"), {
        "upload": SimpleUploadedFile("release.pdf", pdf, content_type="application/pdf"), "action": "preview"})
    page = response.content.decode()
    assert "Friendship City Agreement" in page
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 this is not really a pdf", content_type="application/pdf")
    page = reviewer.post(reverse("web:document-new"), {"upload": broken, "action": "preview"}).content.decode()
    assert "cannot be read" in page


def test_article_html_and_scripts_are_shown_as_inert_text(reviewer):
    document = save(reviewer, text=HOSTILE)
    page = reviewer.get(reverse("web:document", args=[document.pk])).content.decode()
    assert "<script>document.title" not in page
    assert "&lt;script&gt;document.title = &quot;pwned&quot;" in page
    assert 'onerror="alert(3)"' not in page and "<img src=x" not in page
    preview = reviewer.post(reverse("web:document-new"), {"text": HOSTILE, "action": "preview"}).content.decode()
    assert "<script>document.title" not in preview
    search = reviewer.get(reverse("web:search"), {"q": "pwned"}).content.decode()
    assert "<script>document.title" not in search


def test_accept_and_reject_from_the_document_page_with_htmx(reviewer):
    document = save(reviewer)
    agreement_claim = document.claims.get(slot="agreement")
    response = reviewer.post(reverse("web:claim-accept", args=[agreement_claim.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'class="claim accepted"' in response.content.decode()
    # its places were accepted with it: their cards change in the same answer, no reload
    page = response.content.decode()
    for place_claim in document.claims.filter(slot="place", value__name__in=["Gimhae", "Sapporo"]):
        assert f'id="claim-{place_claim.pk}" hx-swap-oob="true"' in page
    assert 'id="review-counters" aria-live="polite" hx-swap-oob="true"' in page
    agreement = m.Agreement.objects.get(parties__place__name="Sapporo")
    assert agreement.parties.count() == 2
    # The fact links back to its sentence.
    page = reviewer.get(reverse("web:agreement", args=[agreement.pk])).content.decode()
    assert f"#ev-{agreement_claim.pk}-0" in page
    follow_up = document.claims.get(slot="follow_up")
    response = reviewer.post(reverse("web:claim-reject", args=[follow_up.pk]), HTTP_HX_REQUEST="true")
    assert 'class="claim rejected"' in response.content.decode()
    # A decided claim cannot be decided again; the card says why.
    again = reviewer.post(reverse("web:claim-accept", args=[follow_up.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "not pending" in again


def test_undo_takes_a_decision_back(reviewer):
    document = save(reviewer)
    claim = document.claims.get(slot="follow_up")
    reviewer.post(reverse("web:claim-reject", args=[claim.pk]))
    reviewer.post(reverse("web:claim-undo", args=[claim.pk]))
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert Decision.objects.filter(action="undo", actor="user:rev").exists()


def test_edit_then_accept(reviewer):
    document = save(reviewer)
    claim = document.claims.get(slot="follow_up")
    page = reviewer.get(reverse("web:claim-edit", args=[claim.pk])).content.decode()
    assert 'name="action"' in page and 'name="due_0"' in page
    response = reviewer.post(reverse("web:claim-edit", args=[claim.pk]),
                             {"action": "Hold a joint Gimhae–Sapporo festival", "due_0": "2026"})
    assert response.status_code == 302, response.content.decode()[:3000]
    claim.refresh_from_db()
    assert claim.status == "accepted"
    assert m.FollowUp.objects.filter(action="Hold a joint Gimhae–Sapporo festival").exists()


def test_bulk_accept_from_the_inbox_creates_the_engagement_at_the_place(reviewer):
    document = save(reviewer)
    inbox = reviewer.get(reverse("web:review"))
    assert "Hong Tae-yong" in inbox.content.decode()
    ids = list(document.claims.filter(status="pending").values_list("pk", flat=True))
    asked = reviewer.post(reverse("web:review-bulk"), {"action": "accept", "claim": ids}).content.decode()
    assert f"Accept {len(ids)} claims?" in asked and "Yes, accept them" in asked
    assert document.claims.filter(status="pending").count() == len(ids)  # nothing done before the answer
    response = reviewer.post(reverse("web:review-bulk"), {"action": "accept", "claim": ids, "confirmed": "yes"},
                             follow=True)
    assert "Accepted" in response.content.decode()
    assert not document.claims.filter(status="pending").exists()
    gimhae = place("Gimhae")
    engagement = m.Engagement.objects.get(place=gimhae, type="meeting")
    assert engagement.participants.count() >= 2
    timeline = reviewer.get(reverse("web:place", args=[gimhae.pk])).content.decode()
    assert reverse("web:engagement", args=[engagement.pk]) in timeline
    results = reviewer.get(reverse("web:search"), {"q": "Gimhae", "kind": "engagement"}).content.decode()
    assert reverse("web:engagement", args=[engagement.pk]) in results
    assert Decision.objects.filter(actor="user:rev").count() >= len(ids)


def test_inbox_filters(reviewer):
    document = save(reviewer)
    url = reverse("web:review")
    assert "Hong Tae-yong" in reviewer.get(url, {"slot": "person"}).content.decode()
    assert "Hong Tae-yong" not in reviewer.get(url, {"slot": "agreement"}).content.decode()
    assert "Hong Tae-yong" not in reviewer.get(url, {"min": "0.99"}).content.decode()
    assert "Hong Tae-yong" in reviewer.get(url, {"document": document.pk}).content.decode()
    assert "Hong Tae-yong" in reviewer.get(url, {"from": "2025", "to": "2025-12"}).content.decode()
    assert "Hong Tae-yong" not in reviewer.get(url, {"from": "2026"}).content.decode()
    assert reviewer.get(url, {"slot": "nonsense", "min": "x", "from": "never"}).status_code == 200


def test_bulk_rejects_bad_actions_and_foreign_redirects(reviewer):
    assert reviewer.post(reverse("web:review-bulk"), {"action": "explode"}).status_code == 400
    response = reviewer.post(reverse("web:review-bulk"), {"action": "reject", "next": "https://evil.example/"})
    assert response["Location"] == reverse("web:review")


def test_viewers_cannot_decide(as_role, demo):
    document = save(as_role("reviewer"))
    claim = document.claims.first()
    viewer = as_role("viewer")
    assert viewer.post(reverse("web:claim-accept", args=[claim.pk])).status_code == 403
    assert viewer.post(reverse("web:review-bulk"), {"action": "accept", "claim": [claim.pk]}).status_code == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PENDING
    page = viewer.get(reverse("web:document", args=[document.pk])).content.decode()
    assert "hx-post" not in page
