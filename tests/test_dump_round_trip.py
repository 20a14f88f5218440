"""`amity export` (dump) then `amity import` into an empty database gives back every table's rows.

The tables come from the app registry (amity.transfer.tables), so a model added later without
rows below fails `test_every_dumped_table_has_rows` until someone gives it some here.
"""

import io
import json
from collections import defaultdict
from importlib import resources

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

from amity.accounts.models import ApiToken, Profile, SiteSettings
from amity.core.actor import acting_as
from amity.portfolio import models as portfolio
from amity.registry import models as m
from amity.review import services as review
from amity.review.append_only import unlocked
from amity.review.intake import ingest_text
from amity.review.models import AutoAcceptRule, Decision, DuplicateScan, MergeCandidate
from amity.search import search
from amity.transfer import ImportFailed, import_registry
from amity.transfer.dump import write_dump
from amity.transfer.load import restore_dump
from amity.transfer.tables import LEFT_OUT, dumped_models

pytestmark = pytest.mark.django_db

RELEASE = ("ULSAN, May 14 (Ulsan City) -- Ulsan Mayor Kim Doo-gyeom met Mayor Eleni Markou of Thessaloniki, "
           "Greece, at Ulsan City Hall on May 13, 2025, and the two cities signed a memorandum of understanding "
           "on port cooperation. The two mayors agreed to hold a joint port forum next year.")


def _build_every_kind_of_row():
    data = json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8"))
    import_registry(data, actor="bot:demo")
    reviewer = get_user_model().objects.create_user("minji", password="secret-pass-1", email="minji@example.org")
    ulsan = m.Place.objects.filter(name="Ulsan", country_code="KR").order_by("-population").first()
    profile = Profile.objects.create(user=reviewer, role="editor", language="ko")
    profile.scope_places.set([ulsan])
    profile.scope_organizations.set(m.Organization.objects.all()[:1])
    editors = Group.objects.create(name="editors")
    editors.permissions.set(Permission.objects.filter(codename="view_place"))
    reviewer.groups.add(editors)
    reviewer.user_permissions.set(Permission.objects.filter(codename="view_agreement"))
    ApiToken.issue(reviewer, "laptop")
    SiteSettings.objects.create(public_read=True)
    LogEntry.objects.log_actions(reviewer.pk, [ulsan], ADDITION, change_message="seen in the admin")
    AutoAcceptRule.objects.create(name="places-from-gazetteer", slot="place", min_confidence=0.95)

    result = ingest_text(RELEASE, url="https://www.ulsan.go.kr/news/1", published="2025-05-14", actor="bot:test")
    pending = list(result.claims)
    review.accept(pending[0], actor="user:minji", reason="as written")
    rejected = review.reject(pending[-1], actor="user:minji", reason="not a tie")
    review.undo(rejected, actor="user:minji", reason="changed my mind")

    with acting_as("user:minji"):
        project = m.Project.objects.order_by("pk").first()
        m.ProjectMember.objects.create(project=project, place=ulsan, role="lead")
        m.Milestone.objects.create(project=project, name="Joint port forum", due="2026")
        agreement = m.Agreement.objects.order_by("pk").first()
        m.AgreementSignatory.objects.create(agreement=agreement, person=m.Person.objects.order_by("pk").first())
        year = portfolio.PortfolioYear.objects.create(alliance=m.Alliance.objects.first(), year=2025, stated_count=1)
        portfolio.PortfolioEntry.objects.create(portfolio_year=year, project=project)
        item = portfolio.AgendaItem.objects.create(engagement=m.Engagement.objects.first(), title="Port forum")
        decided = portfolio.Decision.objects.create(agenda_item=item, text="Hold the forum in Ulsan.")
        decided.follow_ups.set(m.FollowUp.objects.all())
        portfolio.FeedKey.for_user(reviewer)
        left, right = m.Organization.objects.order_by("pk")[:2]
    candidate = MergeCandidate.objects.create(content_type=ContentType.objects.get_for_model(m.Organization),
                                              left_id=left.pk, right_id=right.pk, score=0.7, explanation="names")
    review.dismiss(candidate, actor="user:minji", reason="two offices")
    DuplicateScan.objects.create(last_change=1)
    search("Ulsan")  # fills the search index and its state


def _tables(dump_text: str) -> dict[str, list[dict]]:
    rows = defaultdict(list)
    for line in dump_text.splitlines()[1:]:
        label, row = json.loads(line)
        rows[label].append(row)
    return rows


def _dump() -> str:
    out = io.StringIO()
    write_dump(out)
    return out.getvalue()


def _wipe_everything():
    """An empty database: every Amity table emptied (TRUNCATE on PostgreSQL, which the log's triggers allow)."""
    tables = [model._meta.db_table for model in dumped_models()]
    tables += [model._meta.db_table for model in (ApiToken, portfolio.FeedKey)]
    with unlocked(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses tables with deferred checks pending
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_export_then_import_into_an_empty_database_gives_every_row_back():
    # one build for every check: the dump of a gazetteer of 34,000 places is what takes time
    _build_every_kind_of_row()
    empty = [model._meta.label_lower for model in dumped_models() if not model._base_manager.exists()]
    assert not empty, f"give these tables rows in _build_every_kind_of_row: {empty}"
    token_hash = ApiToken.objects.get().key_hash
    built = _dump()
    before = _tables(built)
    header = json.loads(built.splitlines()[0])
    assert {row["password"] for row in before["auth.user"]} == {""}
    assert not set(LEFT_OUT) & set(before), "secrets and made tables stay out"
    assert "auth.user.password" in header["left_out"] and "accounts.apitoken" in header["left_out"]
    assert "secret-pass-1" not in built and token_hash not in built

    _wipe_everything()
    counts = restore_dump(io.StringIO(built), "dump.jsonl")
    assert counts == {label: len(rows) for label, rows in before.items()}
    after = _tables(_dump())
    assert set(after) == set(before)
    for label in before:
        assert after[label] == before[label], f"{label} differs after the round trip"

    # what a user relies on after the restore: the log is still append-only, ids go on, no hashes
    with pytest.raises(DatabaseError), transaction.atomic():
        Decision.objects.filter(pk=Decision.objects.first().pk).update(reason="rewritten")
    user = get_user_model().objects.get(username="minji")
    assert not user.has_usable_password() and user.groups.filter(name="editors").exists()
    assert ApiToken.objects.count() == 0
    with acting_as("user:minji"):
        fresh = m.Person.objects.create(name="New Person")
    assert fresh.pk > max(row["id"] for row in before["registry.person"])


def test_import_refuses_a_database_that_holds_records_and_writes_nothing():
    with acting_as("user:test"):
        m.Person.objects.create(name="Kim Min-ji")
    dump = _dump()
    with pytest.raises(ImportFailed, match="not empty"):
        restore_dump(io.StringIO(dump), "dump.jsonl")
    assert m.Person.objects.count() == 1


def test_a_broken_row_names_its_line_and_nothing_is_kept():
    lines = _dump().splitlines()
    _wipe_everything()
    broken = next(i for i, line in enumerate(lines) if line.startswith('["registry.place"'))
    lines[broken] = lines[broken].replace('"created":"', '"created":"not a time ', 1)
    with pytest.raises(ImportFailed) as error:
        restore_dump(iter(lines), "dump.jsonl")
    assert f"line {broken + 1} (registry.place).created" in str(error.value)
    assert not m.Place.objects.exists()
