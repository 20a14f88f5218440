"""Agreements as press pages word them: friendly and cooperative ties, cooperation programmes, one
city with several partners in one clause, anniversaries of a tie, and places that only say where
a signatory sits or where the signing took place. The fixtures are written for these tests in the
style of city and provincial news pages; the assertions are what a reader takes from them."""

from __future__ import annotations

from amity.extract import extract


def _agreements(text: str, published: str = "2024-05-10"):
    return sorted((a.type, sorted(p.name for p in a.parties), a.date) for a in extract(text, published).agreements)


def test_friendly_and_cooperative_ties_established_are_a_friendship_tie():
    found = _agreements("News | Daejeon\nDaejeon and Wuhan established friendly and cooperative ties in 2015, "
                        "and the two cities have exchanged students every year since.\n")
    assert ("friendship_city", ["Daejeon", "Wuhan"], "2015") in found


def test_promoting_friendly_and_cooperative_ties_is_no_tie():
    assert _agreements("Hue and Gimhae promote friendly and cooperative ties through cultural exchanges.\n") == []


def test_a_cooperation_programme_agreed_on_is_a_cooperation_agreement():
    found = _agreements("The two cities, Ulsan and Nantes, agreed on a cooperation programme for 2024-2026 on May 2.\n")
    assert found == [("business_agreement", ["Nantes", "Ulsan"], "2024-05-02")]


def test_cooperation_programmes_only_hoped_for_are_no_agreement():
    assert _agreements("Hue and Kazan will launch cooperation programmes to make more of their river ports.\n") == []


def test_one_city_with_several_partners_after_a_possessive_is_one_tie_per_partner():
    found = _agreements("Hanoi news\nSuwon is one of Hanoi's five sister cities, along with Kobe, Lyon and Perth.\n")
    pairs = sorted(parties for kind, parties, _ in found if kind == "sister_city")
    assert pairs == [["Hanoi", "Kobe"], ["Hanoi", "Lyon"], ["Hanoi", "Perth"], ["Hanoi", "Suwon"]]


def test_a_place_named_after_a_later_verb_is_not_a_partner_of_the_possessive_tie():
    found = _agreements("Kobe, one of Busan's sister cities, flew a trade mission to Busan.\n")
    assert [(kind, parties) for kind, parties, _ in found] == [("sister_city", ["Busan", "Kobe"])]


def test_where_a_signing_took_place_is_not_a_party():
    found = _agreements("Gyeonggi Province Governor Han Ji-ho signed a memorandum of understanding with Dana Whitfield, "
                        "Governor of Utah, on May 3 at Suwon Convention Hall.\n")
    assert found == [("mou", ["Gyeonggi Province", "Utah"], "2024-05-03")]


def test_partners_introduced_by_in_are_still_partners_when_nothing_was_signed():
    found = _agreements("Lutsk has two new sister cities in Olomouc and Torun.\n")
    assert sorted(parties for _kind, parties, _ in found) == [["Lutsk", "Olomouc"], ["Lutsk", "Torun"]]


def test_the_city_an_embassy_sits_in_is_not_a_partner():
    found = _agreements("Tabriz and Braga will soon sign a twinning agreement. The idea of twinning was first raised "
                        "by the Portuguese Embassy in Tehran, the mayor said.\n", "2021-06-11")
    assert [parties for _kind, parties, _ in found] == [["Braga", "Tabriz"]]


def test_the_city_a_council_belongs_to_only_says_where_it_lies():
    found = _agreements("Ipswich City Council of Brisbane, Australia and Lautoka City Council sealed a sister city "
                        "relationship this week.\n", "2021-05-24")
    assert [(kind, [p.replace(" City", "") for p in parties]) for kind, parties, _ in found] == \
        [("sister_city", ["Ipswich", "Lautoka"])]


def test_an_anniversary_of_a_tie_does_not_date_the_tie():
    found = _agreements("Jiangsu officials in Jeollabuk-do\n"
                        "The trip returns Jeollabuk-do's own trip to Jiangsu Province last autumn, made to mark "
                        "the 10th anniversary of their sisterhood.\n"
                        "Ties have deepened since the two provinces established their sisterhood in 2014.\n",
                        "2024-06-05")
    assert found == [("sister_city", ["Jeollabuk-do", "Jiangsu"], "2014")]


def test_a_plan_signed_under_an_existing_tie_is_not_a_new_tie():
    found = _agreements("Gyeonggi Province and Utah established their sisterhood in 1983.\n"
                        "On May 3, Governor Kim signed a sisterhood action plan with the Governor of Utah.\n")
    assert [a for a in found if a[0] == "sister_city"] == [("sister_city", ["Gyeonggi Province", "Utah"], "1983")]


def test_a_tie_named_with_its_year_beside_a_signing_is_a_second_instrument_with_its_own_date():
    found = _agreements("Changwon and Ningbo, friendship cities since May 2011, signed a business agreement on "
                        "port logistics on May 3.\n")
    assert found == [("business_agreement", ["Changwon", "Ningbo"], "2024-05-03"),
                     ("friendship_city", ["Changwon", "Ningbo"], "2011-05")]


def test_a_joint_declaration_adopted_takes_the_date_it_was_adopted():
    found = _agreements("Daegu and Ho Chi Minh City adopted a joint declaration on smart city cooperation on May 2.\n")
    assert found == [("other", ["Daegu", "Ho Chi Minh City"], "2024-05-02")]


def test_an_mou_establishing_a_tie_is_the_tie_itself():
    found = _agreements("Back then, an MOU establishing a sister province relationship between "
                        "Queensland and Jeollanam Province was signed on Oct. 12, 1974.\n")
    assert [(kind, date) for kind, _parties, date in found] == [("sister_city", "1974-10-12")]


def test_a_letter_of_intent_to_establish_a_tie_is_a_letter_now_and_the_tie_planned():
    result = extract("Tbilisi and Kyiv signed a letter of intent on May 3 to establish twin city ties.\n",
                     "2024-05-10")
    assert sorted((a.type, a.status) for a in result.agreements) == [("mou", "signed"), ("sister_city", "planned")]


TWINNING_NEWS = """Local news
Kadoma in twinning agreements with three towns
Kadoma City Council will this year formalise twinning partnerships with three towns in the region.
The mayor said the twinning will be with Ndola in Zambia.
Kadoma has already twinned with Leeds.
A delegation will fly to Mutare next month. Mutare is a border city. Officials in Mutare are ready.
Mutare council will host the delegates. The trip to Mutare was postponed once.
"""


def test_the_city_named_in_the_agreement_sentences_is_the_partner_of_a_lone_partner():
    found = _agreements(TWINNING_NEWS, "2011-06-06")
    pairs = sorted(parties for kind, parties, _ in found if kind == "sister_city")
    assert ["Kadoma", "Ndola"] in pairs and ["Kadoma", "Leeds"] in pairs
    assert all("Mutare" not in parties for parties in pairs)


def test_being_a_part_of_this_agreement_points_back_to_it():
    found = _agreements("Wellington news\nCanberra, Auckland and Wellington signed an agreement on climate resilience "
                        'on May 3.\n"Our city is glad to play a part in this agreement," Auckland\'s mayor told reporters.\n')
    assert found == [("other", ["Auckland", "Canberra", "Wellington"], "2024-05-03")]


def test_a_city_in_a_dated_dateline_is_where_the_report_was_written():
    found = _agreements("The Hague, May 6, 2024 – Mayors of Rotterdam and Antwerp signed a joint declaration "
                        "on port cooperation on May 4.\n")
    assert found == [("other", ["Antwerp", "Rotterdam"], "2024-05-04")]


def test_todays_agreement_is_dated_by_the_day_of_the_report():
    found = _agreements("Provincial news\n\"Today's cooperation agreement opens a new chapter for Heilongjiang "
                        "Province and Gyeongsangnam Province,\" the governor said.\n", "2024-04-24")
    assert [(kind, date) for kind, _parties, date in found] == [("business_agreement", "2024-04-24")]


def test_a_protocol_on_cooperation_is_a_cooperation_agreement_and_diplomatic_protocol_is_not():
    assert _agreements("Tashkent and Dushanbe signed a protocol on trade and cultural cooperation on May 3.\n") == \
        [("business_agreement", ["Dushanbe", "Tashkent"], "2024-05-03")]
    assert _agreements("The Protocol Office of Busan welcomed the Fukuoka delegation, as protocol requires.\n") == []


def test_an_agreement_signed_with_a_sister_city_is_an_agreement_besides_the_tie():
    found = _agreements("Tourism news\nGumi City signed a memorandum of understanding with its sister city Weifang "
                        "on May 3 to promote tourism.\n")
    assert found == [("mou", ["Gumi City", "Weifang"], "2024-05-03"), ("sister_city", ["Gumi City", "Weifang"], None)]


def test_a_tie_word_inside_a_bodys_name_is_no_tie():
    assert _agreements("Seattle news\nThe Seattle-Kobe Sister City Association hosted a dinner for visitors from "
                       "Tacoma.\n") == []
    assert _agreements("Seattle news\nMayor Harrell attended the Sister Cities International conference in Denver "
                       "on May 3.\n") == []


def test_a_denied_tie_and_a_simile_are_no_ties():
    assert _agreements("Seattle news\nMayor Harrell met the Ambassador of Norway, whose capital Oslo is not a sister "
                       "city of Seattle.\n") == []
    assert _agreements("Seattle news\nChristchurch Mayor Phil Mauger said Seattle and Christchurch are like sister "
                       "cities in spirit.\n") == []


def test_a_title_case_agreement_name_is_still_an_agreement():
    assert _agreements("Busan and Fukuoka signed the Sister City Agreement on May 3.\n") == \
        [("sister_city", ["Busan", "Fukuoka"], "2024-05-03")]


def test_agreements_in_the_plural_and_a_partnership_forged_are_cooperation_agreements():
    assert _agreements("Samarkand and Bukhara signed agreements on trade and tourism on May 3.\n") == \
        [("business_agreement", ["Bukhara", "Samarkand"], "2024-05-03")]
    assert _agreements("Lviv and Wroclaw forged a strategic partnership on May 3.\n") == \
        [("business_agreement", ["Lviv", "Wroclaw"], "2024-05-03")]
    assert _agreements("Lviv works in partnership with Wroclaw on reconstruction.\n") == []


def test_the_date_written_right_after_the_instrument_is_its_own():
    assert _agreements("Daegu news\nDaegu and Almaty, which signed a sister city agreement in 2015, held a forum "
                       "on May 3.\n") == [("sister_city", ["Almaty", "Daegu"], "2015")]
    assert _agreements("Daegu news\nDaegu has kept a sister city relationship with Almaty since 2015 and held a "
                       "forum on May 3.\n") == [("sister_city", ["Almaty", "Daegu"], "2015")]


def test_a_tie_that_began_in_a_year_is_dated_by_it():
    assert _agreements("Daegu news\nThe sister city relationship between Daegu and Almaty began in 2015.\n") == \
        [("sister_city", ["Almaty", "Daegu"], "2015")]


def test_a_citys_own_twin_towns_listed_are_one_tie_each_with_that_city():
    found = _agreements("Leeds news\nLeeds welcomed visitors from its twin towns, Lyon, Dortmund and Hamburg.\n")
    assert sorted(parties for _kind, parties, _ in found) == [["Dortmund", "Leeds"], ["Hamburg", "Leeds"],
                                                              ["Leeds", "Lyon"]]


def test_our_twin_towns_listed_on_a_page_that_does_not_name_its_own_town_are_not_each_others():
    found = _agreements("Town news\nOur delegation joined the celebrations with our two twin towns, Lyon and Hamburg.\n")
    assert sorted(parties for _kind, parties, _ in found) == [["Hamburg"], ["Lyon"]]


def test_the_mayor_signing_with_a_body_makes_the_city_and_the_body_the_parties():
    found = _agreements("Daejeon news\nMayor Lee Jang-woo and President Kim Jung-kyum of Chungnam National University "
                        "signed an MOU on May 3.\n")
    assert found == [("mou", ["Chungnam National University", "Daejeon"], "2024-05-03")]
    assert _agreements("Daejeon news\nHana Bank signed an MOU on May 3.\n") == []


def test_partners_after_with_are_each_a_partner_of_the_articles_city():
    found = _agreements("Busan news\nBusan welcomed guests on May 3.\nThe city has established sister relationships "
                        "with Fukuoka in 2007 and Shanghai in 1993.\n")
    assert found == [("sister_city", ["Busan", "Fukuoka"], "2007"), ("sister_city", ["Busan", "Shanghai"], "1993")]


def test_a_long_list_of_places_is_not_the_parties_of_one_agreement():
    found = _agreements("Tabriz news\nTo date the city has put its name to agreements with Baku, Tbilisi, Yerevan, "
                        "Minsk, Riga and Vilnius.\n")
    assert found == []


def test_a_later_mention_of_a_planned_tie_keeps_it_planned():
    result = extract("Braga and Tabriz will sign a sister city agreement soon.\n"
                     "The sister city agreement is expected to bring the two peoples closer together.\n",
                     "2021-06-11")
    assert [(a.type, a.status) for a in result.agreements] == [("sister_city", "planned")]


def test_a_later_clause_governed_by_the_first_verb_keeps_its_own_date():
    found = _agreements("Busan news\nBusan established sister-city ties with Fukuoka in 2007, and friendly-city ties "
                        "with Osaka in 2010.\n")
    assert found == [("friendship_city", ["Busan", "Osaka"], "2010"), ("sister_city", ["Busan", "Fukuoka"], "2007")]


def test_sister_cities_of_a_city_listed_after_a_colon_are_its_ties():
    found = _agreements("Busan news\nSister cities of Busan: Fukuoka, Shanghai, Barcelona.\n")
    assert sorted(parties for _kind, parties, _ in found) == [["Barcelona", "Busan"], ["Busan", "Fukuoka"],
                                                              ["Busan", "Shanghai"]]
    found = _agreements("Seattle news\nKobe, a sister city of Seattle, sent a delegation to Tacoma.\n")
    assert [parties for _kind, parties, _ in found] == [["Kobe", "Seattle"]]


def test_a_misspelt_partner_of_a_tie_is_the_other_city_the_article_names():
    found = _agreements("Jeonju news\nKanazwaa has been the sister city of Jeonju since May 2002. Kanazawa is a city "
                        "in Japan. Students of Kanazawa visited Jeonju.\n", "2018-10-30")
    assert found == [("sister_city", ["Jeonju", "Kanazawa"], "2002-05")]


def test_an_agreement_signed_with_sister_city_x_is_that_agreement_besides_the_tie():
    found = _agreements("Busan news\nBusan signed an economic cooperation agreement with sister city Fukuoka on May 3.\n")
    assert found == [("business_agreement", ["Busan", "Fukuoka"], "2024-05-03"),
                     ("sister_city", ["Busan", "Fukuoka"], None)]
    assert _agreements("Busan news\nBusan signed a friendship city agreement with Osaka on May 3.\n") == \
        [("friendship_city", ["Busan", "Osaka"], "2024-05-03")]


def test_the_two_cities_upgrading_their_tie_is_read_without_failing():
    result = extract("Chengdu news\nChengdu and Chiang Mai signed a friendship city agreement in 2015.\n"
                     "The two cities will upgrade their friendly cooperation relations to sister city relations.\n",
                     "2024-05-10")
    assert result.warnings == []
    assert sorted((a.type, a.date, a.status) for a in result.agreements) == \
        [("friendship_city", "2015", "signed"), ("sister_city", None, "planned")]


def test_entering_a_phase_of_friendly_relations_after_a_tie_adds_no_friendship_tie():
    result = extract("Chengdu news\nChengdu signed a sister city agreement with Chiang Mai on March 30.\n"
                     "Under their new sister city relations, the two cities now enter a phase of friendly relations.\n",
                     "2024-05-10")
    assert [(a.type, a.date) for a in result.agreements] == [("sister_city", "2024-03-30")]


def test_a_relative_clause_naming_an_earlier_tie_is_read_apart_with_its_own_date():
    found = _agreements("Busan news\nBusan, which signed a sister city agreement with Fukuoka in 2007, signed an MOU "
                        "with Osaka on May 3.\n")
    assert found == [("mou", ["Busan", "Osaka"], "2024-05-03"), ("sister_city", ["Busan", "Fukuoka"], "2007")]


def test_a_tie_made_some_years_ago_is_dated_by_the_year_counted_back():
    found = _agreements("Busan news\nBusan and Fukuoka, which became sister cities 17 years ago, held a forum on May 3.\n")
    assert found == [("sister_city", ["Busan", "Fukuoka"], "2007")]


def test_a_deal_inked_is_a_cooperation_agreement():
    assert _agreements("Hanoi news\nHanoi and Seoul inked a deal on urban railway cooperation on May 3.\n") == \
        [("business_agreement", ["Hanoi", "Seoul"], "2024-05-03")]


def test_the_period_an_agreement_covers_is_not_its_date():
    assert _agreements("Hanoi news\nHanoi and Seoul signed a cooperation agreement for 2024-2026.\n") == \
        [("business_agreement", ["Hanoi", "Seoul"], None)]
    assert _agreements("Hanoi news\nHanoi and Seoul signed a sister city agreement in 1996-97.\n") == \
        [("sister_city", ["Hanoi", "Seoul"], "1996")]


def test_a_declaration_of_intent_is_a_letter_of_intent_and_a_joint_communique_a_joint_statement():
    assert _agreements("Stuttgart news\nStuttgart and Cardiff signed a declaration of intent on cultural exchange "
                       "on May 3.\n") == [("mou", ["Cardiff", "Stuttgart"], "2024-05-03")]
    assert _agreements("Stuttgart news\nStuttgart and Cardiff issued a joint communique on climate cooperation "
                       "on May 3.\n") == [("other", ["Cardiff", "Stuttgart"], "2024-05-03")]


def test_one_agreement_among_three_cities_is_multilateral():
    found = _agreements("Capitals news\nCanberra, Auckland and Wellington signed an agreement on climate resilience "
                        "on May 3.\n")
    assert found == [("other", ["Auckland", "Canberra", "Wellington"], "2024-05-03")]


def test_an_instrument_that_would_be_signed_or_is_sought_is_planned():
    for text in ("It was agreed that the MOU between Busan and Fukuoka would be signed next year.\n",
                 "Busan and Fukuoka are seeking to establish sister city ties.\n",
                 "Busan and Fukuoka discussed the possibility of becoming sister cities.\n"):
        result = extract("Busan news\n" + text, "2024-05-10")
        assert [a.status for a in result.agreements] == ["planned"], text
    result = extract("Busan news\nBusan signed an MOU with Fukuoka on May 3 and hopes to expand exchanges.\n",
                     "2024-05-10")
    assert [a.status for a in result.agreements] == ["signed"]


def test_a_city_and_two_bodies_signing_one_mou_are_its_three_parties():
    found = _agreements("Busan news\nBusan Metropolitan City, Busan Port Authority and the Port of Koper signed a "
                        "tripartite MOU on May 3.\n")
    assert found == [("mou", ["Busan", "Busan Port Authority", "Port of Koper"], "2024-05-03")]
    found = _agreements("Port news\nBusan Port Authority signed an MOU with the Port of Koper in Koper on May 3.\n")
    assert found == [("mou", ["Busan Port Authority", "Port of Koper"], "2024-05-03")]
