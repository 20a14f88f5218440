"""Long lists on record pages come a page at a time, each list turning its own pages."""

import pytest

from amity.registry import models as m
from amity.web.paging import RECORD_LIST_SIZE
from tests.web.conftest import place

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_city(as_role):
    gimhae, sapporo = place("Gimhae"), place("Sapporo", "JP")
    for n in range(RECORD_LIST_SIZE + 3):
        m.Engagement.objects.create(type="meeting", date=f"2020-01-{1 + n:02d}", place=gimhae,
                                    title=f"Tourism talks round {n + 1}")
    agreement = m.Agreement.objects.create(type="friendship_city", signed_date="2015-05-20")
    for party in (gimhae, sapporo):
        m.AgreementParty.objects.create(agreement=agreement, place=party)
    return gimhae, as_role("viewer")


def test_a_place_page_shows_one_page_of_engagements_and_a_link_to_the_next(busy_city):
    gimhae, client = busy_city
    first = client.get(f"/places/{gimhae.pk}/").content.decode()
    assert "Tourism talks round 28<" in first and "Tourism talks round 4<" in first  # newest first
    assert "Tourism talks round 3<" not in first
    assert "engagements=2" in first and "page 1 of 2" in first
    assert "Sapporo" in first  # the other lists are unaffected
    second = client.get(f"/places/{gimhae.pk}/", {"engagements": "2"}).content.decode()
    assert "Tourism talks round 3<" in second and "Tourism talks round 1<" in second
    assert "Tourism talks round 28<" not in second


def test_a_page_number_that_is_not_a_number_shows_the_first_page(busy_city):
    gimhae, client = busy_city
    response = client.get(f"/places/{gimhae.pk}/", {"engagements": "<script>", "partners": "999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tourism talks round 28<" in page and "<script>" not in page.split("<main", 1)[-1]
