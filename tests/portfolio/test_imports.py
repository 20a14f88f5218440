"""Spreadsheet imports: preview with per-row errors, nothing written before confirmation, round trips."""

import io

import pytest
from openpyxl import Workbook

from amity.core.models import ChangeLog
from amity.portfolio.imports import files
from amity.portfolio.imports.partners import apply_partners
from amity.portfolio.imports.projects import apply_projects
from amity.portfolio.models import PortfolioYear
from amity.registry import models as m

from .conftest import place

PROJECTS_CSV = """project,field,status,start,end,lead,partners,budget
Joint tourism pass,tourism,active,2024-03,,Gyeongju,Pohang; Ulsan,Gyeongju=1000000 KRW; Ulsan=500000 KRW
해오름 자전거길,transport,추진중,2023,2026,Ulsan,Pohang,
"""

BAD_CSV = """project,field,status,start,end,lead,partners,budget
Good row,tourism,active,2024,,Pohang,,
,tourism,active,2024,,Pohang,,
Bad field,astrology,active,2024,,Pohang,,
Bad status,tourism,sleeping,2024,,Pohang,,
Bad date,tourism,active,2024-13,,Pohang,,
Unknown lead,tourism,active,2024,,Qwxyzburg,,
Bad budget,tourism,active,2024,,Pohang,,Pohang=lots
Good row,tourism,active,2024,,Pohang,,
"""


def xlsx(columns, rows, title="Sheet") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(columns)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_project_preview_then_apply(haeoreum):
    before = m.Project.objects.count()
    preview = files.plan_file("projects", "list.csv", PROJECTS_CSV.encode(), haeoreum)
    assert preview.ok and [row.action for row in preview.rows] == ["create", "create"]
    assert m.Project.objects.count() == before          # a preview writes nothing
    counts = apply_projects(preview, haeoreum, actor="user:sec", year=2024, stated_count=43, source="article")
    assert counts["created"] == 2
    pass_ = m.Project.objects.get(name="Joint tourism pass")
    members = {(str(x.place), x.role, x.budget_share) for x in pass_.members.all()}
    assert ("Gyeongju (KR)", "lead", 1000000) in members and ("Pohang (KR)", "partner", None) in members
    assert m.Project.objects.get(name="해오름 자전거길").status == "active"
    assert ChangeLog.objects.filter(actor="user:sec", object_id=pass_.pk, content_type__model="project").exists()
    year = PortfolioYear.objects.get(alliance=haeoreum, year=2024)
    assert year.stated_count == 43 and year.entries.count() == 2


def test_per_row_errors_name_row_column_and_problem(haeoreum):
    preview = files.plan_file("projects", "bad.csv", BAD_CSV.encode(), haeoreum)
    errors = {(e.row, e.column): e.message for e in preview.errors}
    assert set(errors) == {(3, "project"), (4, "field"), (5, "status"), (6, "start"), (7, "lead"), (8, "budget"),
                           (9, "project")}
    assert "astrology" in errors[(4, "field")] and "sleeping" in errors[(5, "status")]
    assert "month 13" in errors[(6, "start")] and "Qwxyzburg" in errors[(7, "lead")]
    assert "already on row 2" in errors[(9, "project")]
    assert str(preview.errors[0]).startswith("row 3, column project:")
    with pytest.raises(ValueError):
        apply_projects(preview, haeoreum, actor="user:sec")
    assert not m.Project.objects.filter(name="Good row").exists()


def test_file_level_problems():
    for name, data, message in [("x.csv", b"", "empty"), ("x.xlsx", b"PK\x03\x04garbage", "XLSX"),
                                ("x.pdf", b"%PDF-1.4", ".csv or .xlsx"), ("x.csv", b"\xff\xfe\x00\x00\x00", "")]:
        preview = files.plan_file("projects", name, data, None)
        assert not preview.ok and message in preview.errors[0].message


def test_cp949_csv_from_korean_excel(haeoreum):
    data = "사업명,분야,상태,주관\n관광 협력,tourism,완료,Pohang\n".encode("cp949")
    preview = files.plan_file("projects", "목록.csv", data, haeoreum)
    assert preview.ok and preview.rows[0].label == "관광 협력"
    assert preview.rows[0].values["fields"]["status"] == "completed"


def test_missing_required_column(haeoreum):
    preview = files.plan_file("projects", "x.csv", b"field,status\ntourism,active\n", haeoreum)
    assert [(e.row, e.column) for e in preview.errors] == [(1, "project")]


def test_xlsx_export_import_round_trip(haeoreum):
    preview = files.plan_file("projects", "list.csv", PROJECTS_CSV.encode(), haeoreum)
    apply_projects(preview, haeoreum, actor="user:sec")
    exported = files.export("projects", haeoreum, "xlsx")
    # Into the same alliance: every row is recognised and unchanged.
    again = files.plan_file("projects", "export.xlsx", exported, haeoreum)
    assert again.ok and {row.action for row in again.rows} == {"unchanged"} and len(again.rows) == 5
    # Into a new alliance of the same cities: the same projects, members and budget shares.
    other = m.Alliance.objects.create(name="Copy")
    for city in ("Pohang", "Ulsan", "Gyeongju"):
        other.members.create(place=place(city))
    copy = files.plan_file("projects", "export.xlsx", exported, other)
    assert copy.ok
    apply_projects(copy, other, actor="user:sec")
    assert files.export("projects", other, "csv") == files.export("projects", haeoreum, "csv")


def test_import_updates_a_changed_project(haeoreum):
    data = xlsx(["Project", "Field", "Status", "Lead"], [["World-class cultural tourism area", "tourism", "completed",
                                                          "Gyeongju"]], title="Projects")
    preview = files.plan_file("projects", "p.xlsx", data, haeoreum)
    [row] = preview.rows
    assert row.action == "update" and "status" in row.details[-1] and "members" in row.details[-1]
    apply_projects(preview, haeoreum, actor="user:sec")
    project = m.Project.objects.get(name="World-class cultural tourism area")
    assert project.status == "completed" and project.members.get().role == "lead"


def test_partner_list_import(demo):
    busan = place("Busan")
    data = xlsx(["Partner city", "Country", "Type", "Date"], [
        ["Koper", "SI", "friendship city", "2023-06-22"],          # already recorded
        ["Shanghai", "China", "자매도시", "1993.8.24"],
        ["Fukuoka", "JP", "sister_city", "2007"],
        ["Tinytown", "Slovenia", "MOU", "2020-05"],                # not in the gazetteer: a new place
        ["Nowhere", "Narnia", "sister city", "2020"],
        ["Osaka", "JP", "pen pals", "2020"],
    ])
    preview = files.plan_file("partners", "partners.xlsx", data, busan)
    assert [(e.row, e.column) for e in preview.errors] == [(6, "country"), (7, "type")]
    good = [row for row in preview.rows]
    assert [row.action for row in good] == ["unchanged", "create", "create", "create"]
    assert "new place" in " ".join(good[3].details)
    preview.errors.clear()      # import the good rows
    before = m.Agreement.objects.count()
    counts = apply_partners(preview, busan, actor="user:intl")
    assert counts == {"created": 3, "unchanged": 1, "new_places": 1}
    assert m.Agreement.objects.count() == before + 3
    shanghai = m.Agreement.objects.get(parties__place__name="Shanghai")
    assert shanghai.type == "sister_city" and shanghai.signed_date.isoformat() == "1993-08-24"
    assert m.Place.objects.get(name="Tinytown").country_code == "SI"
    exported = files.export("partners", busan, "xlsx")
    assert all(row.action == "unchanged" for row in files.plan_file("partners", "e.xlsx", exported, busan).rows)


def test_web_import_writes_nothing_until_confirmed(haeoreum, as_role):
    editor = as_role("editor")
    url = f"/portfolio/imports/projects/alliance/{haeoreum.pk}/"
    upload = io.BytesIO(PROJECTS_CSV.encode())
    upload.name = "list.csv"
    response = editor.post(url, {"file": upload, "year": 2024, "stated_count": 43})
    page = response.content.decode()
    assert response.status_code == 200 and "Nothing has been written yet" in page and "Joint tourism pass" in page
    assert not m.Project.objects.filter(name="Joint tourism pass").exists()
    token = response.context["token"]
    response = editor.post(url, {"token": token})
    assert response.status_code == 302
    assert m.Project.objects.filter(name="Joint tourism pass").exists()
    assert ChangeLog.objects.filter(actor="user:ed", content_type__model="project", action="create").count() == 2
    assert PortfolioYear.objects.get(alliance=haeoreum, year=2024).stated_count == 43
    assert editor.post(url, {"token": token + "x"}).status_code == 302     # an altered token is refused


def test_web_preview_shows_row_errors(haeoreum, as_role):
    upload = io.BytesIO(BAD_CSV.encode())
    upload.name = "bad.csv"
    page = as_role("editor").post(f"/portfolio/imports/projects/alliance/{haeoreum.pk}/", {"file": upload})
    text = page.content.decode()
    assert "7 problems" in text and "astrology" in text and "Confirm and import" not in text


def test_viewer_cannot_import(haeoreum, as_role):
    url = f"/portfolio/imports/projects/alliance/{haeoreum.pk}/"
    assert as_role("viewer").get(url).status_code == 403
    upload = io.BytesIO(PROJECTS_CSV.encode())
    upload.name = "list.csv"
    assert as_role("viewer").post(url, {"file": upload}).status_code == 403


def test_editor_is_limited_to_their_city(haeoreum, demo, as_role):
    busan, pohang = place("Busan"), place("Pohang")
    # A Busan editor may import Busan's partners but not Pohang's, nor the Haeoreum projects.
    assert as_role("busan_editor").get(f"/portfolio/imports/partners/place/{busan.pk}/").status_code == 200
    assert as_role("busan_editor").get(f"/portfolio/imports/partners/place/{pohang.pk}/").status_code == 403
    assert as_role("busan_editor").get(f"/portfolio/imports/projects/alliance/{haeoreum.pk}/").status_code == 403
    # A Pohang editor may import the alliance's list, but only rows that involve Pohang.
    upload = io.BytesIO(PROJECTS_CSV.encode())
    upload.name = "list.csv"
    response = as_role("pohang_editor").post(f"/portfolio/imports/projects/alliance/{haeoreum.pk}/", {"file": upload})
    assert response.status_code == 200 and response.context["preview"].ok
    only_ulsan = io.BytesIO(b"project,lead\nUlsan only,Ulsan\n")
    only_ulsan.name = "u.csv"
    response = as_role("pohang_editor").post(f"/portfolio/imports/projects/alliance/{haeoreum.pk}/", {"file": only_ulsan})
    [error] = response.context["preview"].errors
    assert (error.row, error.column) == (2, "lead") and "editing scope" in error.message


def test_sheet_cli_previews_then_writes(haeoreum, tmp_path, capsys):
    from amity.cli import main

    path = tmp_path / "list.csv"
    path.write_text(PROJECTS_CSV, encoding="utf-8")
    assert main(["sheet", "import", "projects", str(path), "--alliance", "Haeoreum Alliance"]) == 0
    assert "nothing was written" in capsys.readouterr().out
    assert not m.Project.objects.filter(name="Joint tourism pass").exists()
    assert main(["sheet", "import", "projects", str(path), "--alliance", "Haeoreum Alliance", "--yes"]) == 0
    assert m.Project.objects.filter(name="Joint tourism pass").exists()
    out = tmp_path / "export.xlsx"
    assert main(["sheet", "export", "projects", str(out), "--alliance", "Haeoreum Alliance"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    assert main(["sheet", "import", "projects", str(bad), "--alliance", "Haeoreum Alliance", "--yes"]) == 1
    assert "row 4, column field" in capsys.readouterr().err


def test_export_downloads_and_anonymous_access(haeoreum, as_role, client):
    from openpyxl import load_workbook

    from amity.accounts.models import SiteSettings

    viewer = as_role("viewer")
    response = viewer.get(f"/portfolio/exports/projects/alliance/{haeoreum.pk}/")
    assert "spreadsheetml" in response["Content-Type"]
    assert load_workbook(io.BytesIO(response.content))["Projects"]["A1"].value == "project"
    csv_text = viewer.get(f"/portfolio/exports/projects/alliance/{haeoreum.pk}/?format=csv").content.decode("utf-8-sig")
    assert csv_text.startswith("project,field,status")
    assert client.get(f"/portfolio/exports/projects/alliance/{haeoreum.pk}/").status_code == 302
    settings = SiteSettings.current()
    settings.public_read = True
    settings.save()
    assert client.get("/portfolio/").status_code == 200                     # public read: pages open
    response = client.get(f"/portfolio/imports/projects/alliance/{haeoreum.pk}/")     # public read never writes
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_korean_place_names_are_found(haeoreum):
    data = "사업명,주관,참여\n해오름 관광,경주시,포항; 울산\n".encode()
    [row] = files.plan_file("projects", "k.csv", data, haeoreum).rows
    assert [str(x["place"]) for x in row.values["members"]] == ["Gyeongju (KR)", "Pohang (KR)", "Ulsan (KR)"]


def test_oversized_and_html_files_are_refused(haeoreum, monkeypatch):
    from amity.portfolio.imports import reading

    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    preview = files.plan_file("projects", "big.csv", b"project\n" + b"x" * 200, haeoreum)
    assert "larger than" in preview.errors[0].message
    monkeypatch.undo()
    soup = b"<html><body><table><tr><td>project</td></tr></table></body></html>"
    preview = files.plan_file("projects", "page.csv", soup, haeoreum)
    assert not preview.ok and preview.errors[0].column == "project"      # no "project" column in HTML soup


def test_partner_cli_round_trip(demo, tmp_path, capsys):
    from amity.cli import main

    path = tmp_path / "partners.csv"
    assert main(["sheet", "export", "partners", str(path), "--city", "Busan"]) == 0
    assert "Koper,SI,friendship_city,2023-06-22" in path.read_text(encoding="utf-8-sig")
    path.write_text(path.read_text(encoding="utf-8-sig") + "Fukuoka,JP,sister city,2007,signed,\n", encoding="utf-8")
    assert main(["sheet", "import", "partners", str(path), "--city", "Busan", "--yes"]) == 0
    assert "1 created" in capsys.readouterr().out
    assert m.Agreement.objects.filter(parties__place__name="Fukuoka").exists()
