"""Yearly versions of a project list: continued, new, finished, dropped; stated beside kept."""

from amity.core.models import ChangeLog
from amity.portfolio.history import year_changes
from amity.portfolio.models import PortfolioYear
from amity.portfolio.services import record_year
from amity.registry import models as m
from amity.registry import services


def project(alliance, name, status="active"):
    return services.create(m.Project, name=name, alliance=alliance, status=status, actor="user:test")


def test_year_to_year_changes(haeoreum):
    a, b, c, d = (project(haeoreum, name) for name in ("A", "B", "C", "D"))
    record_year(haeoreum, 2016, statuses={a.pk: "active", b.pk: "active", c.pk: "active"}, stated_count=20,
                source="press release 2016", actor="user:sec")
    record_year(haeoreum, 2017, statuses={a.pk: "active", b.pk: "completed", d.pk: "proposed"}, stated_count=22,
                actor="user:sec")
    record_year(haeoreum, 2018, statuses={a.pk: "dropped", d.pk: "active"}, stated_count=30, actor="user:sec")
    first, second, third = year_changes(haeoreum)
    assert [p.name for p in first.new] == ["A", "B", "C"] and first.stated == 20 and first.kept == 3
    assert first.gap == 17
    assert [p.name for p in second.continued] == ["A"]
    assert [p.name for p in second.finished] == ["B"]
    assert [p.name for p in second.new] == ["D"]
    assert [p.name for p in second.gone] == ["C"]          # on 2016's list, missing from 2017's
    assert [p.name for p in third.dropped] == ["A"]
    assert [p.name for p in third.continued] == ["D"]
    assert third.gone == []                                 # B had finished: not "no longer listed"
    assert ChangeLog.objects.filter(actor="user:sec", content_type__model="portfolioentry").exists()


def test_recording_a_year_again_replaces_its_list(haeoreum):
    a, b = project(haeoreum, "A"), project(haeoreum, "B")
    record_year(haeoreum, 2020, statuses={a.pk: "active", b.pk: "active"}, stated_count=43)
    record_year(haeoreum, 2020, statuses={a.pk: "completed"}, stated_count=43)
    year = PortfolioYear.objects.get(alliance=haeoreum, year=2020)
    assert [(e.project.name, e.status) for e in year.entries.all()] == [("A", "completed")]


def test_years_page_and_keeping_the_current_list(haeoreum, as_role):
    editor = as_role("editor")
    response = editor.post(f"/portfolio/projects/alliance/{haeoreum.pk}/years/",
                           {"year": 2024, "stated_count": 36, "source": "Ulsan press release <b>"})
    assert response.status_code == 302
    year = PortfolioYear.objects.get(alliance=haeoreum, year=2024)
    assert year.entries.count() == 3 and year.stated_count == 36
    page = editor.get(f"/portfolio/projects/alliance/{haeoreum.pk}/years/").content.decode()
    assert "36" in page and "Ulsan press release &lt;b&gt;" in page


def test_viewer_cannot_keep_a_year(haeoreum, as_role):
    response = as_role("viewer").post(f"/portfolio/projects/alliance/{haeoreum.pk}/years/", {"year": 2024})
    assert response.status_code == 403
    assert not PortfolioYear.objects.exists()


def test_portfolio_page_by_field_lead_and_budget(haeoreum, as_role):
    from decimal import Decimal

    from .conftest import place

    belt = m.Project.objects.get(name="Eco-friendly high-tech industrial belt")
    services.create(m.ProjectMember, project=belt, place=place("Ulsan"), role="lead",
                    budget_share=Decimal("1500000"), budget_currency="KRW", actor="user:test")
    services.create(m.Milestone, project=belt, name="Feasibility study", due="2020-06", progress=40, actor="user:test")
    page = as_role("viewer").get(f"/portfolio/projects/alliance/{haeoreum.pk}/?field=industry").content.decode()
    assert "Eco-friendly high-tech industrial belt" in page and "World-class cultural tourism area" not in page
    assert "Ulsan" in page and "KRW" in page and "Feasibility study" in page and "late" in page
    assert "1,500,000 KRW" in page          # the members table sums budget shares per currency
    ulsan = place("Ulsan").pk
    page = as_role("viewer").get(f"/portfolio/projects/alliance/{haeoreum.pk}/?member={ulsan}").content.decode()
    assert "Eco-friendly high-tech industrial belt" in page and "Ultra-wide transportation network" not in page


def test_partnership_portfolio_pages(busan_koper, as_role):
    from amity.portfolio.imports import files
    from amity.portfolio.imports.projects import apply_projects

    data = b"project,field,status,lead,partners\nPort data exchange,ports_logistics,active,Busan,Koper (SI)\n"
    preview = files.plan_file("projects", "p.csv", data, busan_koper)
    assert preview.ok
    apply_projects(preview, busan_koper, actor="user:intl", year=2024, stated_count=1)
    viewer = as_role("viewer")
    page = viewer.get(f"/portfolio/projects/agreement/{busan_koper.pk}/").content.decode()
    assert "Port data exchange" in page and "Koper (SI)" in page
    assert "Port data exchange" in viewer.get(f"/portfolio/reports/agreement/{busan_koper.pk}/").content.decode()
    assert viewer.get(f"/portfolio/projects/agreement/{busan_koper.pk}/years/").status_code == 200
    assert viewer.get("/portfolio/projects/nonsense/1/").status_code == 404
