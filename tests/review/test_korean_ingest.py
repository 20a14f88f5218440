"""A Korean release through ingest and review: its places link to the reference gazetteer and,
once accepted, keep the Korean names the article wrote as aliases (코페르 on Koper)."""

import pytest

from amity.registry.models import Place
from amity.review.intake import ingest_text

pytestmark = pytest.mark.django_db

RELEASE = """부산시, 슬로베니아 코페르시와 우호협력도시 협약
항만·물류 분야 협력 강화

[가상일보 한바다 기자] 부산시는 지난 12일 시청 국제회의실에서 슬로베니아 코페르시와 우호협력도시 협약을 체결했다.

협약식에는 홍길동 부산시장과 안나 노박 코페르시장 등 양 도시 관계자 60여 명이 참석했다.
"""


def test_korean_places_link_and_keep_their_korean_names(accept_all):
    result = ingest_text(RELEASE, published="2024-06-14", actor="bot:test-ingest")
    places = {c.value["name"]: c for c in result.claims if c.slot == "place"}
    assert {"부산", "코페르"} <= set(places)
    accept_all(result.document)
    assert places["코페르"].value["canonical_name"] == "Koper"
    koper = Place.objects.get(name="Koper", country_code="SI")
    assert "코페르" in koper.aliases
    busan = Place.objects.get(kr_admin_code="26000")
    assert "부산" in [busan.name, *busan.aliases]
    person = next(c for c in result.claims if c.slot == "person" and c.value["name"] == "홍길동")
    assert person.value["title"] == "Mayor" and person.value["of"] == "부산"
