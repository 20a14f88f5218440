"""Korean names across scripts and the explained name comparisons (pure Python, no database)."""

import pytest

from amity.extract.matching import compare_body_names, compare_person_names, is_generic_name
from amity.extract.romanize import compare_korean, compare_spellings, name_keys, romanize

SAME_PERSON = [("Ju Nak-young", "Joo Nak-young"), ("Lee Hee-seop", "Lee Hee-sup"), ("Heong-jun Park", "Hyung-joon Park"),
               ("박형준", "Heong-jun Park"), ("박형준", "Park Hyung-jun"), ("Park Heong-joon", "Hyungjoon Park"),
               ("Lee Hee-seop", "Yi Hui-seop"), ("Choi Min-seok", "Choe Min-suk"), ("Jung Da-eun", "Chung Da-eun")]
OTHER_PEOPLE = [("Kim Min-jun", "Kim Min-ji"), ("Park Heong-joon", "Park Jong-hun"), ("Han Hui-ho", "Han Ho-hui"),
                ("Lee Hee-seop", "Kim Hee-seop"), ("박형준", "박형진"), ("John Smith", "Jane Smith")]


@pytest.mark.parametrize("a, b", SAME_PERSON)
def test_spellings_of_one_korean_name_agree_in_either_order(a, b):
    there, back = compare_person_names([a], [b]), compare_person_names([b], [a])
    assert 0.5 <= there.score < 1.0 and there.score == back.score
    assert name_keys(a) & name_keys(b)  # one search word finds both


@pytest.mark.parametrize("a, b", OTHER_PEOPLE)
def test_different_names_do_not_agree(a, b):
    assert compare_person_names([a], [b]).score == 0


def test_revised_romanization_and_the_readings_behind_a_score():
    assert romanize("박형준") == "bakhyeongjun" and romanize("부산") == "busan"
    agreement = compare_korean("박형준", "Heong-jun Park")
    assert agreement.family == 1.0 and 0.5 < agreement.given < 1.0 and not agreement.same_order
    assert compare_spellings("kyongju", "gyeongju") > 0.6 and compare_spellings("ulsan", "busan") == 0


def test_a_generic_name_is_recognised_and_only_weakly_shared():
    assert is_generic_name("Mayor Kim") and is_generic_name("김 시장") and is_generic_name("Dr. Lee")
    assert not is_generic_name("박형준") and not is_generic_name("Kim Do-yun")
    shared = compare_person_names(["Kim Young-sam", "Mayor Kim"], ["Kim Dae-jung", "Mayor Kim"])
    assert shared.score < 0.5 and "generic" in shared.explanation


def test_organization_names_written_two_ways():
    assert compare_body_names(["Chinese Consulate in Busan"], ["Chinese Consulate General in Busan"]).score >= 0.5
    assert compare_body_names(["Busan-Fukuoka Forum"], ["Fukuoka-Busan Forum"]).score >= 0.5
    assert compare_body_names(["Consulate General of Japan in Busan"], ["Consulate General of China in Busan"]).score == 0
    assert compare_body_names(["Busan Port Authority"], ["Busan Port Authority Labour Union"]).score == 0
