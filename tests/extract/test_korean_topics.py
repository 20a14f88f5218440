"""Korean articles tag events and agreements with cooperation fields from the Korean field words
(lang/ko/field_words.json), as English ones do from theirs: the sentence and the next one."""

from __future__ import annotations

from amity.extract import extract

VISIT = """창원시 대표단, 中 옌타이시 방문
항만·환경 분야 협력 확대

[남해신문 박서연 기자] 창원시 대표단은 지난 12일 중국 옌타이시를 방문해 우호협력도시 협약을 체결했다고 14일 밝혔다.
두 도시는 항만물류와 탄소중립, 청소년 교류 분야에서 협력하기로 했다.

ⓒ 남해신문 무단전재 및 재배포 금지
"""

# the same signing, and the next sentence names no field
QUIET = VISIT.replace("두 도시는 항만물류와 탄소중립, 청소년 교류 분야에서 협력하기로 했다.",
                      "두 도시는 앞으로도 우정을 이어가기로 했다.")


def test_fields_named_after_a_signing_are_its_fields():
    result = extract(VISIT)
    agreement = next(a for a in result.agreements)
    assert {"ports_logistics", "environment_energy", "education_youth"} <= set(agreement.fields)
    assert "sports" not in agreement.fields


def test_no_field_word_no_field():
    agreements = extract(QUIET).agreements
    assert agreements and all(agreement.fields == [] for agreement in agreements)
