"""Activity indicators: last contact, engagements per year, the dormant flag and its rule."""

import datetime as dt

from django.test import override_settings

from amity.portfolio.activity import agreement_activity, alliance_activity, months_before
from amity.registry import models as m

from .conftest import engagement, place

TODAY = dt.date(2026, 11, 22)


def test_partnership_whose_last_engagement_is_old_is_dormant(busan_koper):
    # The demo's only Busan–Koper engagement is 2023-10-13: more than 24 months before TODAY.
    [activity] = agreement_activity(m.Agreement.objects.filter(pk=busan_koper.pk), TODAY)
    assert activity.last_contact.isoformat() == "2023-10-13"
    assert activity.dormant is True
    assert "24 months" in activity.rule and "2024-11-22" in activity.rule
    assert activity.per_year == [(2023, 1)]


def test_recent_engagement_between_the_parties_wakes_it(busan_koper):
    koper = place("Koper", "SI")
    recent = engagement("2026-03", title="Koper delegation visits Busan", where=place("Busan"))
    recent.participants.create(place=koper, role="delegation")
    [activity] = agreement_activity(m.Agreement.objects.filter(pk=busan_koper.pk), TODAY)
    assert activity.dormant is False
    assert activity.last_contact.isoformat() == "2026-03"
    assert activity.per_year == [(2023, 1), (2024, 0), (2025, 0), (2026, 1)]


def test_threshold_is_a_setting(busan_koper):
    with override_settings(AMITY_DORMANT_MONTHS=48):
        [activity] = agreement_activity(m.Agreement.objects.filter(pk=busan_koper.pk), TODAY)
    assert activity.dormant is False and "48 months" in activity.rule


def test_partial_date_counts_at_its_last_day(haeoreum):
    engagement("2024-12", title="Council", alliance=haeoreum)
    [activity] = alliance_activity([haeoreum], dt.date(2026, 12, 20))
    assert activity.dormant is False      # 2024-12 counts as 31 Dec 2024, inside 24 months of 20 Dec 2026
    [activity] = alliance_activity([haeoreum], dt.date(2027, 1, 2))
    assert activity.dormant is True


def test_months_before_clamps_the_day():
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 24) == dt.date(2024, 1, 15)


def test_overview_page_shows_the_rule_beside_the_figures(busan_koper, as_role):
    page = as_role("viewer").get("/portfolio/").content.decode()
    assert "Dormant when no engagement in the last 24 months" in page
    assert "dormant" in page and "Haeoreum Alliance" in page
    assert "AMITY_DORMANT_MONTHS" in page


def test_pages_speak_korean(busan_koper, as_role):
    page = as_role("viewer").get("/portfolio/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "교류 관계와 협의체" in page and "휴면" in page and "2023년 10월 13일" in page
