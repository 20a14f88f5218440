"""Council meetings: agenda items, decisions, and follow-ups created by a decision."""

import pytest
from django.core.exceptions import ValidationError

from amity.core.models import ChangeLog
from amity.portfolio.models import AgendaItem, Decision
from amity.portfolio.services import add_agenda_item, decide
from amity.registry import models as m

from .conftest import place


@pytest.fixture
def council(haeoreum):
    return m.Engagement.objects.get(alliance=haeoreum)


def test_decision_creates_follow_ups_on_the_meeting(council):
    item = add_agenda_item(council, "Joint tourism pass", actor="user:sec")
    second = add_agenda_item(council, "Budget 2025", actor="user:sec")
    assert (item.number, second.number) == (1, 2)
    decision = decide(item, "Launch a joint tourism pass", follow_ups=[
        {"action": "Draft the pass terms", "due": "2025-03", "owner_place": place("Gyeongju")}], actor="user:sec")
    [follow_up] = decision.follow_ups.all()
    assert follow_up.engagement == council and follow_up.due.isoformat() == "2025-03"
    assert ChangeLog.objects.filter(actor="user:sec", object_id=follow_up.pk,
                                    content_type__model="followup", action="create").exists()
    assert ChangeLog.objects.filter(actor="user:sec", content_type__model="decision").exists()


def test_a_bad_follow_up_leaves_no_decision(council):
    item = add_agenda_item(council, "Item")
    with pytest.raises((ValidationError, ValueError)):
        decide(item, "Decided", follow_ups=[{"action": "x", "due": "2025-13"}])
    assert not Decision.objects.exists() and not m.FollowUp.objects.filter(action="x").exists()


def test_meeting_page_add_item_and_decision(council, as_role):
    editor = as_role("editor")
    url = f"/portfolio/meetings/{council.pk}/"
    assert editor.post(url, {"item-title": "Shared <script>bus</script> line"}).status_code == 302
    item = AgendaItem.objects.get(engagement=council)
    response = editor.post(url, {"decision-agenda_item": item.pk, "decision-text": "Adopted as proposed",
                                 "decision-outcome": "adopted", "decision-follow_up": "Ask the ministry for funds",
                                 "decision-due": "2025", "decision-owner_place": place("Ulsan").pk})
    assert response.status_code == 302
    page = editor.get(url).content.decode()
    assert "Shared &lt;script&gt;bus&lt;/script&gt; line" in page and "<script>bus" not in page
    assert "Ask the ministry for funds" in page
    assert m.FollowUp.objects.get(action="Ask the ministry for funds").decisions.get().text == "Adopted as proposed"
    assert "Haeoreum Alliance working-level workshop" in editor.get("/portfolio/meetings/").content.decode()


def test_bad_due_date_is_a_form_error(council, as_role):
    item = AgendaItem.objects.create(engagement=council, number=1, title="T")
    response = as_role("editor").post(f"/portfolio/meetings/{council.pk}/", {
        "decision-agenda_item": item.pk, "decision-text": "x", "decision-outcome": "adopted",
        "decision-follow_up": "y", "decision-due": "June"})
    assert response.status_code == 200 and "is not a date" in response.content.decode()


def test_viewer_and_out_of_scope_editor_cannot_change_a_meeting(council, as_role):
    url = f"/portfolio/meetings/{council.pk}/"
    assert as_role("viewer").post(url, {"item-title": "x"}).status_code == 403
    assert as_role("busan_editor").post(url, {"item-title": "x"}).status_code == 403
    assert as_role("pohang_editor").post(url, {"item-title": "x"}).status_code == 302
    assert AgendaItem.objects.count() == 1
