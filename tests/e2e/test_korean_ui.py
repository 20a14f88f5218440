"""In a Korean session a place page and its city report show no English choice label (types,
statuses, kinds) and name places by their Korean alias (부산, not Busan); the history tab says what changed in Korean."""

import re

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

# the cells where choice labels and record names are shown
SHOWN = "td, dd, th, h1, .badge, li a"


def _texts(page) -> set[str]:
    return {text.strip().lower() for text in page.eval_on_selector_all(SHOWN, "els => els.map(e => e.innerText)")}


def test_place_page_and_city_report_in_korean(page, site):
    from amity.extract import codes
    from amity.registry.models import Agreement, Place

    english_labels = {label.lower() for table in (codes.EVENT_TYPES, codes.AGREEMENT_TYPES, codes.AGREEMENT_STATUSES,
                                          codes.ORGANIZATION_KINDS, codes.PLACE_KINDS) for label in table.values()}
    busan = Place.objects.get(name="Busan", country_code="KR")
    assert any(re.search("[가-힣]", alias) for alias in busan.aliases)

    sign_in(page, site, "viewer")
    page.select_option("#lang", "ko")
    page.wait_for_selector("html[lang=ko]")

    page.goto(f"{site}/places/{busan.pk}/")
    assert page.locator("h1").first.inner_text().startswith("부산")
    shown = _texts(page)
    assert "자매도시" in shown or "우호협력도시" in shown  # Busan's partners are listed with their type
    assert shown & english_labels == set()
    assert "busan" not in shown

    page.goto(f"{site}/portfolio/reports/city/{busan.pk}/")
    assert "부산" in page.locator("h1").first.inner_text()
    assert "국제교류 보고서" in page.locator("h1").first.inner_text()
    shown = _texts(page)
    assert shown & english_labels == set()

    agreement = Agreement.objects.filter(parties__place=busan).first()
    page.goto(f"{site}/history/agreement/{agreement.pk}/")
    actions = {text.strip() for text in page.eval_on_selector_all("td .badge", "els => els.map(e => e.innerText)")}
    assert actions and actions <= {"생성", "수정", "삭제"}
    kinds = page.eval_on_selector_all("td:has(.badge)", "els => els.map(e => e.innerText)")
    assert any(text.startswith("생성 협정") for text in kinds)  # the kind of record, not "agreement"
