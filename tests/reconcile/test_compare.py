"""Each list format compared with a registry built in the test: every category, with its reason."""

import pytest

from amity.reconcile.compare import CONFLICTING, MATCHED, ONLY_IN_AMITY, ONLY_IN_LIST, compare
from amity.reconcile.lists import read_list
from tests.reconcile.conftest import gaok_xlsx, plain_csv, wikidata_csv, wikidata_json

pytestmark = pytest.mark.django_db


def _by_partner(comparison):
    """category and reason per partner city, named as Amity names it."""
    found = {}
    for row in comparison.rows:
        partner = row.place_b.name if row.place_b else row.row.city_b
        found[partner] = (row.category, row.reason)
    return found


def test_gaok_list_in_hangul_matches_the_places_amity_has(registry):
    comparison = compare(read_list(gaok_xlsx(), "busan.xlsx"))
    rows = _by_partner(comparison)
    assert rows["Koper"][0] == MATCHED  # 코페르 is the Koper of the reference data, not a new place
    assert rows["Seattle"] == (CONFLICTING, "type: list friendship_city, Amity sister_city")
    assert rows["Fukuoka"] == (CONFLICTING, "date: list 2007-10-05, Amity 2008")
    assert rows["Ho Chi Minh City"][0] == ONLY_IN_LIST
    assert "no agreement between Busan and Ho Chi Minh City" in rows["Ho Chi Minh City"][1]
    assert rows["Vladivostok"][0] == ONLY_IN_AMITY
    assert "Osaka" not in rows  # an MOU is not a tie a partner list counts
    assert comparison.summary() == ["matched: 1", "conflicting: 2", "only in the list: 1", "only in Amity: 1"]
    assert [place.name for place in comparison.covered] == ["Busan"]


def test_wikidata_csv(registry):
    rows = _by_partner(compare(read_list(wikidata_csv())))
    assert rows["Koper"][0] == rows["Seattle"][0] == MATCHED  # Wikidata has no sister/friendship: no type conflict
    assert rows["Fukuoka"] == (CONFLICTING, "date: list 2007, Amity 2008")
    assert rows["Ho Chi Minh City"][0] == ONLY_IN_LIST
    assert rows["Vladivostok"][0] == ONLY_IN_AMITY


def test_wikidata_json_with_an_end_time(registry):
    comparison = compare(read_list(wikidata_json()))
    rows = _by_partner(comparison)
    assert rows["Koper"][0] == MATCHED
    assert rows["Seattle"] == (CONFLICTING, "status: list ended 2020, Amity signed")
    assert rows["Fukuoka"][0] == CONFLICTING
    assert rows["Ho Chi Minh City"][0] == ONLY_IN_LIST
    assert rows["Vladivostok"][0] == ONLY_IN_AMITY
    assert comparison.counts() == {MATCHED: 1, CONFLICTING: 2, ONLY_IN_LIST: 1, ONLY_IN_AMITY: 1}


def test_confirmed_wikidata_id_matches_whatever_the_label(registry):
    from amity.registry import services

    services.update(registry["places"]["koper"], actor="user:test", wikidata_id="Q188983")
    listed = read_list(wikidata_csv().replace(b",Koper,SI,", b",Capodistria,SI,"))
    koper = compare(listed).rows[0]
    assert koper.category == MATCHED and "Wikidata id Q188983" in koper.reason


def test_plain_csv(registry):
    rows = _by_partner(compare(read_list(plain_csv())))
    assert rows["Koper"][0] == MATCHED  # "2016-06" agrees with 2016-06-22 as far as it goes
    assert rows["Seattle"][0] == rows["Fukuoka"][0] == CONFLICTING
    assert rows["Atlantis"] == (ONLY_IN_LIST, "no place in Amity matches 'Atlantis' (GR)")
    assert rows["Vladivostok"][0] == ONLY_IN_AMITY


def test_the_comparison_writes_nothing(registry, tmp_path):
    from amity.core.models import ChangeLog
    from amity.reconcile.report import write_report
    from amity.sources.models import Claim, Document

    before = (ChangeLog.objects.count(), Document.objects.count(), Claim.objects.count())
    comparison = compare(read_list(gaok_xlsx(), "busan.xlsx"))
    write_report(comparison, tmp_path / "report.xlsx")
    report = (write_report(comparison, tmp_path / "report.csv")).read_text("utf-8-sig")
    assert before == (ChangeLog.objects.count(), Document.objects.count(), Claim.objects.count())
    assert "conflicting,5,부산광역시,KR,후쿠오카,JP,sister_city,2007-10-05" in report
    assert report.count("\n") == 6


def test_a_district_named_with_its_city(registry):
    from amity.registry import models as m
    from amity.registry.reference import reference_uid

    daegu_jung = m.Place.objects.get(uid=reference_uid("kr:27110"))  # six cities have a 중구
    listed = read_list("자치단체,국가,도시,구분,체결일\n대구광역시 중구,일본,오사카,우호,2019\n".encode())
    row = compare(listed).rows[0]
    assert row.place_a == daegu_jung and "'중구' of Daegu" in row.reason
