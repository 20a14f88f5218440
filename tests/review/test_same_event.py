"""One engagement per real event: an article's event is the registry's engagement of that day when
they share a person, share another participant and the type, or share the place and the type;
other engagements of the same day (however many) are not it."""

import pytest

from amity.core.actor import acting_as
from amity.core.partialdate import PartialDate
from amity.registry import models as m
from amity.registry import services as registry
from amity.review.apply import _same_event

pytestmark = pytest.mark.django_db

DAY = "2024-09-12"


@pytest.fixture
def registry_of_the_day():
    with acting_as("user:test"):
        tampere = registry.create(m.Place, name="Tampere", kind="city", country_code="FI")
        pohang = registry.create(m.Place, name="Pohang", kind="city", country_code="KR")
        mayor = registry.create(m.Person, name="Liisa Korhonen")
        council = registry.create(m.Organization, name="Tampere City Council", kind="government")
        busy = [registry.create(m.Engagement, type="visit", date=PartialDate.coerce(DAY), place=pohang)
                for _ in range(3)]  # the same day elsewhere, with no one in common
        meeting = registry.create(m.Engagement, type="meeting", date=PartialDate.coerce(DAY), place=tampere)
        registry.create(m.EngagementParticipant, engagement=meeting, person=mayor, role="host")
        registry.create(m.EngagementParticipant, engagement=meeting, organization=council)
    return {"tampere": tampere, "pohang": pohang, "mayor": mayor, "council": council, "meeting": meeting,
            "busy": busy}


def test_a_shared_person_makes_it_the_same_event_whatever_its_type(registry_of_the_day):
    r = registry_of_the_day
    assert _same_event({"date": DAY, "type": "signing"}, None, [(r["mayor"], "guest")]) == r["meeting"]


def test_another_shared_participant_needs_the_same_type(registry_of_the_day):
    r = registry_of_the_day
    assert _same_event({"date": DAY, "type": "meeting"}, None, [(r["council"], "")]) == r["meeting"]
    assert _same_event({"date": DAY, "type": "signing"}, None, [(r["council"], "")]) is None


def test_the_same_place_and_type_make_it_the_same_event(registry_of_the_day):
    r = registry_of_the_day
    assert _same_event({"date": DAY, "type": "meeting"}, r["tampere"], []) == r["meeting"]
    assert _same_event({"date": DAY, "type": "signing"}, r["tampere"], []) is None
    assert _same_event({"date": "2024-09-13", "type": "meeting"}, r["tampere"], [(r["mayor"], "")]) is None
    assert _same_event({"date": "2024-09", "type": "meeting"}, r["tampere"], []) is None  # a month is no day


def test_an_engagement_elsewhere_with_no_one_in_common_is_not_it(registry_of_the_day):
    r = registry_of_the_day
    other = registry.create(m.Person, name="Park Ji-won", actor="user:test")
    assert _same_event({"date": DAY, "type": "meeting"}, None, [(other, "")]) is None
    assert _same_event({"date": DAY, "type": "visit"}, r["pohang"], []) == r["busy"][-1]  # the newest first
