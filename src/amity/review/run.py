"""What one accept run reads once and writes together instead of once per claim.

Accepting a claim looks up the other facts of its article (the place a person holds
office in, an event's participants) and the records those facts were accepted as.
One by one, each look-up is a query; a run over a queue in chunks (amity.review.bulk)
loads the claims of a chunk's articles together, keeps the records they were accepted
as, and writes at the end of each chunk, in one statement per kind, what accepting adds
besides the records themselves: the claims' new states, the decisions, their citations
and the change log's entries (all in the chunk's transaction, so none is written without
the others).

Only what is read is kept: a record found here is used as the target of a reference
(a foreign key), never edited, so a copy that another claim changed meanwhile cannot
write back stale values. Memory stays flat: the claims are dropped with each chunk,
the records when there are more than RECORDS of them.

Records a chunk creates or renames are not in the change log before the chunk ends, so the
run tells the link indexes of them itself (`touched`), before the next claim looks anything up.
"""

from __future__ import annotations

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from amity.core.models import drop_held_log_since, held_log_mark, write_held_log
from amity.registry.models import Organization, Place, Position
from amity.review.models import Citation, Decision
from amity.sources.models import Claim
from amity.sources.registry_index import FEED

RECORDS = 1000
UNREAD = ("evidence", "explanation", "link_explanation")  # of a claim, never read by accepting
DOCUMENT = ("document__published", "document__language")  # all accepting reads of an article


class AcceptRun:
    def __init__(self) -> None:
        self.documents: dict[int, list[Claim]] = {}  # a loaded article's claims, by document id
        self.records: dict[tuple[int, int], object] = {}  # (content type id, pk) -> record
        self.citations: dict[tuple, Citation] = {}  # written at the end of each chunk
        self.decisions: list[Decision] = []  # unsaved, each with its claim (in `accepted`)
        self.accepted: list[Claim] = []  # claims whose new state is written at the end of the chunk
        self.touched: list[tuple[type, int]] = []  # indexed records written, the indexes not yet told
        self.told: list[tuple[type, int]] = []  # ... and told (told again if the chunk is rolled back)
        self.fields: dict[str, object] = {}  # registry.Field by code (reference data)
        self.countries: dict[str, object] = {}  # a country's place by its code (only referred to)
        self.posts: dict[int, list] = {}  # a person's positions with their holders, for naming engagements

    def load(self, ids: list[int]) -> list[Claim]:
        """The claims with these ids and, for those that name other facts of their article (and
        follow-ups, which belong to its event), every claim of their articles, locked for the
        caller's transaction (two queries). Each chunk is one slot, so an article's claims are read
        again by each: not the parts accepting never reads (the article's text, the evidence)."""
        from amity.review.services import claim_refs  # (services uses this module)

        self.documents = {}
        chunk = list(_claims().filter(pk__in=ids))
        needed = {claim.document_id for claim in chunk
                  if claim.slot == Claim.Slot.FOLLOW_UP or claim_refs(claim.current_value)}
        by_pk = {claim.pk: claim for claim in chunk}
        others = _claims().filter(document_id__in=needed).exclude(pk__in=ids) if needed else ()
        for other in sorted([*others, *(c for c in chunk if c.document_id in needed)], key=lambda c: c.pk):
            if other.status != Claim.Status.SUPERSEDED:
                self.documents.setdefault(other.document_id, []).append(other)
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def named(self, claim: Claim, local_id: str) -> Claim | None:
        """The claim of the same article with this local id (not superseded)."""
        others = self.documents.get(claim.document_id)
        if others is None:
            return claim.document.claims.filter(local_id=local_id).exclude(status=Claim.Status.SUPERSEDED).first()
        return next((other for other in others if other.local_id == local_id), None)

    def remember(self, record) -> None:
        if len(self.records) >= RECORDS:
            self.records = {}
        if len(self.posts) >= RECORDS:
            self.posts = {}
        self.records[(ContentType.objects.get_for_model(record).pk, record.pk)] = record

    def linked(self, claim: Claim):
        """The record an accepted claim was accepted as."""
        if claim.link_type_id is None or claim.link_id is None:
            return None
        key = (claim.link_type_id, claim.link_id)
        if key not in self.records:
            model = ContentType.objects.get_for_id(claim.link_type_id).model_class()  # (cached)
            record = model._base_manager.filter(pk=claim.link_id).first()
            if record is None:
                return None
            self.records[key] = record
        return self.records[key]

    def cite(self, citations: list[Citation]) -> None:
        for citation in citations:
            key = (citation.content_type_id, citation.object_id, citation.field, citation.claim_id)
            self.citations.setdefault(key, citation)

    def decide(self, claim: Claim, decision: Decision) -> None:
        """`claim`'s new state (set on it) and its decision, to be written with the chunk."""
        self.accepted.append(claim)
        self.decisions.append(decision)

    def touch(self, record, updated: bool = False) -> None:
        if updated:  # a copy kept for references may now be stale: read it afresh when asked
            self.records.pop((ContentType.objects.get_for_model(record).pk, record.pk), None)
        if isinstance(record, Position):
            self.posts.pop(record.person_id, None)
        elif updated and isinstance(record, Place | Organization):
            self.posts = {}  # a holder's names changed (a title names the holder)
        if any(index.model is type(record) for index in FEED.indexes):
            self.touched.append((type(record), record.pk))

    def tell_indexes(self) -> None:
        """The link indexes learn of the records written since they were last told (one query
        per index and kind)."""
        if not self.touched:
            return
        self._reload(self.touched)
        self.told += self.touched
        self.touched = []

    @staticmethod
    def _reload(records: list[tuple[type, int]]) -> None:
        by_model: dict[type, set[int]] = {}
        for model, pk in records:
            by_model.setdefault(model, set()).add(pk)
        for index in FEED.indexes:
            if index.built and by_model.get(index.model):
                index.apply(by_model[index.model])  # re-read: a row rolled back is forgotten

    def mark(self) -> tuple:
        return (len(self.citations), len(self.decisions), len(self.touched), len(self.told), held_log_mark())

    def forget_since(self, mark: tuple, claim: Claim | None = None) -> None:
        """What was accepted since `mark` was rolled back (a savepoint): drop what it added to be
        written, put its claims back as they were, and tell the indexes what they were told of it."""
        citations, decisions, touched, told, log = mark
        self.citations = dict(list(self.citations.items())[:citations])
        for undone, decision in reversed(list(zip(self.accepted[decisions:], self.decisions[decisions:],
                                                  strict=True))):
            before = decision.effects["claim_before"]
            undone.status, undone.edited_value = before["status"], before["edited_value"]
            undone.link_type_id, undone.link_id = before["link_type"], before["link_id"]
        del self.accepted[decisions:], self.decisions[decisions:]
        del self.touched[touched:]
        self._reload(self.told[told:])
        del self.told[told:]
        drop_held_log_since(log)
        self.records, self.posts = {}, {}  # some may have been written inside the rolled-back savepoint

    def forget(self) -> None:
        """The chunk was rolled back: nothing loaded or remembered may have been kept."""
        self._reload(self.told + self.touched)
        drop_held_log_since(0)
        self.documents, self.records, self.citations, self.posts = {}, {}, {}, {}
        self.decisions, self.accepted, self.touched, self.told = [], [], [], []

    def write(self) -> None:
        """Write what the chunk accepted: the change log's entries, the claims' states, the decisions
        and their citations (a citation already there stays as it is), a few statements each."""
        write_held_log()
        _write_accepted(self.accepted)
        Decision.objects.bulk_create(self.decisions, batch_size=500)  # the pks come back (citations need them)
        Citation.objects.bulk_create(list(self.citations.values()), ignore_conflicts=True, batch_size=500)
        self.citations, self.decisions, self.accepted, self.touched, self.told = {}, [], [], [], []


def _claims():
    read = [field.name for field in Claim._meta.concrete_fields if field.name not in UNREAD]
    return (Claim.objects.select_related("document").only(*read, *DOCUMENT)
            .select_for_update(of=("self",)).order_by("pk"))


def _write_accepted(claims: list[Claim]) -> None:
    """Set each claim's state (accepted as written, as its link) in one UPDATE per 300 claims: a
    bulk_update's CASE expressions took longer to build than accepting the claims."""
    now = timezone.now()
    for claim in claims:
        claim.updated = now
    plain = [c for c in claims if c.status == Claim.Status.ACCEPTED and c.edited_value is None]
    others = [c for c in claims if not (c.status == Claim.Status.ACCEPTED and c.edited_value is None)]
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 33):  # no UPDATE ... FROM
        plain, others = [], claims
    if others:  # (an accept run takes no edits: there are none so far)
        Claim.objects.bulk_update(others, ["status", "edited_value", "link_type", "link_id", "updated"])
    meta = Claim._meta
    column = {name: connection.ops.quote_name(meta.get_field(name).column)
              for name in ("id", "status", "edited_value", "updated", "link_type", "link_id")}
    table = connection.ops.quote_name(meta.db_table)
    updated = meta.get_field("updated").get_db_prep_save(now, connection)
    for start in range(0, len(plain), 300):
        rows = plain[start:start + 300]
        values = ", ".join(["(CAST(%s AS BIGINT), CAST(%s AS BIGINT), CAST(%s AS BIGINT))"] * len(rows))
        sql = (f"WITH accepted (claim, kind, record) AS (VALUES {values}) "
               f"UPDATE {table} SET {column['status']} = %s, {column['edited_value']} = NULL, "
               f"{column['updated']} = %s, {column['link_type']} = accepted.kind, {column['link_id']} = accepted.record "
               f"FROM accepted WHERE {table}.{column['id']} = accepted.claim")
        params = [value for c in rows for value in (c.pk, c.link_type_id, c.link_id)]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, Claim.Status.ACCEPTED, updated])
