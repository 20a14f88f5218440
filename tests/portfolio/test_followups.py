"""Overdue and due-this-month follow-ups: a partial due date is due by its last day."""

import datetime as dt

import pytest

from amity.core.partialdate import PartialDate
from amity.portfolio import followups
from amity.registry import models as m
from amity.registry import services

TODAY = dt.date(2025, 6, 15)


def follow_up(action: str, due: str | None, status: str = "open", **values) -> m.FollowUp:
    return services.create(m.FollowUp, action=action, due=PartialDate.coerce(due), status=status,
                           actor="user:test", **values)


@pytest.fixture
def dues(db):
    return {
        "day_past": follow_up("day in the past", "2025-06-10"),
        "month_now": follow_up("June, month precision", "2025-06"),
        "year_now": follow_up("2025, year precision", "2025"),
        "month_past": follow_up("May", "2025-05"),
        "year_past": follow_up("last year", "2024"),
        "done_past": follow_up("done long ago", "2024-01", status="done"),
        "later_day": follow_up("later this month", "2025-06-28"),
        "next_month": follow_up("July", "2025-07-01"),
        "undated": follow_up("no due date", None),
    }


def test_overdue_uses_the_last_day_of_a_partial_date(dues):
    names = [f.action for f in followups.overdue(TODAY)]
    assert names == ["last year", "May", "day in the past"]


def test_due_this_month(dues):
    names = {f.action for f in followups.due_this_month(TODAY)}
    assert names == {"day in the past", "June, month precision", "later this month"}
    december = {f.action for f in followups.due_this_month(dt.date(2025, 12, 3))}
    assert "2025, year precision" in december


def test_days_late():
    f = m.FollowUp(action="x", due=PartialDate.parse("2025-05"))
    assert followups.days_late(f, TODAY) == 15


def test_pages_list_overdue_and_this_month(db, as_role):
    today = dt.date.today()
    follow_up("owed since last year", str(today.year - 1))
    follow_up("due at the end of this month", today.strftime("%Y-%m"))
    follow_up("due next year", str(today.year + 1))
    client = as_role("viewer")
    page = client.get("/portfolio/follow-ups/?view=overdue").content.decode()
    assert "owed since last year" in page and "due next year" not in page
    assert "due at the end of this month" not in page
    page = client.get("/portfolio/follow-ups/?view=month").content.decode()
    assert "due at the end of this month" in page and "owed since last year" not in page
    assert "by its last day" in page


def test_follow_up_page_needs_sign_in(db, client):
    response = client.get("/portfolio/follow-ups/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_mark_done_from_the_list(db, as_role, users):
    from amity.core.models import ChangeLog

    late = follow_up("Send the minutes", "2020-01")
    assert as_role("viewer").post(f"/portfolio/follow-ups/{late.pk}/mark/").status_code == 403
    response = as_role("editor").post(f"/portfolio/follow-ups/{late.pk}/mark/", {"status": "done"},
                                      HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Done" in response.content.decode()
    late.refresh_from_db()
    assert late.status == "done"
    assert ChangeLog.objects.filter(actor="user:ed", object_id=late.pk, content_type__model="followup").exists()
    response = as_role("editor").post(f"/portfolio/follow-ups/{late.pk}/mark/", {"status": "open", "next": "//evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/portfolio/follow-ups/"
