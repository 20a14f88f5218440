"""The review log is append-only in the database: no queryset, raw statement or other program rewrites it."""

import pytest
from django.db import IntegrityError, connection, transaction

from amity.review import services
from amity.review.models import Decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    from amity.review.intake import ingest_text

    result = ingest_text("ULSAN, Oct. 2 -- Ulsan Mayor Kim Du-gyeom visited Nagoya, Japan, on October 1, 2026.",
                         actor="bot:test")
    return services.reject(result.claims[0], actor="user:reviewer", reason="not about a partnership")


def test_queryset_update_and_delete_are_refused(decision):
    for change in (lambda rows: rows.update(reason="rewritten"), lambda rows: rows.update(actor="user:someone-else"),
                   lambda rows: rows.delete()):
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
            change(Decision.objects.filter(pk=decision.pk))
    decision.refresh_from_db()
    assert (decision.reason, decision.actor) == ("not about a partnership", "user:reviewer")


def test_raw_sql_is_refused_too(decision):
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE review_decision SET reason = %s WHERE id = %s", ["rewritten", decision.pk])


def test_undo_appends_instead(decision):
    undo = services.undo(decision, actor="user:reviewer")
    assert Decision.objects.filter(pk__in=[decision.pk, undo.pk]).count() == 2
    assert undo.undoes_id == decision.pk
