"""Property-based run of the live OpenAPI schema (schemathesis over the WSGI app).

Every operation gets generated valid and invalid requests as an admin; no response may be a
server error, use an undocumented status, or break its documented schema.
"""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from amity.accounts.models import ApiToken
from amity.wsgi import application
from tests.api.conftest import make_user

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def admin_key(demo):
    _, key = ApiToken.issue(make_user("fuzzer", "admin"), "schemathesis")
    # The WSGI handler closes the connection after each request; the test's transaction needs it open
    # (django.test.Client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield key
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, admin_key):
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_key}"}, checks=CHECKS)


def _names_missing_records_only(response) -> bool:
    """A 422 whose every error is a reference to an id (or field code) that no record has."""
    if response.status_code != 422:
        return False
    errors = response.json().get("errors") or []
    return bool(errors) and all(re.match(r"(no .+ with (id|code) |unknown field code)", error["msg"])
                                for error in errors)


@schemathesis.check
def positive_data_accepted_when_its_ids_exist(ctx, response, case):
    """schemathesis's positive_data_acceptance, except for ids that name no record.

    A schema cannot say which ids exist, so a made-up reference ({"place": 7777}) is a 422 the
    schema cannot predict; every other refusal of data the schema allows is a mismatch.
    """
    if _names_missing_records_only(response):
        return None
    return positive_data_acceptance(ctx, response, case)


# Every check schemathesis has on the writes whose bodies carry names, dates, references and parts:
# data the schema refuses is refused (negative_data_rejection), data it allows is accepted.
writes = schema.include(path_regex=r"^/api/v1/(organizations|engagements|teams/\{id\}/members)(/\{id\})?$",
                        method=["POST", "PATCH"])


@writes.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_writes_accept_exactly_what_the_schema_allows(case, admin_key):
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_key}"},
                           excluded_checks=[positive_data_acceptance],
                           additional_checks=[positive_data_accepted_when_its_ids_exist])
