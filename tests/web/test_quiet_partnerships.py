"""The dashboard's "partnerships gone quiet": which active agreements it lists, and their last engagement."""

import datetime as dt

import pytest

from amity.registry import models as m
from amity.web.partnerships import quiet_partnerships
from tests.web.conftest import place

pytestmark = pytest.mark.django_db

LONG_AGO = "2015-05-20"


def _recent(days: int = 30) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def _agreement(first, second, signed=LONG_AGO, status=m.Agreement.Status.SIGNED, title="") -> m.Agreement:
    agreement = m.Agreement.objects.create(type="sister_city", signed_date=signed, status=status, title=title)
    for party in (first, second):
        m.AgreementParty.objects.create(agreement=agreement, place=party)
    return agreement


def _meeting(date: str, where=None, guests=(), people=(), agreement=None) -> m.Engagement:
    engagement = m.Engagement.objects.create(type="meeting", date=date, place=where, agreement=agreement)
    for guest in guests:
        m.EngagementParticipant.objects.create(engagement=engagement, place=guest)
    for person in people:
        m.EngagementParticipant.objects.create(engagement=engagement, person=person)
    return engagement


@pytest.fixture
def cities():
    return {name: place(name, country) for name, country in
            (("Gimhae", "KR"), ("Sapporo", "JP"), ("Pohang", "KR"), ("Koper", "SI"), ("Ulsan", "KR"), ("Osaka", "JP"))}


def _listed() -> dict[int, m.Engagement | None]:
    return {item.agreement.pk: item.last for item in quiet_partnerships()}


def test_an_agreement_whose_parties_last_met_years_ago_is_quiet_with_that_meeting(cities):
    agreement = _agreement(cities["Gimhae"], cities["Sapporo"])
    _meeting("2018-03-02", where=cities["Gimhae"], guests=[cities["Sapporo"]])
    latest = _meeting("2019-10", where=cities["Sapporo"], guests=[cities["Gimhae"]])
    _meeting(_recent(), where=cities["Gimhae"], guests=[cities["Osaka"]])  # another partner: does not count
    assert _listed()[agreement.pk] == latest


def test_a_recent_meeting_between_the_parties_keeps_it_off_the_list(cities):
    by_place = _agreement(cities["Gimhae"], cities["Sapporo"])
    _meeting(_recent(), where=cities["Gimhae"], guests=[cities["Sapporo"]])
    # the mayor of Koper visiting Pohang: a participant counts for the place they hold a post in
    mayor = m.Person.objects.create(name="Ana Novak")
    m.Position.objects.create(person=mayor, title="Mayor", of_place=cities["Koper"])
    by_position = _agreement(cities["Pohang"], cities["Koper"])
    _meeting(_recent(60), where=cities["Pohang"], people=[mayor])
    named = _agreement(cities["Ulsan"], cities["Osaka"])
    _meeting(str(dt.date.today().year), agreement=named)  # a year-only date in the window counts
    listed = _listed()
    assert by_place.pk not in listed and by_position.pk not in listed and named.pk not in listed


def test_agreements_without_engagements_are_quiet_once_signed_long_ago(cities):
    old = _agreement(cities["Gimhae"], cities["Koper"])
    unknown = _agreement(cities["Ulsan"], cities["Sapporo"], signed=None)
    fresh = _agreement(cities["Pohang"], cities["Osaka"], signed=_recent(10))
    dormant = _agreement(cities["Gimhae"], cities["Osaka"], status=m.Agreement.Status.DORMANT)
    listed = _listed()
    assert listed[old.pk] is None and listed[unknown.pk] is None
    assert fresh.pk not in listed and dormant.pk not in listed


def test_a_recently_signed_agreement_whose_parties_met_only_before_is_quiet(cities):
    fresh = _agreement(cities["Pohang"], cities["Osaka"], signed=_recent(10))
    before = _meeting("2016-06-22", where=cities["Osaka"], guests=[cities["Pohang"]])
    assert _listed()[fresh.pk] == before


def test_the_list_stops_at_its_limit_in_signing_order(cities):
    agreements = [_agreement(cities["Gimhae"], cities["Sapporo"], signed=f"{2000 + n}-01-01") for n in range(5)]
    shown = [item.agreement.pk for item in quiet_partnerships(limit=3)]
    assert shown == [a.pk for a in agreements[:3]]
