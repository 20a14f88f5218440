"""Test set-up: the reference gazetteer loaded once per run.

Settings give each test run its own AMITY_HOME (see amity.settings.amity_home).
The database is SQLite by default; set DATABASE_URL=postgresql://… to run the same
tests on PostgreSQL (the README's test command does both).
"""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from amity.registry.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()
