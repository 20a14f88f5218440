"""Create, read, update, delete and list every registry type, with parts, filters and history."""

import pytest

from amity.core.models import ChangeLog
from amity.registry import models as m


def place(name: str, country: str) -> m.Place:
    return m.Place.objects.get(name=name, country_code=country, source="reference")


@pytest.fixture
def api(admin_api, demo):
    return admin_api


def crud(api, path: str, body: dict, change: dict, **list_params) -> dict:
    created = api.post(path, body)
    assert created.status_code == 201, created.content
    record = created.json()
    assert api.get(f"{path}/{record['id']}").json() == record
    changed = api.patch(f"{path}/{record['id']}", change)
    assert changed.status_code == 200, changed.content
    for key, value in change.items():
        assert changed.json()[key] == value
    listed = api.get(path, limit=500, **list_params).json()
    assert record["id"] in [item["id"] for item in listed["items"]]
    assert api.delete(f"{path}/{record['id']}").status_code == 204
    assert api.get(f"{path}/{record['id']}").status_code == 404
    return record


def test_crud_of_every_type(demo, api):
    busan, koper = place("Busan", "KR"), place("Koper", "SI")
    person = m.Person.objects.get(name="Heong-jun Park")
    crud(api, "places", {"name": "Haeundae Beach District", "kind": "district", "country_code": "KR",
                         "parent": busan.pk, "aliases": ["해운대"], "latitude": 35.16, "longitude": 129.16},
         {"population": 400000}, q="Haeundae Beach")
    crud(api, "organizations", {"name": "Koper Tourist Board", "kind": "association", "country_code": "SI",
                                "place": koper.pk}, {"website": "https://www.koper.si"})
    crud(api, "people", {"name": "Aleš Bržan", "family_name": "Bržan", "given_name": "Aleš", "country_code": "SI"},
         {"aliases": ["Ales Brzan"]})
    crud(api, "positions", {"person": person.pk, "title": "Mayor", "of_place": busan.pk, "known_from": "2021-04"},
         {"known_to": "2026-06"})
    crud(api, "agreements", {"type": "sister_city", "title": "Busan–Koper sister cities", "signed_date": "2025",
                             "fields": ["tourism"]}, {"status": "renewed", "fields": ["ports_logistics", "tourism"]})
    crud(api, "alliances", {"name": "Southeast Port Cities Council", "established": "2019-11"},
         {"dissolved": "2024"})
    crud(api, "projects", {"name": "Joint tourism pass", "alliance": demo.alliance, "field": "tourism", "start": "2024"},
         {"status": "completed", "end": "2025-12"})
    crud(api, "engagements", {"type": "visit", "title": "Koper delegation visit", "date": "2024-05",
                              "time": "10:30", "place": busan.pk, "topics": ["tourism"]},
         {"attendance": 40, "time": "14:00"})
    crud(api, "follow-ups", {"action": "Send the MOU draft", "engagement": demo.engagement, "due": "2024-06"},
         {"status": "done"})
    crud(api, "fields", {"code": "esports", "name": "E-sports", "name_ko": "e스포츠"}, {"name": "Electronic sports"})


def test_agreement_parts_and_status_history(api):
    busan, seoul = place("Busan", "KR"), place("Seoul", "KR")
    person = m.Person.objects.get(name="Jernej Muller")
    agreement = api.post("agreements", {"type": "mou", "status": "planned"}).json()
    base = f"agreements/{agreement['id']}"
    party = api.post(f"{base}/parties", {"place": busan.pk})
    assert party.status_code == 201 and party.json()["place"] == busan.pk
    other = api.post(f"{base}/parties", {"place": seoul.pk}).json()
    signatory = api.post(f"{base}/signatories", {"person": person.pk, "on_behalf_of": other["id"]})
    assert signatory.status_code == 201
    step = api.post(f"{base}/status-history", {"status": "signed", "date": "2024-09-03"})
    assert step.status_code == 201 and step.json()["date"] == "2024-09-03"
    whole = api.get(base).json()
    assert whole["status"] == "signed" and whole["signed_date"] == "2024-09-03"  # the step moved the agreement
    assert [p["place"] for p in whole["parties"]] == [busan.pk, seoul.pk]
    assert whole["signatories"][0]["person"] == person.pk
    assert api.patch(f"{base}/parties/{other['id']}", {"notes": "host"}).json()["notes"] == "host"
    assert api.delete(f"{base}/parties/{other['id']}").status_code == 204
    assert api.delete(f"{base}/parties/{other['id']}").status_code == 404
    # A party must be exactly one place or organization.
    response = api.post(f"{base}/parties", {})
    assert response.status_code == 422 and "exactly one" in response.json()["detail"]


def test_alliance_team_project_and_engagement_parts(demo, api):
    pohang = place("Pohang", "KR")
    team = api.post(f"alliances/{demo.alliance}/teams", {"name": "Tourism task force", "based_in": pohang.pk, "established": "2025"})
    assert team.status_code == 201
    seat = api.post(f"teams/{team.json()['id']}/members", {"from_place": pohang.pk, "seats": 2, "role": "lead"})
    assert seat.status_code == 201
    alliance = api.get(f"alliances/{demo.alliance}").json()
    new_team = next(t for t in alliance["teams"] if t["name"] == "Tourism task force")
    assert new_team["members"][0]["seats"] == 2
    assert api.post(f"alliances/{demo.alliance}/members", {"place": place("Daegu", "KR").pk, "joined": "2025-01"}).status_code == 201
    assert api.post(f"projects/{demo.project}/milestones", {"name": "Feasibility study", "due": "2025-06", "progress": 40}).status_code == 201
    member = api.post(f"projects/{demo.project}/members", {"place": pohang.pk, "role": "lead", "budget_share": "1500000.50",
                                            "budget_currency": "KRW"})
    assert member.status_code == 201 and member.json()["budget_share"] == "1500000.50"
    participant = api.post(f"engagements/{demo.engagement}/participants", {"person": demo.person, "role": "host"})
    assert participant.status_code == 201
    assert api.post(f"engagements/{demo.engagement}/participants", {"person": demo.person, "place": pohang.pk}).status_code == 422


def test_partial_dates_are_iso_text_in_and_out(api):
    for value in ("2016", "2016-06", "2016-06-22"):
        response = api.post("alliances", {"name": f"Alliance {value}", "established": value})
        assert response.status_code == 201 and response.json()["established"] == value


@pytest.mark.parametrize("value", ["2016-13", "2016-02-30", "June 2016", "16", "2016-6", "0000", ""])
def test_invalid_partial_dates_are_422_naming_the_field(api, value):
    response = api.post("alliances", {"name": "Bad date", "established": value})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("established:")
    assert response.json()["errors"][0]["loc"][-1] == "established"


def test_invalid_date_filter_is_422(api):
    response = api.get("engagements", date_from="last year")
    assert response.status_code == 422 and "date_from" in response.json()["detail"]


def test_filters(demo, api):
    def ids(path, **params):
        response = api.get(path, **params)
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert ids("places", q="부산", country="KR")  # Korean alias
    assert ids("places", q="pusan")  # romanisation variant, case-insensitive
    assert all(p["kind"] == "country" for p in api.get("places", kind="country", limit=20).json()["items"])
    assert ids("agreements", country="SI") == [demo.agreement]
    assert ids("agreements", country="JP") == []
    assert ids("agreements", type="friendship_city", status="signed", field="ports_logistics") == [demo.agreement]
    assert ids("agreements", date_from="2023-06", date_to="2023-06") == [demo.agreement]
    assert ids("agreements", date_from="2023-07") == []
    assert ids("agreements", q="Koper") == [demo.agreement]
    assert ids("alliances", date_from="2016-06-10", date_to="2016-12") == [demo.alliance]  # "2016-06" may be in range
    assert ids("alliances", date_to="2015") == []
    assert ids("people", q="Hyung-jun") and ids("people", country="SI")
    assert ids("projects", alliance=demo.alliance, status="active") or ids("projects", alliance=demo.alliance)
    assert ids("engagements", type="workshop") and ids("engagements", country="SI")
    assert ids("follow-ups", status="open") or ids("follow-ups")
    assert ids("positions", title="Mayor")
    assert ids("fields", q="port")


def test_pagination(api):
    first = api.get("places", kind="country", limit=10).json()
    second = api.get("places", kind="country", limit=10, offset=10).json()
    assert first["count"] == second["count"] >= 249
    assert len(first["items"]) == 10 and not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert api.get("places", limit=501).status_code == 422
    assert api.get("places", offset=-1).status_code == 422


def test_unknown_references_and_bad_values_are_422(demo, api):
    response = api.post("organizations", {"name": "X", "place": 999999})
    assert response.status_code == 422 and "place" in response.json()["detail"]
    response = api.post("agreements", {"type": "mou", "fields": ["no-such-field"]})
    assert response.status_code == 422 and "no-such-field" in response.json()["detail"]
    assert api.post("people", {"name": "Y", "country_code": "ZZ"}).status_code == 422
    assert api.post("places", {"name": "Z", "kind": "city"}).status_code == 422  # a city needs its country
    assert api.post("organizations", {"name": "nul\u0000byte"}).status_code == 422
    assert api.post("engagements", {"type": "party"}).status_code == 422
    assert api.post(f"projects/{demo.project}/milestones", {"name": "m", "progress": 70000}).status_code == 422
    assert api.patch(f"people/{demo.person}", {"name": None}).status_code == 422


def test_bad_json_is_400_and_unknown_paths_are_json_404(api):
    response = api.post("organizations", "{not json")
    assert response.status_code == 400 and response.json()["detail"]
    assert api.get("no-such-thing").status_code == 404
    assert api.get("no-such-thing").json()["detail"].startswith("no such API endpoint")
    assert api.get("places/abc").status_code in (404, 422)
    assert api.get("places/99999999").status_code == 404


def test_conflicts_are_409(api):
    response = api.post("fields", {"code": "tourism", "name": "Tourism again"})
    assert response.status_code == 409 and "code" in response.json()["detail"]
    # Busan is a party of an agreement (protected): it cannot be deleted.
    response = api.delete(f"places/{place('Busan', 'KR').pk}")
    assert response.status_code == 409 and "cannot delete" in response.json()["detail"]


def test_change_log_names_the_token_user_and_history_shows_it(demo, api):
    created = api.post("organizations", {"name": "Ulsan Port Authority", "kind": "port_authority"}).json()
    api.patch(f"organizations/{created['id']}", {"country_code": "KR"})
    entries = ChangeLog.objects.filter(object_id=created["id"], content_type__model="organization")
    assert {entry.actor for entry in entries} == {"user:ada"}
    history = api.get(f"organizations/{created['id']}/history").json()
    assert [entry["action"] for entry in history] == ["update", "create"]
    assert history[0]["actor"] == "user:ada" and history[0]["after"] == {"country_code": "KR"}
    api.post(f"agreements/{demo.agreement}/parties", {"organization": created["id"]})
    assert api.get(f"agreements/{demo.agreement}/history").json()[0]["record_type"] == "agreementparty"


def test_export_and_search(api):
    export = api.get("export").json()
    assert export["format"] == "amity-registry" and any(a["name"] == "Haeoreum Alliance" for a in export["alliances"])
    hits = api.get("search", q="Koper").json()["hits"]
    assert {"agreement", "place"} <= {hit["type"] for hit in hits}
    assert api.get("search", q="Koper", type="agreement").json()["hits"][0]["type"] == "agreement"
    assert api.get("search", q="", type="alliance").status_code == 200
    assert api.get("search", q="x", date_from="2016-99").status_code == 422
