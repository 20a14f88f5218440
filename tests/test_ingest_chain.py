"""One ingest chain behind every door: one reader, one decoder, NUL characters, streaming, PDF.

The press releases here are written for these tests, in the style cities publish them.
"""

import io
import json
import tracemalloc
from pathlib import Path

import pytest

from amity.sources.inputs import UnreadableInput, decode, normalise_text, published_date, read_paths

RELEASE = ("Changwon, 4 March 2025 - Mayor Hong Nam-pyo of Changwon met Mayor Anna Berg of Uppsala at "
           "Changwon City Hall on Tuesday. The two mayors discussed hydrogen buses and student exchanges.\n")
KOREAN = "창원시장과 웁살라시장이 4일 창원시청에서 만나 수소버스와 학생 교류를 논의했다.\n"


def _release(number: int) -> str:
    return RELEASE.replace("student exchanges", f"student exchanges (release {number})")


def _pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


# -- the decoder ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "expected"), [
    (RELEASE.encode("utf-8"), "Uppsala"),
    (b"\xef\xbb\xbf" + RELEASE.encode("utf-8"), "Changwon, 4 March"),
    (RELEASE.encode("utf-16"), "Uppsala"),  # with its byte-order mark
    (KOREAN.encode("cp949"), "창원시장"),
    (KOREAN.encode("euc-kr"), "웁살라"),
])
def test_common_encodings_decode_without_warnings(data, expected):
    text, warnings = decode(data, "release.txt")
    assert expected in text and warnings == []
    assert not text.startswith("\ufeff")


def test_western_legacy_encoding_is_read_with_a_warning():
    text, warnings = decode("Mayor Anna Berg of Uppsala visited Malmö and Düsseldorf.".encode("cp1252"))
    assert "Malmö" in text and "Düsseldorf" in text
    assert warnings and "Windows-1252" in warnings[0]


def test_binary_empty_and_oversized_files_are_refused_with_a_reason():
    with pytest.raises(UnreadableInput, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "photo.txt")
    with pytest.raises(UnreadableInput, match="empty"):
        decode(b" \n\t", "blank.txt")
    with pytest.raises(UnreadableInput, match="larger than"):
        decode(b"Busan. " * 800_000, "huge.txt")


def test_html_and_pdf_files_become_their_text():
    html = f"<!DOCTYPE html><html><head><script>var x=1;</script></head><body><p>{RELEASE}</p></body></html>"
    text, _ = decode(html.encode(), "release.html")
    assert "Uppsala" in text and "<p>" not in text and "var x" not in text
    text, _ = decode(_pdf("Mayor Hong Nam-pyo of Changwon met Mayor Anna Berg of Uppsala."), "release.pdf")
    assert "Anna Berg of Uppsala" in text
    with pytest.raises(UnreadableInput, match="PDF"):
        decode(b"%PDF-1.4 truncated nonsense", "broken.pdf")


def test_nul_characters_are_removed_with_a_warning_wherever_they_are():
    text, warnings = normalise_text("A" * 5000 + "\x00" + RELEASE + "\x00")
    assert "\x00" not in text and "Uppsala" in text
    assert warnings == ["removed 2 NUL characters (not text; a damaged file?)"]
    decoded, _ = decode(("B" * 5000 + "\x00" + RELEASE).encode(), "late-nul.txt")  # a stray NUL is not "binary"
    assert "Uppsala" in decoded


def test_a_publication_date_is_read_one_way():
    assert str(published_date("2025-03")) == "2025-03"
    assert str(published_date(" 2025-03-04T09:00:00+09:00")) == "2025-03-04"
    assert published_date("last Tuesday") is None and published_date("") is None


# -- the reader ----------------------------------------------------------------------------------


def test_reading_a_long_jsonl_streams_in_constant_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(20_000):
            out.write(json.dumps({"id": f"r{number}", "text": _release(number), "published": "2025-03"}) + "\n")
    assert path.stat().st_size > 4_000_000
    tracemalloc.start()
    count = sum(1 for item in read_paths([str(path)]) if item.error is None)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 20_000
    assert peak < 1_000_000  # a few lines at a time, not the 4 MB file


def test_a_folder_reports_every_file_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(_pdf("Mayor Anna Berg of Uppsala."))
    (tmp_path / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text(RELEASE, encoding="utf-8")
    items = {Path(item.source).name: item for item in read_paths([str(tmp_path)])}
    assert set(items) == {"a.txt", "b.pdf", "c.png"}
    assert items["b.pdf"].error is None and items["b.pdf"].data.startswith(b"%PDF")
    assert "skipped" in items["c.png"].error


# -- every door, on the database -----------------------------------------------------------------


def _ingest(*argv) -> int:
    from amity.cli import main

    return main(["ingest", "--actor", "bot:test", *map(str, argv)])


@pytest.mark.django_db
def test_cli_strips_nul_anywhere_and_one_bad_file_never_stops_the_run(tmp_path, capsys):
    from amity.sources.models import Document

    folder = tmp_path / "inbox"
    folder.mkdir()
    for number in range(5):
        (folder / f"good-{number}.txt").write_text(_release(number), encoding="utf-8")
    (folder / "late-nul.txt").write_text("Changwon news. " * 400 + "\x00" + _release(90), encoding="utf-8")
    (folder / "scan.pdf").write_bytes(_pdf("Mayor Anna Berg of Uppsala met Mayor Hong Nam-pyo of Changwon."))
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "n1", "text": "Uppsala\x00 and Changwon. " + _release(91), "title": "Nul\x00title"}) + "\n"
        + "{not json\n", encoding="utf-8")
    assert _ingest(folder) == 0
    out, err = capsys.readouterr()
    assert Document.objects.count() == 8  # 5 good, the late NUL, the PDF, the JSONL record
    assert not any("\x00" in text for text in Document.objects.values_list("text", flat=True))
    assert Document.objects.get(text__contains="release 91").title == "Nultitle"
    assert "late-nul.txt: warning: removed 1 NUL character" in err
    assert "feed.jsonl:1 (n1): warning: removed 1 NUL character" in err
    assert "logo.png: skipped" in out and "feed.jsonl:2: malformed JSON" in out
    assert "documents: 8 new, 0 already known, 2 failed or skipped" in out
    assert "Traceback" not in out + err


@pytest.mark.django_db
def test_a_month_only_date_is_stored_the_same_by_every_door_and_worker_count(tmp_path):
    from amity.review.intake import ingest_text
    from amity.sources.models import Document

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": _release(n), "published": "2025-03"}) + "\n" for n in range(2)),
                    encoding="utf-8")
    assert _ingest(feed) == 0
    web_like = ingest_text(_release(7), published="2025-03", actor="user:test")
    documents = list(Document.objects.order_by("id"))
    assert [str(d.published) for d in documents] == ["2025-03"] * 3
    # "on Tuesday" needs a day to resolve: with only a month it stays undated, the same everywhere.
    dated = {c.value.get("date") for d in documents for c in d.claims.filter(slot="engagement")}
    assert web_like.document.published.precision == "month" and dated <= {None, "2025-03"}


@pytest.mark.django_db
def test_api_reads_pdf_handles_nul_and_refuses_a_multipart_body_without_boundary():
    from django.test import Client

    from amity.accounts.models import ApiToken
    from tests.api.conftest import make_user

    _, key = ApiToken.issue(make_user("reviewer-f", "reviewer"), "test")
    client, headers = Client(), {"Authorization": f"Bearer {key}"}
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("release.pdf", _pdf("Mayor Anna Berg of Uppsala visited Changwon."), "application/pdf")
    response = client.post("/api/v1/documents/upload", data={"file": pdf}, headers=headers)
    assert response.status_code == 201 and "Anna Berg" in response.json()["document"]["text"]
    nul = client.post("/api/v1/documents", data=json.dumps({"text": "B" * 5000 + "\x00" + _release(3)}),
                      content_type="application/json", headers=headers)
    assert nul.status_code == 422 and "NUL" in json.dumps(nul.json())  # JSON text: refused, saying why
    late_nul = SimpleUploadedFile("late.txt", ("B" * 5000 + "\x00" + _release(4)).encode(), "text/plain")
    stripped = client.post("/api/v1/documents/upload", data={"file": late_nul}, headers=headers)
    assert stripped.status_code == 201 and "\x00" not in stripped.json()["document"]["text"]
    assert any("NUL" in warning for warning in stripped.json()["warnings"])
    no_boundary = client.post("/api/v1/documents/upload", data=b"--x\r\n", content_type="multipart/form-data",
                              headers=headers)
    assert no_boundary.status_code == 400 and "boundary" in no_boundary.json()["detail"]


@pytest.mark.django_db
def test_the_place_name_index_follows_the_registry_as_it_changes():
    from amity.registry import services
    from amity.registry.models import Place
    from amity.sources.name_index import PLACES, places_named
    from amity.sources.registry_index import FEED

    assert places_named("Nowhere-on-Sea", "GB") == []
    place = services.create(Place, name="Nowhere-on-Sea", kind="city", country_code="GB")
    assert places_named("nowhere on sea", "GB") == [place]  # created after the index was built
    assert places_named("Nowhere-on-Sea", "FR") == []
    services.update(place, aliases=["Nusquam Maris"])
    assert places_named("NUSQUAM MARIS", None) == [place]  # a new alias, any country
    services.delete(place)
    assert places_named("Nowhere-on-Sea", "GB") == []
    assert PLACES.built and FEED.watermark > 0  # followed through the change log


@pytest.mark.django_db(transaction=True)
def test_a_copy_stored_by_another_writer_between_look_up_and_store_is_found_not_stored_twice():
    from amity.sources import ingest as chain
    from amity.sources.inputs import IncomingDocument
    from amity.sources.models import Claim, Document

    text = _release(7)
    state = chain.prepare(IncomingDocument("mine.txt", text=text), actor="bot:test")
    chain.extract_document(state)  # looked up: not there yet
    assert state.new_when_looked_up
    theirs = chain.store_text(text, actor="bot:other")  # another writer stores the same text meanwhile
    mine = chain.finish(state)  # the insert hits the unique checksum; the steps run again and find it
    assert theirs.created and not mine.created and mine.document.pk == theirs.document.pk
    assert Document.objects.count() == 1
    assert Claim.objects.count() == len(theirs.claims) > 0
