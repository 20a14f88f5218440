"""Invented press releases in the style of Korean city news (real city names,
invented officials and events)."""

MEETING = (
    " date 2024-05-17 Min-ho Kang, the Mayor of Daejeon, and Anna Kowalska, the Ambassador of Poland "
    "to Korea, held a meeting at City Hall on Thursday at 3 p.m.\n\n"
    "The two sides discussed cooperation between Daejeon and the Polish city of Wroclaw in science, "
    "technology and education.\n\n"
    "Mayor Kang recalled the friendship city agreement between Daejeon and Wroclaw signed on March 3, 2019.\n\n"
    "Ambassador Kowalska later visited the Daejeon Institute of Science and Technology.\n\n"
    "Mayor Kang said he hopes to invite a Wroclaw delegation to Daejeon next year.\n"
)

ALLIANCE = (
    "Jeonju, Gunsan and Iksan officials gather for joint workshop\n"
    "The Saemangeum Cities Alliance, consisting of the three cities of Jeonju, Gunsan and Iksan, held a "
    "working-level workshop at the Riviera Hotel in Jeonju on the 12th.\n"
    "The event, attended by more than 80 officials, featured lectures on joint projects.\n"
    "Park Ji-hoon, Director of the Regional Policy Division at the Jeonbuk Research Institute, gave the keynote.\n"
    "The alliance was established in March 2019 and is promoting 20 projects across four fields.\n"
    "© The Jeonbuk Daily(www.example.kr). All rights reserved.\n"
)

SISTER = (
    "Gimhae and Haikou sign sister city agreement\n\n"
    "Gimhae City in South Gyeongsang Province signed a sister city agreement with Haikou, China, "
    "on June 5, 2023. Gimhae Mayor Hong Tae-yong and Haikou Mayor Ding Hui signed the agreement at "
    "Gimhae City Hall.\n\n"
    "The two cities will also sign a memorandum of understanding on tourism next year.\n"
)

MARKDOWN = (
    "# Jeonju signs friendship city agreement with Tours, France\n\n"
    "**Jeonju, Oct. 8** — Jeonju City announced on the 8th that Mayor Woo Beom-ki signed a friendship city "
    "agreement with Emmanuel Denis, Mayor of Tours, at Tours City Hall on the 6th (local time).\n\n"
    "Jeonju, a UNESCO Creative City of Gastronomy, and Tours agreed to run a youth exchange program from "
    "next year.\n"
)
