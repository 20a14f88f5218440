"""Steps for Korean articles (보도자료 and local news), into the same Extraction as English.

Rules over particles and suffixes, with the vocabulary in `lang/ko/*.json`; no morphological
analyser (README.md here says why). The name tables are built on the first Korean article, so
the English path pays nothing for them.
"""

from __future__ import annotations

from .. import topics
from . import events, followups, organizations, people, places

KOREAN_STEPS = [
    places.split_sentences,
    places.find_places_and_countries,
    organizations.find_organizations,
    people.find_people,
    events.find_events,
    events.find_agreements,
    events.find_alliances,
    topics.tag_topics_korean,
    followups.find_follow_ups,
]
