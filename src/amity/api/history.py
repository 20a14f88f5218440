"""The change log of a record (and of its parts) as the API shows it."""

import datetime as dt
from typing import Any

from ninja import Schema

from amity.core.models import history_of


class HistoryEntry(Schema):
    time: dt.datetime
    actor: str
    action: str
    record_type: str
    record_id: int
    label: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def history_entries(obj, limit: int = 500) -> list[dict]:
    return [
        {"time": entry.time, "actor": entry.actor, "action": entry.action,
         "record_type": entry.content_type.model, "record_id": entry.object_id,
         "label": entry.object_repr, "before": entry.before, "after": entry.after}
        for entry in history_of(obj).select_related("content_type")[:limit]
    ]
