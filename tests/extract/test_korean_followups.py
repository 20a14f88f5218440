"""Korean follow-ups: a promise ending (할 계획이다, 하기로 했다) after an action word, with a date or a
word saying when, is a follow-up due then; a wish with no action or no time is not."""

from __future__ import annotations

from amity.extract import extract

RELEASE = """부산시, 슬로베니아 코페르시와 우호협력 협약 체결

[남해신문 박서연 기자] 부산시는 지난 12일 시청에서 코페르시와 우호협력도시 협약을 체결했다고 14일 밝혔다.
시는 내년 코페르시 대표단을 부산으로 초청할 계획이다.
양 도시는 앞으로도 우정을 이어가기로 했다.

ⓒ 남해신문 무단전재 및 재배포 금지
"""


def test_an_invitation_planned_for_next_year_is_a_follow_up_due_then():
    result = extract(RELEASE, published="2024-05-14")
    assert len(result.follow_ups) == 1
    follow_up = result.follow_ups[0]
    assert "초청" in follow_up.action and "대표단" in follow_up.action
    assert follow_up.due == "2025"
    assert RELEASE[follow_up.evidence[0].start:follow_up.evidence[0].end] == follow_up.evidence[0].text


def test_a_promise_with_no_time_said_is_no_follow_up():
    undated = RELEASE.replace("시는 내년 코페르시 대표단을", "시는 코페르시 대표단을")
    assert extract(undated, published="2024-05-14").follow_ups == []


def test_a_quoted_wish_is_no_follow_up():
    quoted = RELEASE.replace("시는 내년 코페르시 대표단을 부산으로 초청할 계획이다.",
                             '박 시장은 "내년에는 코페르시 대표단을 부산으로 초청하겠다"고 말했다.')
    assert extract(quoted, published="2024-05-14").follow_ups == []


def test_a_past_date_in_the_background_is_no_due_date():
    background = RELEASE.replace("시는 내년 코페르시 대표단을 부산으로 초청할 계획이다.",
                                 "시는 2018년 체결된 협약에 이어 코페르시 대표단을 부산으로 초청할 계획이다.")
    assert extract(background, published="2024-05-14").follow_ups == []
