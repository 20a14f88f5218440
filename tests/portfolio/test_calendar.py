"""The per-user iCalendar feed, read back with icalendar's parser."""

import datetime as dt

from icalendar import Calendar

from amity.core.partialdate import PartialDate
from amity.portfolio.models import FeedKey
from amity.registry import models as m
from amity.registry import services

from .conftest import engagement, place


def _events(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    return {str(event.get("summary")): event for event in calendar.walk("VEVENT")}


def test_feed_lists_engagements_and_follow_ups(demo, users, client):
    soon = dt.date.today() + dt.timedelta(days=10)
    busan = place("Busan")
    engagement(soon.isoformat(), title="Koper mayor visits Busan", where=busan, venue="City Hall")
    engagement(soon.strftime("%Y-%m"), title="Month-only meeting", where=busan)
    services.create(m.FollowUp, action="Send the MOU draft", due=PartialDate.parse(soon.strftime("%Y-%m")),
                    owner_place=busan, actor="user:test")
    key = FeedKey.for_user(users["viewer"]).key
    response = client.get(f"/portfolio/calendar/{key}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = _events(response.content)
    visit = events["Koper mayor visits Busan"]
    assert visit.decoded("dtstart") == soon and "City Hall" in str(visit.get("location"))
    due = events["Due: Send the MOU draft"]
    last_day = PartialDate.parse(soon.strftime("%Y-%m")).latest
    assert due.decoded("dtstart") == last_day        # a month-precision due date sits on its last day
    assert "Month-only meeting" not in events         # not dated to the day: not placed on a calendar
    assert all(event.get("uid") for event in events.values())


def test_scoped_editor_feed_shows_only_their_cities(demo, users, client):
    soon = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    engagement(soon, title="In Busan", where=place("Busan"))
    engagement(soon, title="In Pohang", where=place("Pohang"))
    events = _events(client.get(f"/portfolio/calendar/{FeedKey.for_user(users['busan_editor']).key}.ics").content)
    assert "In Busan" in events and "In Pohang" not in events


def test_unknown_or_reset_key_is_refused(users, client, as_role):
    assert client.get("/portfolio/calendar/not-a-key.ics").status_code == 404
    key = FeedKey.for_user(users["viewer"])
    old = key.key
    viewer = as_role("viewer")
    assert old in viewer.get("/portfolio/calendar/").content.decode()
    assert viewer.post("/portfolio/calendar/reset/").status_code == 302
    assert client.get(f"/portfolio/calendar/{old}.ics").status_code == 404
    key.refresh_from_db()
    assert client.get(f"/portfolio/calendar/{key.key}.ics").status_code == 200


def test_inactive_user_feed_is_closed(users, client):
    key = FeedKey.for_user(users["viewer"]).key
    users["viewer"].is_active = False
    users["viewer"].save()
    assert client.get(f"/portfolio/calendar/{key}.ics").status_code == 404
