"""The comparison page: upload → comparison (nothing written) → take rows → claims in the inbox."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.reconcile.conftest import gaok_xlsx, plain_csv

pytestmark = pytest.mark.django_db


def _client(username, role):
    from tests.web.conftest import make_user

    client = Client()
    client.force_login(make_user(username, role))
    return client


def _upload(client, data: bytes, name: str, **extra):
    return client.post("/lists/compare/", {"action": "compare", "upload": SimpleUploadedFile(name, data), **extra})


def test_upload_compare_take_and_find_the_claims_in_the_inbox(registry):
    from amity.sources.models import Claim, Document

    reviewer = _client("rev", "reviewer")
    page = _upload(reviewer, gaok_xlsx(), "busan.xlsx")
    assert page.status_code == 200
    html = page.content.decode()
    assert "matched: 1" in html and "conflicting: 2" in html and "only in the list: 1" in html
    assert "only in Amity: 1" in html and "코페르" in html
    assert Document.objects.count() == 0  # the comparison wrote nothing
    takeable = re.findall(r'name="row" value="(\d+)"', html)
    assert takeable == ["4", "5", "6"]  # conflicting and only-in-list rows; the matched row is not offered
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)

    taken = reviewer.post("/lists/compare/", {"action": "take", "payload": payload, "name": "busan.xlsx",
                                              "format": "gaok", "row": ["6"]})
    document = Document.objects.get()
    assert taken.status_code == 302 and taken.url == f"/documents/{document.pk}/"
    claims = Claim.objects.filter(document=document, status="pending")
    assert {c.slot for c in claims} == {"place", "agreement"}
    inbox = reviewer.get("/review/").content.decode()
    assert "Partner list: busan.xlsx" in inbox
    assert "4\t부산광역시\t베트남\t호찌민\t우호협력\t1995년 11월 3일" in inbox  # the list's row, cited
    assert "Ho Chi Minh City" in inbox


def test_list_text_is_escaped_and_bad_files_get_a_message(registry):
    viewer = _client("vi", "viewer")
    hostile = plain_csv().replace(b"Atlantis", b"<script>alert(1)</script>")
    html = _upload(viewer, hostile, "list.csv").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert 'name="row"' not in html  # a viewer compares but cannot take rows
    page = _upload(viewer, b"\x00\x01binary\x00" * 50, "list.xlsx")
    assert page.status_code == 200 and "The list cannot be read: this is binary data" in page.content.decode()
    page = _upload(viewer, b"name,address\nx,y\n", "list.csv")
    assert "the columns were not recognised" in page.content.decode()
    page = _upload(viewer, b"city_a,country_a,city_b,country_b\n" + b"x" * (4 * 1024 * 1024), "huge.csv")
    assert "The file is larger than 4 MB." in page.content.decode()
    refused = viewer.post("/lists/compare/", {"action": "take", "payload": "", "row": ["2"]})
    assert refused.status_code == 302


def test_place_page_shows_its_coverage_statement(registry):
    from amity.registry import services

    busan = registry["places"]["busan"]
    services.update(registry["places"]["koper"], actor="user:test", wikidata_id="Q188983")
    html = _client("vi", "viewer").get(f"/places/{busan.pk}/").content.decode()
    coverage = html[html.index('id="h-coverage"'):]
    assert "<dt>sister city</dt><dd><strong>4</strong>" in coverage
    assert "with status signed, upgraded or renewed" in coverage and "No partner list compared yet." in coverage
    koper = _client("vi2", "viewer").get(f"/places/{registry['places']['koper'].pk}/").content.decode()
    assert 'href="https://www.wikidata.org/wiki/Q188983"' in koper
