"""Duplicates for every kind of record, names across scripts, symmetric linking, merges that undo."""

import pytest

from amity.registry import models as m
from amity.registry import services as registry
from amity.review import duplicates, services
from amity.review.merge import survivor_of
from amity.review.models import MergeCandidate
from amity.sources.linking import CERTAIN, POSSIBLE, link_person

pytestmark = pytest.mark.django_db

ACTOR = "user:test-duplicates"


def person(name, *aliases, title=None, of=None):
    record = registry.create(m.Person, name=name, aliases=list(aliases), actor=ACTOR)
    if title:
        registry.create(m.Position, person=record, title=title, of_place=of, actor=ACTOR)
    return record


def place(name, country="KR"):
    return m.Place.objects.filter(name=name, country_code=country).order_by("-population").first()


def pairs(kind):
    return {frozenset((str(f.left), str(f.right))): f for f in duplicates.find([kind])}


def test_romanisation_variants_of_people_are_flagged_and_different_people_are_not():
    for name in ["Ju Nak-young", "Joo Nak-young", "Lee Hee-seop", "Lee Hee-sup", "Heong-jun Park",
                 "Hyung-joon Park", "Kim Min-jun", "Kim Min-ji", "Park Jong-hun", "Mikko Laine", "Han Hui-ho",
                 "Han Ho-hui"]:
        person(name)
    found = pairs("person")
    for pair in [("Ju Nak-young", "Joo Nak-young"), ("Lee Hee-seop", "Lee Hee-sup"),
                 ("Heong-jun Park", "Hyung-joon Park")]:
        candidate = found[frozenset(pair)]
        assert POSSIBLE <= candidate.score < 1.0
        assert "Korean name spelt two ways" in candidate.match.explanation
        assert abs(sum(f.weight for f in candidate.match.features) - candidate.score) < 1e-9
    assert frozenset(("Kim Min-jun", "Kim Min-ji")) not in found
    assert frozenset(("Han Hui-ho", "Han Ho-hui")) not in found  # the same syllables in another order: someone else
    assert not any("Park Jong-hun" in pair or "Mikko Laine" in pair for pair in found)


def test_a_shared_generic_alias_lowers_the_score_instead_of_settling_it():
    busan = place("Busan")
    kim = person("Kim Young-sam", "Mayor Kim", title="Mayor", of=busan)
    person("Kim Dae-jung", "Mayor Kim")
    assert frozenset(("Kim Young-sam", "Kim Dae-jung")) not in pairs("person")
    bare = link_person({"name": "Mayor Kim"})
    assert bare is None or bare.score < POSSIBLE
    with_post = link_person({"name": "Mayor Kim", "title": "Mayor", "of": "Busan"})
    assert with_post.record == kim and POSSIBLE <= with_post.score < CERTAIN
    assert "generic" in with_post.explanation


@pytest.mark.parametrize("one, other", [("Ju Nak-young", "Joo Nak-young"), ("Lee Hee-seop", "Lee Hee-sup"),
                                        ("Heong-jun Park", "Hyung-joon Park"), ("박형준", "Park Hyung-jun")])
def test_linking_is_symmetric(one, other):
    scores = []
    for stored, written in ((one, other), (other, one)):
        record = person(stored)
        link = link_person({"name": written})
        assert link is not None and link.record == record, (stored, written)
        scores.append(link.score)
        registry.delete(record, actor=ACTOR)
    assert scores[0] == scores[1] and POSSIBLE <= scores[0] < CERTAIN


def test_a_hangul_name_and_its_english_spellings_are_one_person():
    busan = place("Busan")
    mayor = person("박형준", title="Mayor", of=busan)
    for written in ["Heong-jun Park", "Park Heong-joon", "Park Hyung-jun", "Hyungjoon Park"]:
        link = link_person({"name": written, "title": "Mayor", "of": "Busan"})
        assert link.record == mayor and link.score >= CERTAIN, written
        assert "across scripts" in link.explanation
        unsure = link_person({"name": written})
        assert unsure.record == mayor and POSSIBLE <= unsure.score < CERTAIN
    assert link_person({"name": "Park Jong-hun", "title": "Mayor", "of": "Busan"}) is None


def test_an_english_article_about_a_mayor_known_by_his_hangul_name_links_to_him(accept_all):
    from amity.review.intake import ingest_text

    busan = place("Busan")
    mayor = person("박형준", title="Mayor", of=busan)
    text = ("Busan Mayor Meets Delegation from Koper\n\nBUSAN, March 4 (Amity Wire) -- Busan Mayor Heong-jun Park "
            "met a delegation from Koper, Slovenia, at Busan City Hall on Monday to discuss port cooperation.")
    ingest_text(text, published="2026-03-04")
    accept_all()
    assert m.Person.objects.filter(name__icontains="Park").count() == 0
    mayor.refresh_from_db()
    assert "Heong-jun Park" in mayor.aliases


def test_organizations_alliances_and_places_written_two_ways_are_flagged():
    busan, ulsan = place("Busan"), place("Ulsan")
    for name in ["Chinese Consulate in Busan", "Chinese Consulate General in Busan", "Consulate General of Japan in Busan"]:
        registry.create(m.Organization, name=name, kind="consulate", place=busan, actor=ACTOR)
    for where in (busan, ulsan):
        registry.create(m.Organization, name="Chamber of Commerce and Industry", kind="association", place=where,
                        actor=ACTOR)
    found = pairs("organization")
    consulates = found[frozenset(("Chinese Consulate in Busan", "Chinese Consulate General in Busan"))]
    assert consulates.score >= POSSIBLE and "'general'" in consulates.match.explanation
    assert not any("Japan" in name for pair in found for name in pair)
    assert frozenset(("Chamber of Commerce and Industry",)) not in found  # namesakes in two cities are two bodies

    for name in ["Busan-Fukuoka Forum", "Fukuoka-Busan Forum", "Busan-Ulsan Forum"]:
        registry.create(m.Alliance, name=name, actor=ACTOR)
    found = pairs("alliance")
    assert "another order" in found[frozenset(("Busan-Fukuoka Forum", "Fukuoka-Busan Forum"))].match.explanation
    assert not any("Busan-Ulsan Forum" in pair for pair in found)

    registry.create(m.Place, name="Kyongju", country_code="KR", actor=ACTOR)
    found = {frozenset((f.left.name, f.right.name)) for f in duplicates.find(["place"])}
    assert frozenset(("Kyongju", "Gyeongju")) in found


def test_agreements_and_engagements_told_twice_are_flagged():
    busan, koper, fukuoka, daejeon = place("Busan"), place("Koper", "SI"), place("Fukuoka", "JP"), place("Daejeon")

    def agreement(kind, date, *parties):
        record = registry.create(m.Agreement, type=kind, signed_date=date, actor=ACTOR)
        for party in parties:
            registry.create(m.AgreementParty, agreement=record, place=party, actor=ACTOR)
        return record

    first = agreement("sister_city", "2016-06", busan, koper)
    second = agreement("sister_city", "2016-06-22", koper, busan)
    agreement("friendship_city", "2016-06-22", busan, koper)  # another kind of tie
    agreement("sister_city", "2007-10-05", busan, fukuoka)
    found = duplicates.find(["agreement"])
    assert [(f.left, f.right) for f in found] == [(first, second)]
    assert "same parties" in found[0].match.explanation and "dates agree" in found[0].match.explanation

    kim, laine, other = person("Kim Do-yun"), person("Mikko Laine"), person("Anna Virtanen")

    def meeting(date, where, *people):
        record = registry.create(m.Engagement, type="meeting", date=date, place=where, actor=ACTOR)
        for who in people:
            registry.create(m.EngagementParticipant, engagement=record, person=who, actor=ACTOR)
        return record

    told_once = meeting("2025-03-11", daejeon, kim, laine)
    told_again = meeting("2025-03", daejeon, laine)
    meeting("2025-03-11", busan, other)  # the same day elsewhere, with someone else
    found = duplicates.find(["engagement"])
    assert [(f.left, f.right) for f in found] == [(told_once, told_again)]
    assert "Mikko Laine" in found[0].match.explanation


def test_scores_do_not_depend_on_which_record_comes_first():
    a, b = person("Heong-jun Park"), person("박형준")
    assert duplicates.compare_people(a, b).score == duplicates.compare_people(b, a).score > 0
    x = registry.create(m.Alliance, name="Busan-Fukuoka Forum", actor=ACTOR)
    y = registry.create(m.Alliance, name="Fukuoka-Busan Forum", actor=ACTOR)
    assert duplicates.compare_alliances(x, y).score == duplicates.compare_alliances(y, x).score > 0


def test_candidates_are_kept_and_a_dismissed_pair_is_not_proposed_again():
    person("Ju Nak-young")
    person("Joo Nak-young")
    scan = duplicates.record(["person"])
    assert scan.new == 1
    candidate = MergeCandidate.objects.get(status="open")
    assert candidate.features and candidate.features[0]["weight"] > 0
    assert duplicates.record(["person"]).updated == 1
    services.dismiss(candidate, actor=ACTOR)
    again = duplicates.record(["person"])
    assert (again.new, again.kept_apart) == (0, 1)


def test_merging_keeps_one_record_the_old_address_finds_it_and_undo_restores_both():
    busan, koper = place("Busan"), place("Koper", "SI")
    tourism = m.Field.objects.get(code="tourism")
    keep = registry.create(m.Agreement, type="sister_city", signed_date="2016-06", actor=ACTOR)
    drop = registry.create(m.Agreement, type="sister_city", signed_date=None, title="Busan–Koper sister cities",
                           actor=ACTOR)
    for record in (keep, drop):
        for party in (busan, koper):
            registry.create(m.AgreementParty, agreement=record, place=party, actor=ACTOR)
    registry.update(drop, fields=[tourism.pk], actor=ACTOR)
    drop_pk = drop.pk
    decision = services.merge(keep, drop, actor=ACTOR)
    keep.refresh_from_db()
    assert not m.Agreement.objects.filter(pk=drop_pk).exists()
    assert keep.parties.count() == 2  # the same two parties, not four
    assert keep.title == "Busan–Koper sister cities" and str(keep.signed_date) == "2016-06"
    assert survivor_of("registry.agreement", drop_pk) == keep
    assert list(keep.fields.all()) == [tourism]

    services.undo(decision, actor=ACTOR)
    keep.refresh_from_db()
    restored = m.Agreement.objects.get(pk=drop_pk)
    assert keep.title == "" and restored.title == "Busan–Koper sister cities"
    assert restored.parties.count() == 2 and keep.parties.count() == 2
    assert not keep.fields.exists()
    assert list(restored.fields.all()) == [tourism]
    assert survivor_of("registry.agreement", drop_pk) is None


def test_merging_people_moves_names_and_undo_takes_them_back():
    ju, joo = person("Ju Nak-young"), person("Joo Nak-young", "주낙영")
    joo_pk = joo.pk
    decision = services.merge(ju, joo, actor=ACTOR)
    ju.refresh_from_db()
    assert set(ju.aliases) >= {"Joo Nak-young", "주낙영"}
    assert survivor_of("registry.person", joo_pk) == ju
    services.undo(decision, actor=ACTOR)
    ju.refresh_from_db()
    assert ju.aliases == [] and m.Person.objects.get(pk=joo_pk).aliases == ["주낙영"]


def test_searching_a_korean_name_in_either_script_finds_the_person():
    from amity.search.service import search

    mayor = person("Heong-jun Park", title="Mayor", of=place("Busan"))
    consul = person("주낙영")
    person("Park Jong-hun")
    for query in ["박형준", "Park Hyung-jun", "Hyungjoon Park"]:
        found = [(r.kind, r.object_id) for r in search(query)]
        assert ("person", mayor.pk) in found, query
        assert all(r.title != "Park Jong-hun" for r in search(query) if r.kind == "person")
    assert ("person", consul.pk) in [(r.kind, r.object_id) for r in search("Joo Nak-young")]


KOREAN_RELEASE = """부산시, 중국 선양시 대표단 접견…항만·관광 협력 논의

박형준 부산시장은 4일 오후 2시 시청 접견실에서 중국 선양시 대표단을 접견하고 항만과 관광 분야 협력 방안을 논의했다.

이날 접견에서 박 시장은 "양 도시의 우호 관계를 바탕으로 실질적인 교류를 확대하자"고 말했다.
"""

ENGLISH_RELEASE = """Busan Mayor Receives Shenyang Delegation

Busan Mayor Park Heong-joon received a delegation from Shenyang, China, at Busan City Hall on Wednesday afternoon
to discuss cooperation in ports and tourism.
"""


def test_a_korean_and_an_english_release_on_one_meeting_give_one_person_and_one_occasion(accept_all):
    from amity.review.intake import ingest_text

    ingest_text(KOREAN_RELEASE, published="2026-03-04")
    accept_all()
    ingest_text(ENGLISH_RELEASE, published="2026-03-04")
    accept_all()
    mayors = m.Person.objects.filter(positions__title="Mayor", positions__of_place=place("Busan")).distinct()
    assert [p.name for p in mayors] == ["박형준"] and "Park Heong-joon" in mayors[0].aliases
    meeting = m.Engagement.objects.get(date="2026-03-04", type="meeting")
    assert meeting.participants.filter(person=mayors[0]).count() == 1
    assert len(duplicates.reporting_documents(meeting)) == 2  # told in Korean and in English, kept as one occasion


def test_new_records_are_compared_when_someone_next_looks():
    duplicates.refresh()
    assert duplicates.refresh() is None  # nothing changed since
    person("Lee Hee-seop")
    person("Lee Hee-sup")
    registry.create(m.Organization, name="Haeoreum Alliance Secretariat", actor=ACTOR)
    scan = duplicates.refresh()
    assert scan.new == 1 and MergeCandidate.objects.get(status="open").content_type.model == "person"
    assert duplicates.refresh() is None


def test_merging_two_people_at_one_meeting_leaves_one_participant_and_undo_brings_both_back():
    ju, joo = person("Ju Nak-young"), person("Joo Nak-young")
    meeting = registry.create(m.Engagement, type="meeting", date="2025-05-02", place=place("Gyeongju"), actor=ACTOR)
    for who in (ju, joo):
        registry.create(m.EngagementParticipant, engagement=meeting, person=who, role="host", actor=ACTOR)
    joo_pk = joo.pk
    decision = services.merge(ju, joo, actor=ACTOR)
    assert list(meeting.participants.values_list("person_id", flat=True)) == [ju.pk]
    services.undo(decision, actor=ACTOR)
    assert sorted(meeting.participants.values_list("person_id", flat=True)) == sorted([ju.pk, joo_pk])


def test_the_terminal_lists_candidates_by_kind_with_their_reasons(capsys):
    from amity.cli import main

    person("Ju Nak-young")
    person("Joo Nak-young")
    registry.create(m.Alliance, name="Busan-Fukuoka Forum", actor=ACTOR)
    registry.create(m.Alliance, name="Fukuoka-Busan Forum", actor=ACTOR)
    assert main(["review", "candidates", "--scan", "--kind", "alliance"]) == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "Busan-Fukuoka Forum <-> Fukuoka-Busan Forum" in out and "another order" in out
    assert "Nak-young" not in out
    assert main(["review", "candidates", "--kind", "ships"]) == 1
    assert "unknown kind 'ships'" in capsys.readouterr().err
