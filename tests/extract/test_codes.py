"""Every code the extractor can emit is a choice of the registry (defined once in amity.extract.codes):
an unknown type must never silently become "other" when a claim is accepted."""

from __future__ import annotations

from amity.extract import codes, extract
from amity.extract.agreements import TYPES as AGREEMENT_WORDINGS
from amity.extract.event_patterns import TRIGGERS
from amity.extract.gazetteer import KR_LEVEL_KIND, SUBDIVISION_KIND
from amity.extract.topics import TOPIC_KEYWORDS
from amity.registry.models import Agreement, Engagement, Field, Organization, Place
from amity.registry.reference import FIELDS

ARTICLE = """News | City Hall | Contact
Busan and Koper sign friendship city agreement
By Kim Ji-woo, Reporter
Busan Mayor Park Heong-jun and Koper Mayor Ales Bržan signed a friendship city agreement at Busan City Hall
on June 22, 2023. Busan Port Authority and the Port of Koper signed a memorandum of understanding the same day.
The Slovenian Ambassador visited Gyeongsangbuk-do Province and Chiba Prefecture the following week to attend a
port logistics forum and the opening ceremony of a culture festival and exhibition.
© Busan Daily. All rights reserved.
"""


def test_code_tables_are_the_registry_choices():
    assert set(Engagement.Type.values) == set(codes.EVENT_TYPES)
    assert set(Agreement.Type.values) == set(codes.AGREEMENT_TYPES)
    assert set(Agreement.Status.values) == set(codes.AGREEMENT_STATUSES)
    assert set(Organization.Kind.values) == set(codes.ORGANIZATION_KINDS)
    assert set(Place.Kind.values) == set(codes.PLACE_KINDS)
    assert {code for code, _, _ in FIELDS} == set(codes.COOPERATION_FIELDS)
    assert Field._meta.get_field("code").max_length >= max(map(len, codes.COOPERATION_FIELDS))


def test_every_code_the_rules_map_to_is_a_choice():
    assert {etype for etype, _ in TRIGGERS} <= set(Engagement.Type.values)
    assert {atype for atype, _ in AGREEMENT_WORDINGS} <= set(Agreement.Type.values)
    assert set(TOPIC_KEYWORDS) <= set(codes.COOPERATION_FIELDS)
    place_kinds = {codes.registry_place_kind(k) for k in [*SUBDIVISION_KIND.values(), *KR_LEVEL_KIND.values()]}
    assert place_kinds <= set(Place.Kind.values)


def test_codes_in_an_extraction_are_registry_choices():
    result = extract(ARTICLE, published="2023-06-30")
    assert result.events and result.agreements and result.organizations
    assert {e.type for e in result.events} <= set(Engagement.Type.values)
    assert {e.status for e in result.events} - {None} <= set(codes.EVENT_STATUSES)
    assert {a.type for a in result.agreements} <= set(Agreement.Type.values)
    assert {a.status for a in result.agreements} <= set(Agreement.Status.values)
    assert {o.kind for o in result.organizations} <= set(Organization.Kind.values)
    assert {codes.registry_place_kind(p.kind) for p in result.places} - {None} <= set(Place.Kind.values)
    assert {t for e in result.events for t in e.topics} <= set(codes.COOPERATION_FIELDS)
