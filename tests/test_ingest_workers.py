"""`amity ingest --workers 1` and `--workers 2` store the same documents and claims.

With one worker the chain extracts in this process; with two, a process pool extracts and the
writer stores what comes back. A month-only publication date ("2025-03") is where the two
paths once normalised `published` differently, so these releases carry one, with dates that
need the publication date to be read ("on March 12", "next year").
"""

import json

import pytest

from amity.cli import main
from amity.sources.models import Claim, Document

pytestmark = pytest.mark.django_db

RELEASES = [
    {"id": "mokpo-1", "published": "2025-03",
     "text": "MOKPO -- Mokpo Mayor Park Hong-ryul received a delegation led by Mayor Ana Ribeiro of Aveiro, "
             "Portugal, at Mokpo City Hall on March 12. The two cities signed a memorandum of understanding on "
             "maritime tourism and agreed to open a joint festival next year."},
    {"id": "yeosu-1", "published": "2024-11",
     "text": "YEOSU, Nov. -- A delegation from Yeosu visited Cebu City, Philippines, on November 4 to attend the "
             "annual sister city forum. Yeosu and Cebu City have been sister cities since 2009."},
    {"id": "andong-1", "published": "2023",
     "text": "ANDONG -- Andong City signed a friendship agreement with Kyoto, Japan, on May 20, marking a new "
             "stage in cultural exchange between the two historic cities."},
]


def _stored() -> list[tuple]:
    """What a user sees of each document and its claims, without ids or times."""
    rows = []
    for document in Document.objects.order_by("checksum"):
        claims = sorted((claim.slot, json.dumps(claim.value, sort_keys=True), claim.status)
                        for claim in Claim.objects.filter(document=document))
        rows.append((document.checksum, str(document.published or ""), document.language, claims))
    return rows


def _ingest(tmp_path, workers: int) -> list[tuple]:
    feed = tmp_path / f"feed-{workers}.jsonl"
    feed.write_text("".join(json.dumps(release) + "\n" for release in RELEASES), encoding="utf-8")
    assert main(["ingest", "--workers", str(workers), "--actor", "bot:test", "--quiet", str(feed)]) == 0
    return _stored()


def test_one_and_two_workers_store_the_same_with_month_only_dates(tmp_path):
    alone = _ingest(tmp_path, 1)
    assert len(alone) == len(RELEASES) and all(claims for *_, claims in alone)
    assert {published for _, published, *_ in alone} >= {"2025-03", "2024-11"}
    Document.objects.all().delete()  # the same releases again, through the pool this time
    pooled = _ingest(tmp_path, 2)
    assert pooled == alone
