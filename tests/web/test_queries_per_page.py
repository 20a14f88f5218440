"""Queries per page do not grow with the data.

One registry is built for the whole module (inside a transaction rolled back at the end):
every page is counted once with a little data around the busiest place, person and
alliance, then again after three times as much has been added. A page that asks one
query per record (or per participant, per party …) shows as a higher second count.
"""

import itertools

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from amity.registry import models as m
from amity.sources.models import Claim, Document
from tests.web.conftest import make_user, place

pytestmark = pytest.mark.django_db

PAGES = {
    "dashboard": lambda s: "/",
    "place page": lambda s: f"/places/{s.home.pk}/",
    "person page": lambda s: f"/people/{s.mayor.pk}/",
    "alliance page": lambda s: f"/alliances/{s.alliance.pk}/",
    "search": lambda s: "/search/?q=cooperation",
    "review inbox": lambda s: "/review/",
    **{f"API {name}": (lambda s, name=name: f"/api/v1/{name}")
       for name in ("engagements", "people", "places", "agreements", "documents", "claims")},
}

PARTNERS = [("Sapporo", "JP"), ("Koper", "SI"), ("Osaka", "JP"), ("Ulsan", "KR"), ("Pohang", "KR"), ("Gyeongju", "KR")]
_serial = itertools.count(1)


class Registry:
    """Records around one busy city (Gimhae): its partners, its mayor, an alliance it belongs to."""

    def __init__(self):
        self.home = place("Gimhae")
        self.partners = [place(name, country) for name, country in PARTNERS]
        self.mayor = m.Person.objects.create(name="Hong Tae-yong")
        m.Position.objects.create(person=self.mayor, title="Mayor", of_place=self.home, known_from="2022")
        self.alliance = m.Alliance.objects.create(name="Nakdong River Cities Council", established="2011")

    def add(self, rounds: int) -> None:
        for _ in range(rounds):
            n = next(_serial)
            partner = self.partners[n % len(self.partners)]
            guest = m.Person.objects.create(name=f"Guest Official {n}")
            m.Position.objects.create(person=guest, title="Director", of_place=partner, known_from="2020")
            agreement = m.Agreement.objects.create(type="friendship_city", signed_date=f"{2000 + n}-05-01",
                                                   title=f"Friendship agreement {n}")
            for party in (self.home, partner):
                m.AgreementParty.objects.create(agreement=agreement, place=party)
            m.AgreementSignatory.objects.create(agreement=agreement, person=self.mayor)
            m.AllianceMember.objects.create(alliance=self.alliance, place=partner)
            engagement = m.Engagement.objects.create(type="meeting", date=f"{2010 + n % 10}-03-0{1 + n % 8}",
                                                     place=self.home, title=f"Cooperation meeting {n}",
                                                     agreement=agreement, alliance=self.alliance)
            for person in (self.mayor, guest):
                m.EngagementParticipant.objects.create(engagement=engagement, person=person)
            m.EngagementParticipant.objects.create(engagement=engagement, place=partner)
            m.FollowUp.objects.create(action=f"Exchange delegations {n}", engagement=engagement, due="2030")
            self._article(n, partner, guest)

    def _article(self, n: int, partner: m.Place, guest: m.Person) -> None:
        text = (f"Gimhae Mayor Hong Tae-yong met {guest.name} of {partner.name} at City Hall on March {n}. "
                f"The two cities agreed to widen cooperation in tourism. (Release {n}.)")
        document = Document.objects.create(text=text, title=f"Gimhae and {partner.name} widen cooperation",
                                           published=f"2024-03-{1 + n % 27:02d}", language="en")
        for slot, label in (("place", partner.name), ("person", guest.name), ("engagement", "meeting")):
            start = max(text.find(label), 0)
            Claim.objects.create(document=document, slot=slot, key=f"{slot}-{n}", label=label,
                                 value={"name": label}, evidence=[{"start": start, "end": start + len(label)}],
                                 extractor_version="test", confidence=0.8)


def _count(client: Client, path: str) -> tuple[int, int, int]:
    client.get(path)  # warm: the search index catches up with the change log, caches fill
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    profile_reads = sum('"accounts_profile"' in query["sql"] and "INSERT" not in query["sql"]
                        for query in queries.captured_queries)
    return status, len(queries), profile_reads


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """page -> ((status, queries, profile reads) with a little data, (the same) with three times as much)."""
    with django_db_blocker.unblock(), transaction.atomic():
        client = Client()
        client.force_login(make_user("counter", "editor"))  # not a superuser: the role comes from the profile
        registry = Registry()
        registry.add(2)
        small = {name: _count(client, page(registry)) for name, page in PAGES.items()}
        registry.add(6)
        large = {name: _count(client, page(registry)) for name, page in PAGES.items()}
        transaction.set_rollback(True)
    return {name: (small[name], large[name]) for name in PAGES}


@pytest.mark.parametrize("page", list(PAGES))
def test_queries_per_page_do_not_grow_with_the_data(counts, page):
    (small_status, small, _), (large_status, large, _) = counts[page]
    assert small_status == large_status == 200
    assert large <= small, f"{page}: {small} queries with a little data, {large} with more"


@pytest.mark.parametrize("page", list(PAGES))
def test_the_profile_is_read_once_per_request(counts, page):
    (_, _, small_reads), (_, _, large_reads) = counts[page]
    assert small_reads == large_reads == 1
