"""What the pages built for a large registry still promise: panels kept between views follow every
change, and a busy city's page stays a bounded size however many partners it has."""

import datetime as dt
import re

import pytest
from django.test import Client

from amity.registry import models as m
from amity.web.views import places
from tests.web.conftest import make_user, place

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    client = Client()
    client.force_login(make_user("reader", "editor"))
    return client


def _tie(first, second, signed="2012-04-02", title="Sister city agreement") -> m.Agreement:
    agreement = m.Agreement.objects.create(type="sister_city", signed_date=signed, title=title)
    for party in (first, second):
        m.AgreementParty.objects.create(agreement=agreement, place=party)
    return agreement


def _quiet_titles(client) -> str:
    html = client.get("/").content.decode()
    return html.split('id="h-quiet"', 1)[1].split("</section>", 1)[0]


def test_the_quiet_panel_follows_a_new_engagement_and_an_edit(client):
    gimhae, sapporo = place("Gimhae"), place("Sapporo", "JP")
    _tie(gimhae, sapporo, title="Gimhae Sapporo twinning")
    assert "Gimhae Sapporo twinning" in _quiet_titles(client)
    assert "Gimhae Sapporo twinning" in _quiet_titles(client)  # kept: the same answer without a change
    meeting = m.Engagement.objects.create(type="meeting", date=dt.date.today().isoformat(), place=gimhae,
                                          title="Delegation from Sapporo")
    m.EngagementParticipant.objects.create(engagement=meeting, place=sapporo)
    assert "Gimhae Sapporo twinning" not in _quiet_titles(client)  # an engagement this year: not quiet
    meeting.date = "2013-06-01"  # an edit of an existing row (no new row anywhere)
    meeting.save()
    assert "Gimhae Sapporo twinning" in _quiet_titles(client)


def test_a_place_pages_engagement_pages_follow_new_engagements(client):
    gimhae = place("Gimhae")

    def timeline() -> str:
        html = client.get(f"/places/{gimhae.pk}/").content.decode()
        return html.split('id="h-timeline"', 1)[1].split("</section>", 1)[0]

    for n in range(25):  # exactly one page
        m.Engagement.objects.create(type="meeting", date=f"2020-01-{n + 1:02d}", place=gimhae, title=f"Meeting {n}")
    assert "page 1 of" not in timeline()
    assert "page 1 of" not in timeline()  # the count is kept between views …
    m.Engagement.objects.create(type="visit", date="2021-05-10", place=gimhae, title="Visit")
    assert "page 1 of 2" in timeline()  # … and counted again after a change


def test_a_busy_citys_map_draws_a_bounded_number_of_partners(client, monkeypatch):
    monkeypatch.setattr(places, "MAP_PARTNERS", 3)
    home = m.Place.objects.create(name="Gimhae", kind=m.Place.Kind.CITY, country_code="KR", latitude=35.23,
                                  longitude=128.88)
    for n in range(6):
        partner = m.Place.objects.create(name=f"Partner Town {n}", kind=m.Place.Kind.CITY, country_code="JP",
                                         latitude=33.0 + n / 10, longitude=130.0 + n / 10)
        _tie(home, partner, signed=f"{2001 + n}-01-01", title=f"Tie {n}")
    html = client.get(f"/places/{home.pk}/").content.decode()
    svg = html.split('id="h-map"', 1)[1].split("</svg>", 1)[0]
    assert len(re.findall(r'<circle class="city"', svg)) == 3  # the three oldest ties' partners
    assert "Partner Town 0" in svg and "Partner Town 5" not in svg
    partners = html.split('id="h-partners"', 1)[1].split("</section>", 1)[0]
    assert all(f"Partner Town {n}" in partners for n in range(6))  # the table still lists every one
