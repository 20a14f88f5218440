"""`amity import` refuses what is not an export file with a message naming where, never a traceback."""

import io
import json
import os
import subprocess
import sys

import pytest

from amity.transfer import ImportFailed, import_registry, read_import_file


def test_deep_nesting_is_a_clear_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ImportFailed, match="nested too deeply"):
        read_import_file(path)
    moderately = {"people": [{"id": "p1", "name": "Kim", "notes": json.loads("[" * 50 + "]" * 50)}]}
    path.write_text(json.dumps(moderately))
    with pytest.raises(ImportFailed, match="nested too deeply"):
        read_import_file(path)


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "expected"), [(["a"], "must be a text"), (12345, "must be a text"),
                                                 ({"en": "Kim"}, "must be a text")])
def test_a_wrong_type_names_the_record_and_field(value, expected):
    with pytest.raises(ImportFailed) as failure:
        import_registry({"people": [{"id": "p1", "name": value}]})
    assert failure.value.location == "people[0] (id 'p1').name" and expected in failure.value.message


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "aliases"])
def test_a_nul_character_is_refused_on_every_engine(field):
    value = "Kim\x00Minji" if field == "name" else ["Kim Minji", "Kim\x00"]
    record = {"id": "p1", "name": "Kim", field: value}
    with pytest.raises(ImportFailed) as failure:
        import_registry({"people": [record]})
    assert failure.value.location == f"people[0] (id 'p1').{field}" and "NUL" in failure.value.message


@pytest.mark.django_db
def test_other_wrong_types_are_named_too():
    cases = [({"id": "p1", "name": "Kim", "aliases": "Kim Minji"}, "people[0] (id 'p1').aliases", "list of texts"),
             ({"id": "p1", "name": "Kim", "aliases": [1, 2]}, "people[0] (id 'p1').aliases", "list of texts")]
    for record, location, message in cases:
        with pytest.raises(ImportFailed) as failure:
            import_registry({"people": [record]})
        assert failure.value.location == location and message in failure.value.message
    with pytest.raises(ImportFailed, match="whole number"):
        import_registry({"places": [{"id": "x", "name": "Harbour Town", "kind": "city", "country_code": "KR",
                                     "population": "many"}]})


def test_files_over_the_limit_are_refused(tmp_path, settings):
    settings.AMITY_IMPORT_MAX_BYTES = 1024
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"people": [{"name": "x" * 2000}]}))
    with pytest.raises(ImportFailed, match="larger than the import limit"):
        read_import_file(path)
    with pytest.raises(ImportFailed, match="larger than the import limit"):
        read_import_file(io.BytesIO(path.read_bytes()), "standard input")


def test_a_command_before_init_says_to_run_init(tmp_path):
    env = {**os.environ, "AMITY_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "amity.cli", "review", "list"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert "run `amity init` first" in result.stderr and "Traceback" not in result.stderr
