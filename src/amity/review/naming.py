"""Engagements named from their facts when a decision creates one or adds to it.

The name is written in the article's language ("Busan Mayor meets the Ambassador of Slovenia",
"부산 시장, 슬로베니아 대사 접견" …) so the API, the CLI and exports show what the pages show.
A title a person gave is never replaced: Amity renames only while the title is still the one it
wrote itself (Engagement.generated_title).
"""

from __future__ import annotations

import copy

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


def title_from_facts(engagement: m.Engagement, language: str | None, participants: list | None = None,
                     posts: dict | None = None) -> str:
    """`participants`: every participant of the engagement as it now is, each with its record
    (an accept run knows them); otherwise they are read afresh (this decision may have just added some).
    `posts`: people's positions already read, by person id (an accept run's, kept current by it)."""
    if participants is None:
        fresh = (m.Engagement.objects.select_related("place")
                 .prefetch_related(Prefetch("participants", queryset=m.EngagementParticipant.objects.select_related(
                                       "person", "organization", "place")),
                                   Prefetch("participants__person__positions", queryset=POSTS))
                 .get(pk=engagement.pk))
    else:
        fresh = _with_participants(engagement, participants, {} if posts is None else posts)
    with translation.override(article_language(language)):
        return facts_title(fresh)[:300]


POSTS = m.Position.objects.select_related("of_place", "of_organization")


def _prefetched(queryset, rows: list):
    queryset._result_cache, queryset._prefetch_done = list(rows), True
    return queryset


def _with_participants(engagement: m.Engagement, participants: list, posts: dict) -> m.Engagement:
    """A copy of `engagement` whose participants are `participants`, each person's posts as in
    `posts` or read (one query, added to `posts`): what the query above reads, without the records
    it need not read again."""
    unread = {participant.person_id for participant in participants
              if participant.person_id is not None and participant.person_id not in posts}
    if unread:
        for pk in unread:
            posts[pk] = []
        for post in POSTS.filter(person_id__in=unread):
            posts[post.person_id].append(post)
    copies = []
    for participant in participants:
        participant = copy.copy(participant)
        participant._state = copy.copy(participant._state)
        participant._state.fields_cache = dict(participant._state.fields_cache)
        if participant.person_id is not None:
            person = copy.copy(participant.person)
            person._prefetched_objects_cache = {"positions": _prefetched(
                m.Position.objects.none(), posts.get(person.pk, []))}
            participant.person = person
        copies.append(participant)
    fresh = copy.copy(engagement)
    fresh._prefetched_objects_cache = {"participants": _prefetched(m.EngagementParticipant.objects.none(), copies)}
    return fresh


def name_from_facts(engagement: m.Engagement, language: str | None, effects, participants: list | None = None) -> None:
    """Title `engagement` from its facts through `effects` (so undo restores the old title)."""
    if titled_by_a_person(engagement):
        return
    title = title_from_facts(engagement, language, participants, effects.run.posts if effects.run else None)
    if title and title != engagement.title:
        effects.update(engagement, title=title, generated_title=title)
