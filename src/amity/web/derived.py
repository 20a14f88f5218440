"""Panels derived from the whole registry, computed once per state of the registry.

A few panels (partnerships gone quiet on the dashboard, a place's coverage statement) read
every engagement of the busiest cities: with 100,000 documents that takes most of a second.
They are kept, per process, under the registry's state — the newest change-log entry (with its
time, so that ids a rolled-back transaction handed out again do not match) and the newest row
of each table the panels read — and computed again on the first view after any change. Bulk
writes that bypass the change log still add rows, which changes the state as well.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from amity.core.models import ChangeLog
from amity.registry import models as m
from amity.review.models import Citation
from amity.sources.models import Document

T = TypeVar("T")
TIMEOUT = 24 * 3600
_TABLES = (m.Engagement, m.EngagementParticipant, m.Agreement, m.AgreementParty, m.AllianceMember, m.Position,
           m.Place, m.Organization, Document, Citation)


def registry_state() -> str:
    """One query: the newest change-log entry and the newest row of each table the panels read."""
    log = connection.ops.quote_name(ChangeLog._meta.db_table)
    parts = [f"(SELECT MAX(id) FROM {connection.ops.quote_name(model._meta.db_table)})" for model in _TABLES]
    sql = (f"SELECT l.id, l.time, {', '.join(parts)} FROM (SELECT 0 AS n) AS one "
           f"LEFT JOIN (SELECT id, time FROM {log} ORDER BY id DESC LIMIT 1) AS l ON 1 = 1")
    with connection.cursor() as cursor:
        cursor.execute(sql)
        state = ":".join(str(value) for value in cursor.fetchone())
    return hashlib.sha256(state.encode()).hexdigest()[:32]


def cached_for_state(name: str, compute: Callable[[], T], *key: object) -> T:
    """`compute()`, or what it returned for the same `name`, `key` and registry state in this process."""
    full = f"amity:derived:{connection.alias}:{name}:{':'.join(map(str, key))}:{registry_state()}"
    found = cache.get(full)
    if found is None:
        found = compute()
        cache.set(full, found, TIMEOUT)
    return found
