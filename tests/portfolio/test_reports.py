"""Reports: a city's yearly exchange report and an alliance's progress report, as HTML, PDF and XLSX."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from amity.core.partialdate import PartialDate
from amity.portfolio.reports.alliance import progress_report
from amity.portfolio.reports.city import city_report
from amity.portfolio.reports.fonts import korean_font
from amity.portfolio.reports.render import render
from amity.portfolio.services import add_agenda_item, decide
from amity.registry import models as m
from amity.registry import services

from .conftest import engagement, place


def table(report, heading):
    return next(t for t in report.tables if t.heading.startswith(heading))


@pytest.fixture
def busan_year(busan_koper):
    """Busan in 2024: a visit to Koper (out), a delegation received (in), a renewal, follow-ups."""
    busan, koper = place("Busan"), place("Koper", "SI")
    out = engagement("2024-05-02", title="Busan delegation to Koper", where=koper, type="visit")
    out.participants.create(place=busan, role="delegation")
    received = engagement("2024-09", title="Koper port delegation", where=busan, type="visit")
    received.participants.create(place=koper, role="guest")
    services.set_agreement_status(busan_koper, "renewed", "2024-06-22", actor="user:test")
    services.create(m.FollowUp, action="Open a Koper desk", due=PartialDate.parse("2024-12"), status="done",
                    engagement=out, actor="user:test")
    return busan


def test_city_exchange_report_figures(busan_year):
    report = city_report(busan_year, 2024)
    summary = dict(table(report, "Summary").rows)
    assert summary["Partners"] == 1 and summary["Engagements in 2024"] == 2
    assert summary["Delegations received (in)"] == 1 and summary["Delegations sent (out)"] == 1
    assert summary["Agreements signed or renewed in 2024"] == 1
    assert summary["Follow-ups done"] == 1 and summary["Follow-ups open"] == 1   # the demo's open invitation
    [partner] = table(report, "Partners").rows
    assert partner[0] == "Koper" and partner[5] == 2
    assert table(report, "Delegations").rows[0] == ["Koper", 1, 1, 2]
    assert "Dormant when" in table(report, "Partners").note


def test_alliance_progress_report(haeoreum):
    belt = m.Project.objects.get(name="Eco-friendly high-tech industrial belt")
    services.update(belt, status="completed")
    services.create(m.Milestone, project=belt, name="Plan", due="2019-06", done="2019-05", progress=100)
    services.create(m.Milestone, project=belt, name="Permit", due="2020", done="2021-02", progress=100)
    services.create(m.Milestone, project=belt, name="Works", due="2021-03", progress=30)
    council = m.Engagement.objects.get(alliance=haeoreum)
    decide(add_agenda_item(council, "Belt"), "Continue")
    report = progress_report(haeoreum)
    summary = dict(table(report, "Summary").rows)
    assert summary["Projects completed"] == 1 and summary["Projects active"] == 2
    assert summary["Milestones met"] == 2 and summary["Milestones met late"] == 1 and summary["Milestones late"] == 1
    by_field = table(report, "Projects by field").rows
    assert ["Industry", 0, 0, 1, 0, 1] in by_field and by_field[-1] == ["All fields", 0, 2, 1, 0, 3]
    [meeting] = table(report, "Meetings").rows
    assert meeting[-2:] == [1, 1]


def test_xlsx_report_opens_with_numbers(busan_year):
    book = load_workbook(io.BytesIO(render(city_report(busan_year, 2024), "xlsx")))
    assert "Summary" in book.sheetnames and "Partners" in book.sheetnames
    rows = list(book["Summary"].iter_rows(values_only=True))
    assert rows[0] == ("Figure", "Value") and ("Partners", 1) in rows


def test_xlsx_keeps_formula_like_text_as_text(haeoreum):
    services.create(m.Project, name="=HYPERLINK(\"http://x\")", alliance=haeoreum)
    book = load_workbook(io.BytesIO(render(progress_report(haeoreum), "xlsx")))
    cells = [c for row in book["Projects"].iter_rows() for c in row if str(c.value).startswith("=HYPER")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_html_report_escapes_article_text(haeoreum):
    services.create(m.Project, name="<img src=x onerror=alert(1)>", alliance=haeoreum)
    html = render(progress_report(haeoreum), "html").decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html


def _rasterise_first_page(pdf: bytes):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=1).to_pil().convert("L")
        text = "\n".join(p.get_textpage().get_text_range() for p in document)
    finally:
        document.close()
    return image, text


def test_pdf_report_renders(haeoreum):
    services.create(m.Project, name="Haeoreum tourism pass 해오름 관광 패스", alliance=haeoreum,
                    field=m.Field.objects.get(code="tourism"))
    belt = m.Project.objects.get(name="Eco-friendly high-tech industrial belt")
    services.create(m.ProjectMember, project=belt, place=place("Ulsan"), role="lead", budget_share=Decimal("2500000"),
                    budget_currency="KRW")
    pdf = render(progress_report(haeoreum), "pdf")
    assert pdf.startswith(b"%PDF")
    image, text = _rasterise_first_page(pdf)
    histogram = image.histogram()
    dark = sum(histogram[:128])
    assert dark > 2000, "the first page is blank"
    assert "Haeoreum Alliance progress report" in text
    assert korean_font(), "the shipped Korean font is missing or unreadable"
    assert "해오름" in text and "No Korean-capable TrueType font" not in text


def test_report_pages_and_downloads(busan_year, haeoreum, as_role):
    viewer = as_role("viewer")
    page = viewer.get(f"/portfolio/reports/city/{busan_year.pk}/?year=2024").content.decode()
    assert "Busan exchange report 2024" in page and "Koper" in page
    response = viewer.get(f"/portfolio/reports/city/{busan_year.pk}/?year=2024&format=pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    response = viewer.get(f"/portfolio/reports/alliance/{haeoreum.pk}/?format=xlsx")
    assert "spreadsheetml" in response["Content-Type"] and "attachment" in response["Content-Disposition"]
    assert viewer.get(f"/portfolio/reports/city/?place={busan_year.pk}&year=2024&format=pdf").status_code == 302
    assert "Reports" in viewer.get("/portfolio/reports/").content.decode()


def test_report_cli(busan_year, haeoreum, tmp_path, capsys):
    from amity.cli import main

    out = tmp_path / "busan.pdf"
    assert main(["report", "city", "Busan", "--year", "2024", "--format", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    out = tmp_path / "haeoreum.xlsx"
    assert main(["report", "alliance", "Haeoreum Alliance", "--format", "xlsx", "-o", str(out)]) == 0
    assert "Projects" in load_workbook(out).sheetnames
    assert main(["report", "city", "Busan", "--year", "2024"]) == 0
    assert "Busan exchange report 2024" in capsys.readouterr().out
    assert main(["report", "alliance", "No Such Alliance"]) == 1


def test_pdf_without_a_korean_font_says_so(haeoreum, monkeypatch):
    from amity.portfolio.reports import fonts, pdf

    monkeypatch.setattr(pdf, "body_font", lambda: (fonts.FALLBACK, "No Korean-capable TrueType font was found"))
    services.create(m.Project, name="해오름 관광 패스", alliance=haeoreum)
    image, text = _rasterise_first_page(render(progress_report(haeoreum), "pdf"))
    assert "No Korean-capable TrueType font" in text and sum(image.histogram()[:128]) > 2000


def test_city_report_reads_korean_in_a_korean_session(busan_year):
    """Headings, columns, choice labels and names in Korean, in the XLSX as on the page."""
    from django.utils import translation

    busan_year.aliases = [*busan_year.aliases, "부산광역시"]
    busan_year.save(update_fields=["aliases"])
    with translation.override("ko"):
        report = city_report(busan_year, 2024)
        book = load_workbook(io.BytesIO(render(report, "xlsx")))
    assert report.title == "부산광역시 2024년 국제교류 보고서"
    assert book.sheetnames[0] == "보고서" and {"개요", "파트너", "2024년 교류"} <= set(book.sheetnames)
    partners = table(report, "파트너")
    assert partners.columns[:3] == ["파트너", "국가", "협정"]
    assert partners.rows and all(row[2] in {"자매도시", "우호협력도시", "양해각서(MOU)", "업무협약", "기타 협정"}
                                 and row[4] in {"체결 예정", "체결", "격상", "갱신", "휴면", "종료"}
                                 for row in partners.rows)
