"""Export / import: lossless round trip, and bad files refused whole with a clear message."""

import copy
import json
from importlib import resources

import pytest

from amity.registry.models import Agreement, Alliance, Engagement, Organization, Person, Place
from amity.sources.models import Document
from amity.transfer import ImportFailed, export_registry, import_registry

pytestmark = pytest.mark.django_db


def demo_file() -> dict:
    return json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8"))


def _without_stamp(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "exported"}


def _wipe_registry() -> None:
    for model in (Engagement, Agreement, Alliance, Person, Organization, Document):
        for obj in model.objects.all():
            obj.delete()
    Place.objects.exclude(source=Place.Source.REFERENCE).delete()


def test_round_trip_is_lossless():
    import_registry(demo_file())
    Document.objects.create(text="Pohang and Ulsan held a joint forum.", title="Forum", published="2024-05")
    koper = Place.objects.get(name="Koper", country_code="SI")
    koper.add_alias("Koper City")
    koper.save()  # an edited reference place travels with the export
    Place.objects.create(name="Newtown", kind="district", country_code="KR", parent=koper, aliases=["New Town"])
    first = export_registry()
    _wipe_registry()
    Place.objects.filter(pk=koper.pk).update(aliases=[])
    import_registry(copy.deepcopy(first))
    second = export_registry()
    assert _without_stamp(second) == _without_stamp(first)
    assert "Koper City" in Place.objects.get(pk=koper.pk).aliases


def _import_error(data) -> ImportFailed:
    before = {model: model.objects.count() for model in (Person, Agreement, Engagement, Organization)}
    with pytest.raises(ImportFailed) as error:
        import_registry(data)
    after = {model: model.objects.count() for model in before}
    assert after == before, "a failed import must write nothing"
    return error.value


def test_unknown_country_code_names_record_and_field():
    data = demo_file()
    data["people"][1]["country_code"] = "XX"
    error = _import_error(data)
    assert error.location == "people[1] (id 'jernej-muller').country_code"
    assert "'XX' is not an ISO 3166-1" in error.message


def test_impossible_month_is_refused():
    data = demo_file()
    data["alliances"][0]["established"] = "2016-13"
    error = _import_error(data)
    assert error.location == "alliances[0] (id 'haeoreum').established"
    assert "month 13" in error.message


def test_agreement_party_that_does_not_exist():
    data = demo_file()
    data["agreements"][0]["parties"][1]["place"] = "place:Atlantis@SI"
    error = _import_error(data)
    assert error.location == "agreements[0] (id 'busan-koper').parties[1] (id 'busan-koper-koper').place"
    assert "does not exist" in error.message


def test_duplicate_in_file_and_in_registry():
    data = demo_file()
    data["people"].append(dict(data["people"][0]))
    error = _import_error(data)
    assert "appears twice" in error.message and "people[3]" in error.location
    import_registry(demo_file())
    error = _import_error(demo_file())
    assert error.message.startswith("duplicate:")


def test_unknown_fields_and_wrong_shapes():
    data = demo_file()
    data["people"][0]["favourite_colour"] = "blue"
    assert "favourite_colour" in _import_error(data).message
    assert _import_error({"people": {"not": "a list"}}).location == "people"
    assert _import_error(["not", "an", "object"]).location == "file"


def test_places_are_found_by_korean_alias():
    data = demo_file()
    data["organizations"][0]["place"] = "place:부산광역시@KR"
    import_registry(data)
    assert Organization.objects.get(name="Busan Port Authority").place.name == "Busan"
