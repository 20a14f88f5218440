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


# Tests that never touch the database give the same answer on every engine: the README's test
# command runs them once, on SQLite, and the PostgreSQL pass (AMITY_DB_TESTS_ONLY=1) runs only
# the tests that use a database (through pytest-django, or marked `engine` when they start
# processes that connect to DATABASE_URL themselves).
_DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                "live_server", "admin_user", "admin_client", "django_user_model"}


def _uses_database(item) -> bool:
    if item.get_closest_marker("django_db") is not None or item.get_closest_marker("engine") is not None:
        return True
    return bool(_DB_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    import os

    if os.environ.get("AMITY_DB_TESTS_ONLY") != "1":
        return
    keep = [item for item in items if _uses_database(item)]
    dropped = [item for item in items if not _uses_database(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
