"""`amity reconcile`, `amity coverage` and `amity network` on the test database (in-process)."""

import pytest

from amity.cli import main
from tests.reconcile.conftest import gaok_xlsx, plain_csv

pytestmark = pytest.mark.django_db


def test_reconcile_prints_the_summary_and_writes_the_report(registry, tmp_path, capsys):
    listed = tmp_path / "busan.xlsx"
    listed.write_bytes(gaok_xlsx())
    assert main(["reconcile", str(listed), "-o", str(tmp_path / "report.xlsx")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == ["matched: 1", "conflicting: 2", "only in the list: 1", "only in Amity: 1"]
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "report.xlsx").active
    categories = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(categories) == ["conflicting", "conflicting", "matched", "only in Amity", "only in the list"]


def test_reconcile_bad_input_and_keep(registry, tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["reconcile", str(empty)]) == 1
    assert "the file is empty" in capsys.readouterr().err
    assert main(["reconcile", str(tmp_path / "missing.csv")]) == 1
    assert "no such file" in capsys.readouterr().err
    plain = tmp_path / "plain.csv"
    plain.write_bytes(plain_csv())
    assert main(["reconcile", str(plain), "--format", "csv", "--keep"]) == 0
    assert "only in the list\trow 5\tno place in Amity matches 'Atlantis' (GR)" in capsys.readouterr().out
    assert main(["coverage", "Busan"]) == 0
    assert "last reconciled list: Partner list: plain.csv" in capsys.readouterr().out


def test_coverage_and_network_commands(registry, tmp_path, capsys):
    assert main(["coverage", "SI"]) == 0
    assert "sister city: 1 — agreements of type sister city" in capsys.readouterr().out
    assert main(["coverage", "Nowhere-upon-Sea"]) == 1
    assert "no place or country called 'Nowhere-upon-Sea'" in capsys.readouterr().err
    assert main(["network", "--format", "csv", "-o", str(tmp_path / "net.csv"), "--type", "sister_city"]) == 0
    assert (tmp_path / "net.edges.csv").read_text().count("\n") == 5
    assert main(["network", "--type", "twinning"]) == 1
    assert "unknown agreement type 'twinning'" in capsys.readouterr().err
    assert main(["network", "--since", "2016-13"]) == 1
