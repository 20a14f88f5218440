"""Engagements named from their facts when a decision creates one or adds to it.

The name is written in the article's language ("Busan Mayor meets the Ambassador of Slovenia",
"부산 시장, 슬로베니아 대사 접견" …) so the API, the CLI and exports show what the pages show.
A title a person gave is never replaced: Amity renames only while the title is still the one it
wrote itself (Engagement.generated_title).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

from amity.registry import models as m
from amity.registry.readable import facts_title


def article_language(language: str | None) -> str:
    """An interface language for an article's language code ("ko-KR" -> "ko"); the default otherwise."""
    code = (language or "").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def titled_by_a_person(engagement: m.Engagement) -> bool:
    return bool(engagement.title) and engagement.title != engagement.generated_title


def title_from_facts(engagement: m.Engagement, language: str | None) -> str:
    # read afresh: the participants this decision just added are not in a prefetched list
    # (three queries: the engagement, its participants with their records, the people's posts)
    fresh = (m.Engagement.objects.select_related("place")
             .prefetch_related(Prefetch("participants", queryset=m.EngagementParticipant.objects.select_related(
                                   "person", "organization", "place")),
                               Prefetch("participants__person__positions", queryset=m.Position.objects.select_related(
                                   "of_place", "of_organization")))
             .get(pk=engagement.pk))
    with translation.override(article_language(language)):
        return facts_title(fresh)[:300]


def name_from_facts(engagement: m.Engagement, language: str | None, effects) -> None:
    """Title `engagement` from its facts through `effects` (so undo restores the old title)."""
    if titled_by_a_person(engagement):
        return
    title = title_from_facts(engagement, language)
    if title and title != engagement.title:
        effects.update(engagement, title=title, generated_title=title)
