"""Every page renders what it promises, from the demo registry."""

import pytest
from django.urls import reverse

from amity.registry import models as m
from tests.web.conftest import place

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(as_role, demo):
    return as_role("admin")


def test_dashboard_shows_counts_recent_engagements_follow_ups_and_quiet_partnerships(admin):
    page = admin.get(reverse("web:dashboard")).content.decode()
    assert "Recent engagements" in page
    assert "Haeoreum Alliance working-level workshop" in page
    assert "Invite Koper City officials to Busan" in page  # an open follow-up
    assert "Partnerships gone quiet" in page
    assert "Friendly and Cooperative City Agreement between Busan and Koper" in page


def test_place_page_shows_partners_timeline_people_map_and_documents(admin):
    busan = place("Busan")
    page = admin.get(reverse("web:place", args=[busan.pk])).content.decode()
    assert "Koper" in page and "friendship city" in page and "22 June 2023" in page  # partner, agreement, date
    assert "Mayor of Busan meets the Ambassador of Slovenia" in page  # timeline
    assert "Heong-jun Park" in page  # people who held posts
    assert 'class="map"' in page and "<circle" in page  # the map of partners
    assert 'class="timeline"' in page
    assert "Busan Port Authority" in page


def test_place_page_lists_alliances(admin):
    pohang = place("Pohang")
    page = admin.get(reverse("web:place", args=[pohang.pk])).content.decode()
    assert "Haeoreum Alliance" in page


def test_place_list_finds_any_place_by_name_or_alias(admin):
    assert "Busan" in admin.get(reverse("web:places")).content.decode()
    page = admin.get(reverse("web:places"), {"q": "부산"}).content.decode()
    assert "Busan" in page


def test_agreement_page(admin):
    agreement = m.Agreement.objects.get(title__contains="Koper")
    page = admin.get(reverse("web:agreement", args=[agreement.pk])).content.decode()
    assert "Koper" in page and "Busan" in page and "Ports and logistics" in page and "22 June 2023" in page


def test_alliance_page_shows_members_projects_by_field_teams_and_events(admin):
    alliance = m.Alliance.objects.get(name="Haeoreum Alliance")
    page = admin.get(reverse("web:alliance", args=[alliance.pk])).content.decode()
    for text in ("Pohang", "Ulsan", "Gyeongju", "June 2016", "Eco-friendly high-tech industrial belt",
                 "Projects by field", "Metropolitan Promotion Team", "4 members", "120 attendees"):
        assert text in page, text


def test_project_engagement_person_organization_pages(admin):
    project = m.Project.objects.first()
    assert project.name in admin.get(reverse("web:project", args=[project.pk])).content.decode()
    engagement = m.Engagement.objects.get(title__contains="Ambassador")
    page = admin.get(reverse("web:engagement", args=[engagement.pk])).content.decode()
    assert "Jernej Muller" in page and "international protocol room" in page
    person = m.Person.objects.get(name="Heong-jun Park")
    page = admin.get(reverse("web:person", args=[person.pk])).content.decode()
    assert "Positions over time" in page and "Mayor" in page and "Park Hyung-jun" in page
    assert 'class="timeline"' in page
    organization = m.Organization.objects.get(name="Ulsan Institute")
    page = admin.get(reverse("web:organization", args=[organization.pk])).content.decode()
    assert "Jung Hyunwook" in page


@pytest.mark.parametrize("name", ["web:agreements", "web:alliances", "web:projects", "web:engagements",
                                  "web:people", "web:organizations", "web:documents"])
def test_lists(admin, name):
    assert admin.get(reverse(name)).status_code == 200


def test_list_filters(admin):
    assert "Koper" in admin.get(reverse("web:agreements"), {"type": "friendship_city"}).content.decode()
    assert "Koper" not in admin.get(reverse("web:agreements"), {"type": "mou"}).content.decode()
    assert "working-level workshop" in admin.get(reverse("web:engagements"), {"year": "2024"}).content.decode()
    assert "working-level workshop" not in admin.get(reverse("web:engagements"), {"year": "2023"}).content.decode()
    assert "industrial belt" in admin.get(reverse("web:projects"), {"field": "industry"}).content.decode()


def test_pictures_page_draws_map_network_and_charts(admin):
    page = admin.get(reverse("web:pictures")).content.decode()
    assert page.count("<svg") >= 5
    assert 'class="network"' in page and "Gyeongju" in page
    assert "Engagements by year" in page and "Agreements by field" in page


def test_history_tab_shows_who_changed_what(admin):
    agreement = m.Agreement.objects.get(title__contains="Koper")
    page = admin.get(reverse("web:history", args=["agreement", agreement.pk])).content.decode()
    assert "bot:demo" in page and "Create" in page
    assert "signed date" in page and "22 June 2023" in page  # names and dates, not ids and dumps


def test_missing_records_are_404(admin):
    assert admin.get(reverse("web:place", args=[999999999])).status_code == 404
    assert admin.get(reverse("web:edit", args=["nonsense", 1])).status_code == 404
    assert admin.get(reverse("web:history", args=["nonsense", 1])).status_code == 404


def test_suggestions_for_name_lookups(admin):
    page = admin.get(reverse("web:suggest", args=["place"]), {"place": "Busa"}).content.decode()
    assert "Busan (KR) #" in page
    assert admin.get(reverse("web:suggest", args=["person"]), {"person": "Hyung"}).content.decode().count("<option") == 1
