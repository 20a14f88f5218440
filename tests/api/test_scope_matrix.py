"""Every write path asks the one scope rule (amity.registry.scope), for an editor of Pohang.

The same records exist for Pohang ("home", in the editor's scope) and for Koper ("away",
outside it); each path is walked for both and must answer yes for home and no for away:
API resources and their nested parts, web forms, review actions on the API, the web and
the CLI. Writes happen inside each test's transaction, so the module's records stay put.
"""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from amity.accounts.models import ApiToken, Profile
from amity.registry import models as m
from amity.registry import services
from tests.api.conftest import Api

ACTOR = "bot:scope-matrix"
SIDES = ("home", "away")

# Written for these tests in the style of city press releases.
ARTICLES = {
    "home": "POHANG, Nov. 30 (Pohang City) -- Pohang Mayor Lee Kang-deok received a delegation from "
            "Gwangyang at Pohang City Hall on November 27, 2026, and discussed cooperation between the "
            "two steel cities.",
    "away": "KOPER, Nov. 20 -- Koper Mayor Ales Brzan received a delegation from Rijeka, Croatia, at Koper "
            "City Hall on November 18, 2026, and discussed tourism between the two port cities.",
}


def _reference(name: str, country: str) -> m.Place:
    return m.Place.objects.filter(name=name, country_code=country).order_by("pk").first()


def _side(place: m.Place, label: str) -> SimpleNamespace:
    create = lambda model, **values: services.create(model, actor=ACTOR, **values)  # noqa: E731
    organization = create(m.Organization, name=f"{label} Port Office", kind="government", place=place,
                          country_code=place.country_code)
    person = create(m.Person, name=f"{label} Officer")
    position = create(m.Position, person=person, title="director", of_place=place)
    agreement = create(m.Agreement, title=f"{label} agreement", type="mou")
    party = create(m.AgreementParty, agreement=agreement, place=place)
    alliance = create(m.Alliance, name=f"{label} Alliance")
    member = create(m.AllianceMember, alliance=alliance, place=place)
    team = create(m.Team, alliance=alliance, name=f"{label} team")
    project = create(m.Project, name=f"{label} joint project", alliance=alliance)  # no members of its own
    engagement = create(m.Engagement, type="meeting", place=place)
    participant = create(m.EngagementParticipant, engagement=engagement, person=person, role="host")
    follow_up = create(m.FollowUp, action=f"{label} report", engagement=engagement)
    return SimpleNamespace(place=place, organization=organization, person=person, position=position,
                           agreement=agreement, party=party, alliance=alliance, member=member, team=team,
                           project=project, engagement=engagement, participant=participant,
                           follow_up=follow_up)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        pohang, koper = _reference("Pohang", "KR"), _reference("Koper", "SI")
        assert pohang is not None and koper is not None
        user = get_user_model().objects.create_user("pohang-editor", password="secret-pass-1")
        profile = Profile.objects.create(user=user, role="editor")
        profile.scope_places.set([pohang])
        _, key = ApiToken.issue(user, "matrix")
        sides = {"home": _side(pohang, "Pohang"), "away": _side(koper, "Koper")}
        yield SimpleNamespace(user=user, key=key, **sides)
        for side in sides.values():
            for record in (side.follow_up, side.engagement, side.project, side.alliance, side.agreement,
                           side.person, side.organization):
                type(record)._base_manager.filter(pk=record.pk).delete()
        user.delete()


@pytest.fixture
def api(world, db):
    return Api(world.key)


@pytest.fixture
def browser(world, db):
    client = Client()
    client.force_login(world.user)
    return client


def allowed(side: str) -> bool:
    return side == "home"


# (API path, record attribute, a change) for every registry resource the editor may touch.
PATCHES = [
    ("organizations", "organization", {"website": "https://example.org"}),
    ("people", "person", {"name": "Renamed Officer"}),
    ("positions", "position", {"title": "deputy director"}),
    ("agreements", "agreement", {"status": "renewed"}),
    ("alliances", "alliance", {"purpose": "changed"}),
    ("projects", "project", {"description": "changed"}),
    ("engagements", "engagement", {"venue": "City Hall"}),
    ("follow-ups", "follow_up", {"status": "done"}),
]


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize(("path", "attribute", "change"), PATCHES, ids=[p[0] for p in PATCHES])
def test_api_patch_and_delete(api, world, side, path, attribute, change):
    record = getattr(getattr(world, side), attribute)
    response = api.patch(f"{path}/{record.pk}", change)
    assert response.status_code == (200 if allowed(side) else 403), response.content
    if not allowed(side):
        assert "scope" in response.json()["detail"]
    assert api.delete(f"{path}/{record.pk}").status_code in ((204, 409) if allowed(side) else (403,))


# Nested parts: (whole path, whole attribute, part segment, part attribute, body of a new part, a change)
PARTS = [
    ("agreements", "agreement", "parties", "party", lambda w: {"organization": w.home.organization.pk},
     {"notes": "host"}),
    ("alliances", "alliance", "members", "member", lambda w: {"organization": w.home.organization.pk},
     {"joined": "2020"}),
    ("alliances", "alliance", "teams", "team", lambda w: {"name": "New team"}, {"name": "Renamed team"}),
    ("engagements", "engagement", "participants", "participant", lambda w: {"place": w.home.place.pk},
     {"role": "guest"}),
]


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize(("path", "whole", "segment", "part", "body", "change"), PARTS,
                         ids=[f"{p[0]}-{p[2]}" for p in PARTS])
def test_api_nested_parts(api, world, side, path, whole, segment, part, body, change):
    records = getattr(world, side)
    base = f"{path}/{getattr(records, whole).pk}/{segment}"
    expected = 201 if allowed(side) else 403
    assert api.post(base, body(world)).status_code == expected
    assert api.post(f"teams/{records.team.pk}/members", {"from_place": records.place.pk}).status_code == expected
    item = getattr(records, part)
    assert api.patch(f"{base}/{item.pk}", change).status_code == (200 if allowed(side) else 403)
    assert api.delete(f"{base}/{item.pk}").status_code == (204 if allowed(side) else 403)


@pytest.mark.parametrize("side", SIDES)
def test_api_create_records_involving_a_place(api, world, side):
    place = getattr(world, side).place
    expected = 201 if allowed(side) else 403
    assert api.post("organizations", {"name": "New Office", "kind": "government", "place": place.pk}).status_code \
        == expected
    assert api.post("engagements", {"type": "meeting", "place": place.pk}).status_code == expected


@pytest.mark.parametrize("side", SIDES)
def test_api_a_position_cannot_annex_another_citys_person(api, world, side):
    """A Pohang position attached to someone is editing that someone: only if they are Pohang's already."""
    person = getattr(world, side).person
    response = api.post("positions", {"person": person.pk, "title": "adviser", "of_place": world.home.place.pk})
    assert response.status_code == (201 if allowed(side) else 403)
    if not allowed(side):
        assert not person.positions.filter(title="adviser").exists()
        assert api.patch(f"people/{person.pk}", {"name": "Annexed"}).status_code == 403
    # Moving the editor's own position onto the other city's person is refused the same way.
    moved = api.patch(f"positions/{world.home.position.pk}", {"person": person.pk})
    assert moved.status_code == (200 if allowed(side) else 403)


def test_api_records_with_no_place_stay_editable_by_their_creator(api, world):
    created = api.post("agreements", {"title": "Draft agreement", "type": "mou"})
    assert created.status_code == 201
    pk = created.json()["id"]
    assert api.patch(f"agreements/{pk}", {"status": "signed"}).status_code == 200
    assert api.post(f"agreements/{pk}/parties", {"place": world.home.place.pk}).status_code == 201
    # Once it names only another city it is no longer the editor's.
    assert api.post(f"agreements/{pk}/parties", {"place": world.away.place.pk}).status_code == 201
    party = m.AgreementParty.objects.get(agreement_id=pk, place=world.home.place)
    assert api.delete(f"agreements/{pk}/parties/{party.pk}").status_code == 403


@pytest.mark.parametrize("side", SIDES)
def test_project_of_an_alliance_the_city_belongs_to(api, world, side):
    project = getattr(world, side).project
    assert api.patch(f"projects/{project.pk}", {"description": "next phase"}).status_code == \
        (200 if allowed(side) else 403)


# Web forms: /edit/<slug>/<pk>/ and /edit/<slug>/new/.
@pytest.mark.parametrize("side", SIDES)
def test_web_forms(browser, world, side):
    records = getattr(world, side)
    expected = 302 if allowed(side) else 403
    response = browser.post(f"/edit/organization/{records.organization.pk}/",
                            {"name": "Renamed Office", "kind": "government", "place": f"#{records.place.pk}",
                             "country_code": records.place.country_code})
    assert response.status_code in ((200, 302) if allowed(side) else (403,))
    assert browser.post(f"/edit/follow-up/{records.follow_up.pk}/delete/").status_code == expected
    created = browser.post("/edit/organization/new/", {"name": "Another Office", "kind": "government",
                                                       "place": f"#{records.place.pk}"})
    assert created.status_code == expected, re.findall(r"errorlist.*", created.content.decode())
    assert m.Organization.objects.filter(name="Another Office").exists() == allowed(side)
    position = browser.post(f"/edit/position/new/?person={records.person.pk}",
                            {"person": f"#{records.person.pk}", "title": "adviser",
                             "of_place": f"#{world.home.place.pk}"})
    assert position.status_code in ((200, 302) if allowed(side) else (403,))
    assert records.person.positions.filter(title="adviser").exists() == allowed(side)


# Review actions: the claims of one article about each city.
@pytest.fixture
def claims(world, db):
    from amity.review.intake import ingest_text

    found = {}
    for side, text in ARTICLES.items():
        result = ingest_text(text, actor=ACTOR)
        found[side] = {claim.slot: claim for claim in result.claims}
    return found


def engagement_claim(claims, side):
    claim = claims[side].get("engagement")
    assert claim is not None, f"the {side} article states an engagement: {sorted(claims[side])}"
    return claim


@pytest.mark.parametrize("side", SIDES)
def test_review_on_the_api(api, claims, side):
    claim = engagement_claim(claims, side)
    response = api.post(f"claims/{claim.pk}/accept", {})
    assert response.status_code == (200 if allowed(side) else 403), response.content
    claim.refresh_from_db()
    assert (claim.status == "accepted") == allowed(side)
    if allowed(side):
        decision = response.json()["id"]
        assert api.post(f"review/decisions/{decision}/undo", {}).status_code == 200
    # Rejecting is judged by what the claim would write: the meeting in the editor's city, or not.
    assert api.post(f"claims/{claim.pk}/reject", {}).status_code == (200 if allowed(side) else 403)


@pytest.mark.parametrize("side", SIDES)
def test_review_on_the_web(browser, claims, side):
    claim = engagement_claim(claims, side)
    browser.post(f"/review/claims/{claim.pk}/accept/")
    claim.refresh_from_db()
    assert (claim.status == "accepted") == allowed(side)


@pytest.mark.parametrize("side", SIDES)
def test_review_on_the_cli(world, claims, side, capsys):
    from amity.cli import main

    claim = engagement_claim(claims, side)
    code = main(["review", "accept", str(claim.pk), "--actor", f"user:{world.user.username}"])
    claim.refresh_from_db()
    assert (claim.status == "accepted") == allowed(side)
    assert code == (0 if allowed(side) else 1)
    if not allowed(side):
        assert "outside your editing scope" in capsys.readouterr().out


@pytest.mark.parametrize("side", SIDES)
def test_merge_on_the_api(api, world, side):
    records = getattr(world, side)
    twin = services.create(m.Organization, name=f"{records.organization.name} (2)", kind="government",
                           place=records.place, actor=ACTOR)
    response = api.post("review/merge", {"type": "organization", "keep": records.organization.pk, "drop": twin.pk})
    assert response.status_code == (200 if allowed(side) else 403), response.content
