"""`amity history` and the admin's change log say what changed in names and dates, as the history
tab does: no dicts, database ids or UUIDs."""

import re
from argparse import Namespace

import pytest

from amity.commands.registry import history
from amity.core.models import ChangeLog
from amity.registry import models as m
from amity.registry import services

pytestmark = pytest.mark.django_db

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def moved_office():
    """A consulate recorded in one city, then moved to another by an officer."""
    tongyeong = services.create(m.Place, name="Tongyeong-test", kind="city", country_code="KR", actor="user:minji")
    geoje = services.create(m.Place, name="Geoje-test", kind="city", country_code="KR", actor="user:minji")
    office = services.create(m.Organization, name="Philippine Honorary Consulate", kind="consulate",
                             place=tongyeong, actor="bot:ingest")
    services.update(office, place=geoje, website="https://consulate.example.ph/", actor="user:minji")
    return office


def test_amity_history_names_the_records_it_points_at(moved_office, capsys):
    assert history(Namespace(model="organization", id=str(moved_office.pk), raw=False)) == 0
    out = capsys.readouterr().out
    assert "Tongyeong-test → Geoje-test" in out
    assert "user:minji" in out and "bot:ingest" in out
    assert not UUID.search(out) and "{" not in out and "place_id" not in out


def test_amity_history_raw_keeps_the_stored_values(moved_office, capsys):
    history(Namespace(model="organization", id=str(moved_office.pk), raw=True))
    assert '"place_id"' in capsys.readouterr().out


def test_the_admin_change_log_shows_sentences_and_names(moved_office, admin_client):
    entry = ChangeLog.objects.filter(object_id=moved_office.pk, action="update",
                                     content_type__model="organization").latest("id")
    page = admin_client.get(f"/admin/core/changelog/{entry.pk}/change/").content.decode()
    assert "Tongyeong-test" in page and "Geoje-test" in page
    assert not UUID.search(page.split("what changed", 1)[-1][:2000])
    listing = admin_client.get("/admin/core/changelog/").content.decode()
    assert "Geoje-test" in listing and "&#x27;place_id&#x27;" not in listing and "'place_id'" not in listing


def test_the_admin_place_list_names_local_government_levels_in_korean(admin_client):
    """The level of a Korean local government is a code (metropolitan_city); the admin shows and filters
    it by its label in the reader's language."""
    services.create(m.Place, name="Haean-test", kind="city", country_code="KR", admin_level="metropolitan_city",
                    actor="user:minji")
    services.create(m.Place, name="Sanmaeul-test", kind="county", country_code="KR", admin_level="county",
                    actor="user:minji")
    admin_client.post("/i18n/setlang/", {"language": "ko"})
    page = admin_client.get("/admin/registry/place/", {"q": "-test"}).content.decode()
    assert "광역시" in page and ">metropolitan_city<" not in page  # the code stays only in the filter's links
    filtered = admin_client.get("/admin/registry/place/", {"q": "-test", "admin_level": "county"}).content.decode()
    assert "Sanmaeul-test" in filtered and "Haean-test" not in filtered
