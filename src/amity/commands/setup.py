"""Bringing up Django for a command: settings, database, migrations, reference data."""

from __future__ import annotations

import os
import sys


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    import django

    django.setup()


def init_database(verbose: bool = True) -> None:
    """Create the database, apply migrations and load the shipped reference data."""
    from django.core.management import call_command

    from amity.registry.reference import load_reference_data

    call_command("migrate", interactive=False, verbosity=0)
    report = load_reference_data()
    if verbose:
        from django.db import connection

        print(f"Database ready ({connection.vendor}: {connection.settings_dict['NAME']}).")
        print(f"Reference data added: {report}.")


def fail(message: str, status: int = 1) -> int:
    print(f"amity: {message}", file=sys.stderr)
    return status
