import pytest
from django.contrib.auth import get_user_model

from amity.core.actor import acting_as
from amity.core.models import ChangeLog, history_of
from amity.registry import services
from amity.registry.models import Agreement, AgreementParty, Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def busan():
    return Place.objects.get(kind="city", name="Busan", country_code="KR")


def test_create_update_delete_are_logged_with_actor_and_values(busan):
    koper = services.create(Place, actor="user:minji", name="Koper Test", kind="city", country_code="SI")
    services.update(koper, actor="bot:ingest", aliases=["Koper City"])
    entries = list(history_of(koper).order_by("id"))
    assert [(e.action, e.actor) for e in entries] == [("create", "user:minji"), ("update", "bot:ingest")]
    assert entries[0].before is None and entries[0].after["name"] == "Koper Test"
    assert entries[1].before == {"aliases": []} and entries[1].after == {"aliases": ["Koper City"]}
    pk = koper.pk
    services.delete(koper, actor="user:minji")
    last = ChangeLog.objects.filter(object_id=pk, action="delete").get()
    assert last.actor == "user:minji" and last.before["name"] == "Koper Test" and last.after is None


def test_saving_without_a_change_writes_nothing(busan):
    place = services.create(Place, actor="user:a", name="Samplecity", kind="city", country_code="KR")
    services.update(place, actor="user:b", name="Samplecity")
    assert history_of(place).count() == 1


def test_parts_show_in_the_history_of_the_whole_and_cascades_are_logged(busan):
    with acting_as("user:officer"):
        agreement = services.create(Agreement, type="friendship_city", signed_date="2023-06-22")
        party = services.create(AgreementParty, agreement=agreement, place=busan)
    assert {e.object_repr for e in history_of(agreement)} >= {str(party)}
    party_pk = party.pk
    services.delete(agreement, actor="user:officer")
    assert ChangeLog.objects.filter(action="delete", object_id=party_pk, actor="user:officer").exists()


def test_changes_outside_any_request_use_the_context_actor(busan):
    with acting_as("bot:nightly"):
        place = Place(name="Outside", kind="city", country_code="KR")
        place.save()
    assert history_of(place).get().actor == "bot:nightly"


def test_agreement_status_history(busan):
    agreement = services.create(Agreement, actor="user:a", type="sister_city", status="planned")
    services.set_agreement_status(agreement, "signed", "2023-06-22", actor="user:a")
    services.set_agreement_status(agreement, "renewed", "2028", actor="user:b")
    agreement.refresh_from_db()
    assert agreement.status == "renewed"
    assert str(agreement.signed_date) == "2023-06-22"
    assert [(c.status, str(c.date)) for c in agreement.status_history.all()] == [("signed", "2023-06-22"), ("renewed", "2028")]


def test_admin_edit_is_logged_as_the_signed_in_user(client):
    user = get_user_model().objects.create_superuser("officer", "o@example.org", "pw-for-tests-1")
    client.force_login(user)
    response = client.post("/admin/registry/field/add/", {"code": "maritime", "name": "Maritime affairs"})
    assert response.status_code == 302
    entry = ChangeLog.objects.filter(object_repr="Maritime affairs").get()
    assert entry.actor == "user:officer" and entry.action == "create"


def test_many_to_many_changes_are_logged(busan):
    from amity.registry.models import Field

    agreement = services.create(Agreement, actor="user:a", type="mou", fields=list(Field.objects.filter(code="tourism")))
    tourism, ports = Field.objects.get(code="tourism"), Field.objects.get(code="ports_logistics")
    services.update(agreement, actor="user:b", fields=[tourism, ports])
    entry = history_of(agreement).filter(actor="user:b").get()
    assert entry.before == {"fields": [tourism.pk]} and entry.after == {"fields": sorted([tourism.pk, ports.pk])}
