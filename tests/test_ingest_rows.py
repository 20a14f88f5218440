"""Claims stored by the ingest chain's one-statement insert are the rows bulk_create stores."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from amity.registry.models import Place
from amity.sources.models import Claim, Document
from amity.sources.rows import insert_rows


def _claims(document: Document, prefix: str, count: int = 3) -> list[Claim]:
    place_type = ContentType.objects.get_for_model(Place)
    claims = []
    for number in range(count):
        claims.append(Claim(
            document=document, slot="place" if number % 2 else "person", key=f"{prefix}-{number}",
            local_id=f"p{number}", label=f"Changwon ({number}) 창원",
            value={"name": "Changwon", "ko": "창원시", "aliases": ["Ch'angwŏn"], "n": number, "nested": {"x": [1.5, None]}},
            evidence=[{"start": number, "end": number + 8, "text": "Changwon"}], extractor_version="1.0.0",
            confidence=0.95 if number % 2 else 0.7, explanation="gazetteer match \"quoted\"",
            link_type=place_type if number % 2 else None, link_id=number if number % 2 else None,
            link_score=1.0 if number % 2 else None, link_explanation="GeoNames id" if number % 2 else ""))
    return claims


def _stored(prefix: str) -> list[dict]:
    rows = Claim.objects.filter(key__startswith=f"{prefix}-").order_by("key").values()
    return [{k: v for k, v in row.items() if k not in ("id", "key", "created", "updated")} for row in rows]


@pytest.mark.django_db
def test_claims_inserted_in_one_statement_are_the_rows_bulk_create_stores():
    document = Document.objects.create(text="Changwon and its partners.")
    before = timezone.now()
    ours = _claims(document, "ours")
    insert_rows(ours)
    Claim.objects.bulk_create(_claims(document, "django"))
    assert _stored("ours") == _stored("django") and len(_stored("ours")) == 3
    assert all(claim.pk and not claim._state.adding for claim in ours)
    for claim in ours:  # the pk set on each object is its own row's, and the time stamps are set
        row = Claim.objects.get(pk=claim.pk)
        assert row.key == claim.key and row.value == claim.value
        assert before <= row.created == row.updated <= timezone.now() + dt.timedelta(seconds=1)


@pytest.mark.django_db
def test_more_claims_than_one_statement_may_carry_go_in_batches():
    document = Document.objects.create(text="A long list of places.")
    many = _claims(document, "many", count=120)  # 120 rows x 17 values: over SQLite's 999 variables
    insert_rows(many)
    assert Claim.objects.filter(document=document).count() == 120
    assert [Claim.objects.get(pk=claim.pk).key for claim in many] == [claim.key for claim in many]
