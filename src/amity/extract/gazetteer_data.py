"""Curated name lists the packages do not carry: common country names, demonyms,
abbreviations, and English words that are also names of small cities."""

from __future__ import annotations

# Short names people write, where pycountry's name is formal ("Korea, Republic of").
COMMON_NAMES: dict[str, str] = {
    "KR": "Korea", "KP": "North Korea", "US": "United States", "GB": "United Kingdom", "RU": "Russia",
    "VN": "Vietnam", "TW": "Taiwan", "IR": "Iran", "SY": "Syria", "LA": "Laos", "BO": "Bolivia",
    "VE": "Venezuela", "TZ": "Tanzania", "CZ": "Czech Republic", "TR": "Turkey", "MD": "Moldova",
    "FM": "Micronesia", "PS": "Palestine", "BN": "Brunei", "CD": "DR Congo", "CG": "Congo",
    "MK": "North Macedonia", "CI": "Ivory Coast", "VA": "Vatican", "NL": "Netherlands",
}

# Extra ways of writing a country (matched case-insensitively, capitalised in text).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "KR": ["Korea", "South Korea", "Republic of Korea", "S. Korea"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "US": ["United States", "United States of America", "America"],
    "GB": ["United Kingdom", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "CN": ["China", "People's Republic of China", "Mainland China"],
    "RU": ["Russia", "Russian Federation"], "VN": ["Vietnam", "Viet Nam"], "TW": ["Taiwan"],
    "CZ": ["Czech Republic", "Czechia"], "TR": ["Turkey", "Türkiye"], "NL": ["Netherlands", "Holland"],
    "IR": ["Iran"], "LA": ["Laos"], "SY": ["Syria"], "MM": ["Myanmar", "Burma"], "CI": ["Ivory Coast"],
    "CV": ["Cape Verde"], "SZ": ["Swaziland", "Eswatini"], "MK": ["North Macedonia", "Macedonia"],
    "PH": ["Philippines", "the Philippines"], "AE": ["UAE", "United Arab Emirates"],
}

# Abbreviations are matched only exactly as written (so "US" but never "us").
COUNTRY_ABBREVIATIONS: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A."], "GB": ["UK", "U.K."], "KR": ["ROK", "R.O.K."],
    "CN": ["PRC"], "AE": ["UAE"], "KP": ["DPRK"],
}

DEMONYMS: dict[str, list[str]] = {
    "KR": ["Korean", "South Korean"], "KP": ["North Korean"], "JP": ["Japanese"], "CN": ["Chinese"],
    "TW": ["Taiwanese"], "MN": ["Mongolian"], "VN": ["Vietnamese"], "TH": ["Thai"], "KH": ["Cambodian"],
    "LA": ["Laotian"], "MM": ["Burmese"], "MY": ["Malaysian"], "SG": ["Singaporean"],
    "ID": ["Indonesian"], "PH": ["Filipino", "Philippine"], "IN": ["Indian"], "PK": ["Pakistani"],
    "BD": ["Bangladeshi"], "LK": ["Sri Lankan"], "NP": ["Nepali", "Nepalese"], "KZ": ["Kazakh", "Kazakhstani"],
    "UZ": ["Uzbek"], "KG": ["Kyrgyz"], "TJ": ["Tajik"], "TM": ["Turkmen"], "AF": ["Afghan"],
    "IR": ["Iranian"], "IQ": ["Iraqi"], "SA": ["Saudi"], "AE": ["Emirati"], "QA": ["Qatari"],
    "KW": ["Kuwaiti"], "OM": ["Omani"], "JO": ["Jordanian"], "LB": ["Lebanese"], "IL": ["Israeli"],
    "TR": ["Turkish"], "EG": ["Egyptian"], "MA": ["Moroccan"], "DZ": ["Algerian"], "TN": ["Tunisian"],
    "NG": ["Nigerian"], "KE": ["Kenyan"], "ET": ["Ethiopian"], "GH": ["Ghanaian"], "TZ": ["Tanzanian"],
    "UG": ["Ugandan"], "RW": ["Rwandan"], "ZA": ["South African"], "ZW": ["Zimbabwean"], "SN": ["Senegalese"],
    "US": ["American"], "CA": ["Canadian"], "MX": ["Mexican"], "BR": ["Brazilian"], "AR": ["Argentine", "Argentinian"],
    "CL": ["Chilean"], "PE": ["Peruvian"], "CO": ["Colombian"], "VE": ["Venezuelan"], "EC": ["Ecuadorian"],
    "BO": ["Bolivian"], "PY": ["Paraguayan"], "UY": ["Uruguayan"], "CU": ["Cuban"], "GT": ["Guatemalan"],
    "CR": ["Costa Rican"], "PA": ["Panamanian"], "AU": ["Australian"], "NZ": ["New Zealander"], "FJ": ["Fijian"],
    "GB": ["British", "Scottish", "Welsh"], "IE": ["Irish"], "FR": ["French"], "DE": ["German"],
    "IT": ["Italian"], "ES": ["Spanish"], "PT": ["Portuguese"], "NL": ["Dutch"], "BE": ["Belgian"],
    "CH": ["Swiss"], "AT": ["Austrian"], "SE": ["Swedish"], "NO": ["Norwegian"], "DK": ["Danish"],
    "FI": ["Finnish"], "IS": ["Icelandic"], "PL": ["Polish"], "CZ": ["Czech"], "SK": ["Slovak", "Slovakian"],
    "HU": ["Hungarian"], "RO": ["Romanian"], "BG": ["Bulgarian"], "GR": ["Greek"], "HR": ["Croatian"],
    "RS": ["Serbian"], "SI": ["Slovenian", "Slovene"], "BA": ["Bosnian"], "AL": ["Albanian"],
    "UA": ["Ukrainian"], "BY": ["Belarusian"], "RU": ["Russian"], "LT": ["Lithuanian"], "LV": ["Latvian"],
    "EE": ["Estonian"], "GE": ["Georgian"], "AM": ["Armenian"], "AZ": ["Azerbaijani"], "MD": ["Moldovan"],
    "CY": ["Cypriot"], "MT": ["Maltese"], "LU": ["Luxembourgish"],
}

# Country names that are also ordinary words or first names: never matched alone.
COUNTRY_NAME_STOP = {"Chad", "Jordan", "Georgia", "Guinea", "Niger", "Lao"}

# English words (and frequent name parts) that are also names of cities in GeoNames.
CITY_STOPWORDS = {
    "of", "split", "nice", "police", "mobile", "most", "male", "bar", "along", "university", "union",
    "independence", "enterprise", "commerce", "industry", "progress", "opportunity", "march", "may",
    "young", "wells", "eagle", "hope", "deal", "sale", "hull", "ocean", "marathon", "forum", "orange",
    "reading", "bath", "battle", "mercedes", "victoria", "concord", "liberty", "unity", "harmony",
    "paradise", "friendship", "welcome", "corona", "mission", "delta", "golden", "summit", "federal",
    "central", "capital", "ciudad", "university park", "college", "pleasant", "fortune", "rocky",
    "media", "san", "santa", "la", "el", "los", "le", "man", "best", "ham", "bay", "win", "gap",
    "time", "post", "rest", "says", "said", "dong", "nam", "gu", "buk", "jung", "tung", "hong",
    "song", "ha", "na", "ma", "da", "hai", "long", "tan", "minh", "van", "thi", "kim", "lee", "park",
    "chang", "jang", "cheng", "wan", "yang", "sung", "bang", "cha", "sin", "ho", "an", "ban", "bo",
    "san jose", "asia", "europe", "africa", "america", "pacific", "atlantic", "north", "south",
    "east", "west", "city", "town", "port", "expo", "smart", "green", "hall", "center", "centre",
    "world", "global", "international", "national", "new", "old", "home", "trade", "start",
    "nagar", "ku", "shi", "gun", "si", "do", "chuo", "minato", "naka",
    "kita", "higashi", "nishi", "minami", "sakae", "fuji", "universal", "cooperation", "sister",
    "alliance", "temple", "surprise", "normal", "eden", "vista", "marina", "beach", "energy", "reform",
    "chandler", "irving", "tyler", "carson", "logan", "madison", "marion", "warren", "troy", "florence",
    "eugene", "aurora", "lawrence", "clinton", "franklin", "hamilton", "wilson", "douglas", "dean",
    "jackson", "lincoln", "charlotte", "kent", "york", "bristol", "camden", "salem", "phoenix", "mesa",
    "to", "un", "gift", "rich", "darling", "fame", "glory", "success",
    "pride", "ede", "lake", "river", "island", "mountain", "valley", "rainbow",
    "sun city", "silver", "gold", "diamond", "crystal", "spring", "winter", "summer", "autumn",
    # a job title's last word and a prefix of metropolitan areas: "Chief Executive Officer Tevita B.",
    # "Metro Cebu", never the towns Officer (Victoria) or Metro (Lampung) in these articles
    "officer", "metro",
}

# Words that, written before "City"/"County", name no place ("Smart City", "Sister City").
DESIGNATOR_STOP = {
    "smart", "sister", "friendship", "friendly", "twin", "partner", "host", "capital", "global", "model",
    "future", "creative", "green", "port", "expo", "member", "home", "inner", "mother", "free", "open",
    "garden", "forbidden", "eco", "delta", "the", "this", "that", "our", "its", "their", "his", "her",
    "each", "every", "one", "two", "three", "four", "five", "both", "other", "a", "an", "metropolitan",
    "special", "self-governing", "autonomous", "city", "county", "province", "prefecture", "town",
    "mayor", "governor", "light", "new", "old", "big", "major", "world", "international", "national",
    "central", "border", "coastal", "cultural", "historic", "industrial", "sustainable", "digital",
    "tourism", "living", "dream", "safe", "happy", "clean", "cooperative", "cooperation", "agreement",
    "sisterhood", "relations", "exchange", "innovation", "data", "science", "design",
    # what kind of city a place is ("the Province's Top Agricultural City", "our Learning City"), not its name
    "agricultural", "business", "economic", "financial", "commercial", "educational", "tourist", "learning",
    "healthy", "livable", "resilient", "peace", "sports", "startup", "maritime", "medical", "gastronomy",
}

# ISO 3166-2 names some subdivisions only in the local language; English pages use these names
SUBDIVISION_ENGLISH_NAMES: dict[str, str] = {
    "Bayern": "Bavaria", "Niedersachsen": "Lower Saxony", "Nordrhein-Westfalen": "North Rhine-Westphalia",
    "Sachsen": "Saxony", "Sachsen-Anhalt": "Saxony-Anhalt", "Thüringen": "Thuringia", "Hessen": "Hesse",
    "Rheinland-Pfalz": "Rhineland-Palatinate", "Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania",
    "Lombardia": "Lombardy", "Piemonte": "Piedmont", "Toscana": "Tuscany", "Sardegna": "Sardinia",
    "Sicilia": "Sicily", "Puglia": "Apulia", "Kärnten": "Carinthia", "Steiermark": "Styria", "Tirol": "Tyrol",
    "Bretagne": "Brittany", "Normandie": "Normandy", "Andalucía": "Andalusia",
}
