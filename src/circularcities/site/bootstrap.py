"""Start Django from the command line and make sure a database is there."""

from __future__ import annotations

import os
import sys


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "circularcities.site.settings")
    import django

    django.setup()


def pending_migrations() -> tuple[bool, bool]:
    """(any migration pending, database was empty)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    applied = executor.loader.applied_migrations
    return bool(plan), not applied


def ensure_database(load_demo_if_new: bool = True, log=None) -> bool:
    """Migrate if needed; on a brand-new database also load the demo data.

    Messages go to stderr so commands that print JSON keep stdout clean.
    Returns True when the database was created just now.
    """
    setup_django()
    from django.core.management import call_command

    log = log or (lambda msg: print(msg, file=sys.stderr))
    pending, empty = pending_migrations()
    if pending:
        if empty:
            log("Creating the database and loading the demo data (first run)…" if load_demo_if_new
                else "Creating the database (first run)…")
        call_command("migrate", interactive=False, verbosity=0)
    # The shared cache lives in the database (see settings.CACHES); idempotent.
    call_command("createcachetable", verbosity=0)
    if empty and load_demo_if_new:
        from circularcities.site.demo import load_demo

        load_demo(log=log)
    return empty


def prepare_demo(log=print) -> list[dict]:
    """What ``circularcities demo`` does before serving, at every start.

    Creates or migrates the database and loads the demo data when it has none;
    on later starts it changes no record, so people's edits survive a restart.
    Returns the demo accounts to print.
    """
    from circularcities.site.demo import demo_loaded, ensure_demo_accounts, load_demo

    created = ensure_database(load_demo_if_new=True, log=log)
    if not created and not demo_loaded():
        load_demo(log=log)
    return ensure_demo_accounts(reset=False)
