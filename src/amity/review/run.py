"""What one accept run reads once instead of once per claim.

Accepting a claim looks up the other facts of its article (the place a person holds
office in, an event's participants) and the records those facts were accepted as.
One by one, each look-up is a query; a run over a queue in chunks (amity.review.bulk)
loads the claims of a chunk's articles together, keeps the records they were accepted
as, and writes the citations of the whole chunk in one statement.

Only what is read is kept: a record found here is used as the target of a reference
(a foreign key), never edited, so a copy that another claim changed meanwhile cannot
write back stale values. Memory stays flat: the claims are dropped with each chunk,
the records when there are more than RECORDS of them.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from amity.review.models import Citation
from amity.sources.models import Claim

RECORDS = 1000


class AcceptRun:
    def __init__(self) -> None:
        self.documents: dict[int, list[Claim]] = {}  # a loaded article's claims, by document id
        self.records: dict[tuple[int, int], object] = {}  # (content type id, pk) -> record
        self.citations: dict[tuple, Citation] = {}  # written at the end of each chunk

    def load(self, ids: list[int]) -> list[Claim]:
        """The claims with these ids, and every claim of their articles, locked for the caller's
        transaction (two queries)."""
        self.documents = {}
        wanted = Claim.objects.filter(pk__in=ids).values("document_id")
        for other in (Claim.objects.filter(document_id__in=wanted).exclude(status=Claim.Status.SUPERSEDED)
                      .select_related("document").select_for_update(of=("self",)).order_by("pk")):
            self.documents.setdefault(other.document_id, []).append(other)
        by_pk = {other.pk: other for others in self.documents.values() for other in others}
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
        self.records[(ContentType.objects.get_for_model(record).pk, record.pk)] = record

    def linked(self, claim: Claim):
        """The record an accepted claim was accepted as."""
        if claim.link_type_id is None or claim.link_id is None:
            return None
        key = (claim.link_type_id, claim.link_id)
        if key not in self.records:
            record = claim.linked
            if record is None:
                return None
            self.records[key] = record
        return self.records[key]

    def cite(self, citations: list[Citation]) -> None:
        for citation in citations:
            key = (citation.content_type_id, citation.object_id, citation.field, citation.claim_id)
            self.citations.setdefault(key, citation)

    def mark(self) -> int:
        return len(self.citations)

    def forget_since(self, mark: int, claim: Claim) -> None:
        """A claim's accept was rolled back: drop what it added, re-read its article's claims."""
        self.citations = dict(list(self.citations.items())[:mark])
        self.records = {}  # some may have been created inside the rolled-back savepoint
        fresh = {row["pk"]: row for row in Claim.objects.filter(document_id=claim.document_id).values(
            "pk", "status", "edited_value", "link_type_id", "link_id")}
        for other in self.documents.get(claim.document_id, [claim]):
            row = fresh.get(other.pk)
            if row is not None:
                other.status, other.edited_value = row["status"], row["edited_value"]
                other.link_type_id, other.link_id = row["link_type_id"], row["link_id"]

    def forget(self) -> None:
        """The chunk was rolled back: nothing loaded or remembered may have been kept."""
        self.documents, self.records, self.citations = {}, {}, {}

    def write(self) -> None:
        """Write the chunk's citations: one statement; a citation already there stays as it is."""
        Citation.objects.bulk_create(list(self.citations.values()), ignore_conflicts=True, batch_size=500)
        self.citations = {}
