"""The facts of the two seed press releases, entered by `amity import` and read back."""

import json
from importlib import resources

import pytest
from django.contrib.auth import get_user_model

from amity.registry.models import Agreement, Alliance, Engagement, Place
from amity.transfer import export_registry, import_registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    data = json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8"))
    import_registry(data)
    return export_registry()


def _by_id(records, key):
    return {record["id"]: record for record in records}[key]


def test_busan_koper_agreement(registry):
    agreement = Agreement.objects.get(parties__place__name="Koper")
    assert agreement.type == "friendship_city" and str(agreement.signed_date) == "2023-06-22"
    assert sorted(p.place.name for p in agreement.parties.all()) == ["Busan", "Koper"]
    assert Place.objects.get(pk=agreement.parties.get(place__name="Koper").place_id).country_code == "SI"
    exported = [a for a in registry["agreements"] if a["signed_date"] == "2023-06-22"]
    assert len(exported) == 1 and len(exported[0]["parties"]) == 2


def test_mayor_meets_ambassador(registry):
    meeting = Engagement.objects.get(type="meeting", date="2023-10-13")
    assert meeting.place.name == "Busan" and "City Hall" in meeting.venue
    assert meeting.time.strftime("%H:%M") == "10:00"
    people = {p.person.name: p.person for p in meeting.participants.all()}
    assert set(people) == {"Heong-jun Park", "Jernej Muller"}
    mayor = people["Heong-jun Park"].positions.get()
    assert mayor.title == "Mayor" and mayor.of_place.name == "Busan"
    envoy = people["Jernej Muller"].positions.get()
    assert (envoy.title, envoy.of_place.country_code, envoy.to_place.country_code) == ("Ambassador", "SI", "KR")


def test_haeoreum_alliance_workshop_and_team(registry):
    alliance = Alliance.objects.get(name="Haeoreum Alliance")
    assert alliance.established.display() == "June 2016"
    assert sorted(m.place.name for m in alliance.members.all()) == ["Gyeongju", "Pohang", "Ulsan"]
    workshop = alliance.engagements.get(type="workshop")
    assert str(workshop.date) == "2024-09-27" and workshop.place.name == "Gyeongju" and workshop.attendance == 120
    team = alliance.teams.get()
    assert team.size == 4
    assert {m.from_place.name: m.seats for m in team.members.all()} == {"Ulsan": 2, "Pohang": 1, "Gyeongju": 1}
    exported = [a for a in registry["alliances"] if a["name"] == "Haeoreum Alliance"][0]
    assert exported["established"] == "2016-06" and len(exported["teams"][0]["members"]) == 3


def test_admin_pages_show_the_records(client, registry):
    client.force_login(get_user_model().objects.create_superuser("admin2", "a@example.org", "pw-for-tests-2"))
    alliance = Alliance.objects.get(name="Haeoreum Alliance")
    page = client.get(f"/admin/registry/alliance/{alliance.pk}/change/").content.decode()
    assert "Haeoreum Alliance" in page and "2016-06" in page and "Gyeongju" in page
    listing = client.get("/admin/registry/engagement/").content.decode()
    assert "Mayor of Busan meets the Ambassador of Slovenia" in listing
    for model in ("place", "organization", "person", "position", "agreement", "alliance", "team", "project",
                  "engagement", "followup", "field"):
        assert client.get(f"/admin/registry/{model}/").status_code == 200, model
    assert client.get("/admin/core/changelog/").status_code == 200
    assert client.get("/admin/sources/document/").status_code == 200
