"""Rows a person takes become pending claims citing the list's row; accepting them links, never duplicates."""

import pytest

from amity.reconcile.lists import read_list
from amity.reconcile.take import LIST_READER_VERSION, take_rows
from tests.reconcile.conftest import KOPER_QID, gaok_xlsx, wikidata_json

pytestmark = pytest.mark.django_db


def _accept_all(document):
    from amity.review import services

    for claim in sorted(services.pending_claims(document=document), key=lambda c: services.SLOT_ORDER.index(c.slot)):
        claim.refresh_from_db()
        if claim.status == "pending":
            services.accept(claim, actor="user:reviewer")


def test_taken_gaok_row_becomes_claims_and_accepting_them_keeps_one_koper(registry):
    from amity.registry import models as m

    koper = registry["places"]["koper"]
    registry["agreements"]["koper"].delete()  # now the list's 코페르 row is only in the list
    listed = read_list(gaok_xlsx(), "busan.xlsx")
    document, claims = take_rows(listed, [3], actor="user:officer")
    assert document.extracted_with == LIST_READER_VERSION and document.publisher == "GAOK-style list"
    assert {c.slot for c in claims} == {"place", "agreement"} and all(c.status == "pending" for c in claims)
    agreement_claim = next(c for c in claims if c.slot == "agreement")
    (span,) = agreement_claim.evidence
    assert document.text[span["start"]:span["end"]] == "1\t부산광역시\t슬로베니아\t코페르\t자매결연\t2016.6.22\t항만 협력"
    assert "row 3 of busan.xlsx" in agreement_claim.label
    assert not m.Agreement.objects.filter(parties__place=koper).exists()  # nothing entered the registry

    _accept_all(document)
    assert m.Place.objects.filter(name="Koper", country_code="SI").count() == 1
    koper.refresh_from_db()
    assert "코페르" in koper.aliases
    agreement = m.Agreement.objects.filter(parties__place=koper).get()
    assert (agreement.type, str(agreement.signed_date)) == ("sister_city", "2016-06-22")
    # the list is now the source behind the tie: in the network's edges and in the coverage statement
    from amity.reconcile.coverage import coverage
    from amity.reconcile.network import build_network

    edge = next(e for e in build_network(country="SI").edges if e["agreement"] == agreement.pk)
    assert edge["sources"] == f"document:{document.pk}"
    assert coverage(koper).figure("with a source document").count == 1


def test_taking_twice_adds_nothing_and_matched_rows_cannot_be_taken(registry):
    listed = read_list(gaok_xlsx(), "busan.xlsx")
    document, first = take_rows(listed, [4, 5], actor="user:officer")
    again, second = take_rows(listed, [4], actor="user:officer")
    assert again == document and {c.pk for c in second} <= {c.pk for c in first}
    busan_claims = [c for c in first if c.slot == "place" and c.value["name"] == "Busan"]
    assert len(busan_claims) == 2 and busan_claims[0].pk == busan_claims[1].pk  # one claim per place
    with pytest.raises(ValueError, match="row 3 cannot be taken.*matched"):
        take_rows(listed, [3], actor="user:officer")


def test_accepting_a_wikidata_row_confirms_the_wikidata_id(registry):
    koper = registry["places"]["koper"]
    registry["agreements"]["koper"].delete()
    listed = read_list(wikidata_json(), "query.json")
    document, _ = take_rows(listed, [2], actor="user:researcher")
    _accept_all(document)
    koper.refresh_from_db()
    assert koper.wikidata_id == KOPER_QID
