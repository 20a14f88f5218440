"""Test set-up: a throw-away AMITY_HOME, and the reference gazetteer loaded once per run.

The database is SQLite by default; set DATABASE_URL=postgresql://… to run the same
tests on PostgreSQL (the test command in the README does both).
"""

import os
import tempfile

os.environ.setdefault("AMITY_HOME", tempfile.mkdtemp(prefix="amity-test-"))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from amity.registry.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()
