"""The .po catalogs are the translations' only source: each compiled .mo matches its .po, and
a Korean reader finds every message translated (an empty msgstr shows the English)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
KOREAN_CATALOGS = sorted((ROOT / "src" / "amity").glob("**/locale/ko/LC_MESSAGES/django.po"))


def test_every_compiled_catalog_is_current():
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_messages.py"), "--check"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_there_are_korean_catalogs():
    assert {p.relative_to(ROOT / "src" / "amity").parts[0] for p in KOREAN_CATALOGS} >= {"web", "portfolio"}


@pytest.mark.parametrize("po_path", KOREAN_CATALOGS, ids=lambda p: p.parts[-5])
def test_every_korean_message_is_translated(po_path):
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="ko")
    untranslated = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            untranslated.append(message.id)
    assert untranslated == []


def test_every_code_label_reads_korean_in_a_korean_session():
    """Types, statuses and kinds come from amity.extract.codes; the registry's catalog carries
    their Korean labels, so get_<field>_display() is Korean on every page and report."""
    from django.utils import translation

    from amity.registry import models as m
    from amity.registry.models.choices import CONTEXTS

    with translation.override("ko"):
        coded = [str(label) for choices in (m.Agreement.Type, m.Agreement.Status, m.Engagement.Type,
                                             m.Organization.Kind, m.Place.Kind, m.Place.AdminLevel)
                 for label in choices.labels]
        labels = coded + [str(label) for choices in (m.Project.Status, m.ProjectMember.Role, m.FollowUp.Status,
                                                     m.Place.Source, m.Person.NameOrder, *_other_apps_choices())
                          for label in choices.labels]
    assert len(coded) == sum(len(table) for table in CONTEXTS.values())
    assert [label for label in labels if not any("\uac00" <= ch <= "\ud7a3" for ch in label)] == []


def _other_apps_choices():
    from amity.accounts.models import Role
    from amity.core.models import ChangeLog
    from amity.portfolio.models import Decision as MeetingDecision
    from amity.review.models import Decision, MergeCandidate
    from amity.sources.models import Claim

    return (Role, ChangeLog.Action, MeetingDecision.Outcome, Decision.Action, MergeCandidate.Status,
            Claim.Slot, Claim.Status)


def test_every_field_and_record_type_name_reads_korean_in_a_korean_session():
    """The history tab, forms and admin label fields by their verbose names: each is translated."""
    from django.apps import apps
    from django.utils import translation

    untranslated = []
    with translation.override("ko"):
        for model in apps.get_models():
            if not model.__module__.startswith("amity.") or model._meta.app_label == "search":
                continue  # the search index is internal: no page shows its fields
            names = [model._meta.verbose_name, model._meta.verbose_name_plural]
            names += [field.verbose_name for field in model._meta.concrete_fields if field.name != "id"]
            untranslated += [f"{model.__name__}: {name}" for name in map(str, names)
                             if not any("\uac00" <= ch <= "\ud7a3" for ch in name)]
    assert untranslated == []
