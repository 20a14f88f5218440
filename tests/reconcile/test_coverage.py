"""Coverage statements: each figure with its rule; the rule decides what a planned or dormant tie adds."""

import datetime as dt

import pytest

from amity.reconcile.coverage import coverage
from amity.reconcile.lists import read_list
from amity.reconcile.take import take_rows
from tests.reconcile.conftest import gaok_xlsx

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2026, 6, 30)


def test_planned_and_dormant_ties_are_not_counted_as_partner_cities(registry):
    from amity.registry import models as m
    from amity.registry import services

    busan = registry["places"]["busan"]
    statement = coverage(busan, as_of=AS_OF)
    assert statement.figure("sister city").count == 4
    assert "signed, upgraded or renewed" in statement.figure("sister city").rule
    assert statement.figure("memorandum of understanding").count == 1

    services.set_agreement_status(registry["agreements"]["vladivostok"], "dormant", "2020", actor="user:officer")
    planned = services.create(m.Agreement, actor="user:officer", type="sister_city", status="planned")
    services.create(m.AgreementParty, actor="user:officer", agreement=planned, place=busan)
    services.create(m.AgreementParty, actor="user:officer", agreement=planned, place=registry["places"]["osaka"])
    statement = coverage(busan, as_of=AS_OF)
    assert statement.figure("sister city").count == 3
    assert (statement.figure("dormant").count, statement.figure("planned").count) == (1, 1)
    assert str(statement.figure("with a signing date")) == (
        "with a signing date: 4 of 4 (100%) — counted ties whose signing date is known, at least to the year")
    assert statement.figure("with a source document").count == 0  # all entered by hand
    # the whole registry and the country count the same ties here; another country has none of them
    assert coverage(None, as_of=AS_OF).figure("sister city").count == 3
    assert coverage("SI", as_of=AS_OF).figure("sister city").count == 1
    slovenia = m.Place.objects.get(kind="country", country_code="SI")  # a country's page counts the country
    assert coverage(slovenia, as_of=AS_OF).figure("sister city").count == 1


def test_ties_without_recent_engagements_and_the_last_list(registry):
    from amity.registry import models as m
    from amity.registry import services

    busan, koper = registry["places"]["busan"], registry["places"]["koper"]
    visit = services.create(m.Engagement, actor="user:officer", type="visit", date="2025-05", place=koper)
    services.create(m.EngagementParticipant, actor="user:officer", engagement=visit, place=busan)
    services.create(m.Engagement, actor="user:officer", type="meeting", date="2019-02-01",
                    agreement=registry["agreements"]["fukuoka"])
    statement = coverage(busan, as_of=AS_OF, quiet_years=3)
    quiet = {str(tie).split(" (")[0]: tie.last_engagement for tie in statement.quiet}
    assert quiet == {"Busan – Seattle": "", "Busan – Fukuoka": "2019-02-01", "Busan – Vladivostok": "",
                     "Busan – Osaka": ""}
    assert "no engagement since 2023-06-30" in statement.quiet_rule
    assert "last reconciled list: none" in "\n".join(statement.lines())

    take_rows(read_list(gaok_xlsx(), "busan.xlsx"), [4], actor="user:officer")
    lines = "\n".join(coverage(busan, as_of=AS_OF).lines())
    assert ("names 4 ties of this scope — matched: 1, conflicting: 2, only in the list: 1, only in Amity: 1"
            in lines)


def test_the_city_report_carries_the_coverage_statement(registry):
    from amity.portfolio.reports.city import city_report

    table = city_report(registry["places"]["busan"], 2024).tables[-1]
    assert table.heading == "Coverage: what these figures count"
    sister = next(row for row in table.rows if row[0] == "sister city")
    assert sister[1] == 4 and "signed, upgraded or renewed" in sister[2]
