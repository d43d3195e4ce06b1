"""Operator commands: demo, serve, setup, load-demo, create-secretariat, backup, restore, manage."""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="set up the embedded database with demo data and serve it")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--no-serve", action="store_true", help="only prepare the data, do not serve")
    p.add_argument("--job-workers", type=int, default=1,
                   help="background job workers to start beside the server (default 1)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="serve the platform (production-ready WSGI server)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--workers", type=int, default=1,
                   help="web server processes (more than 1: gunicorn, Unix only)")
    p.add_argument("--job-workers", type=int, default=1,
                   help="background job workers to start beside the server (default 1; "
                   "0 when `circularcities worker` runs elsewhere)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("setup", help="create or migrate the database (no demo data)")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("load-demo", help="load or refresh the demo data")
    p.set_defaults(func=cmd_load_demo)

    p = sub.add_parser("create-secretariat", help="create a secretariat account")
    p.add_argument("username")
    p.add_argument("--email", default="")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(func=cmd_create_secretariat)

    p = sub.add_parser("backup", help="write all data to a file (.json.gz)")
    p.add_argument("path")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace all data with a backup file")
    p.add_argument("path")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("manage", help="run a Django management command", add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)


def _django():
    from circularcities.site.bootstrap import setup_django

    setup_django()


def _print_accounts(accounts, port, host):
    print(f"\nCircular Cities Platform (demo) at http://{host}:{port}/  (中文: http://{host}:{port}/zh-hans/)")
    print("Sign in with one of these demo accounts:")
    for a in accounts:
        password = a["password"] or "(changed by its owner)"
        print(f"  {a['username']:<18} password {password:<14} {a['role']:<12} {a['what']}")
    print("Stop with Ctrl+C.\n", flush=True)


def cmd_demo(args) -> int:
    os.environ.setdefault("CIRCULARCITIES_DEMO", "1")
    _django()
    from circularcities.site.bootstrap import prepare_demo

    # Loads the demo data only into a database without it: a restart keeps people's edits.
    _print_accounts(prepare_demo(log=print), args.port, args.host)
    if args.no_serve:
        return 0
    return _serve(args.host, args.port, threads=8, job_workers=args.job_workers)


def _serve(host, port, threads=8, workers=1, job_workers=1) -> int:
    """Serve until stopped, with ``job_workers`` job worker processes that stop with it."""
    from django.db import connections

    from circularcities.commands.worker import serve_gunicorn, spawn_workers, stop_workers

    connections.close_all()  # nothing open is shared with forked or spawned processes
    procs = spawn_workers(job_workers)
    # `kill` (SIGTERM) stops the server like Ctrl+C does, so the workers stop with it.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        if workers > 1:
            serve_gunicorn(host, port, workers=workers, threads=threads)
        else:
            from django.core.wsgi import get_wsgi_application
            from waitress import serve

            serve(get_wsgi_application(), host=host, port=port, threads=threads, ident="circularcities")
    finally:
        stop_workers(procs)
    return 0


def cmd_serve(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=False)
    print(f"Serving on http://{args.host}:{args.port}/", flush=True)
    return _serve(args.host, args.port, threads=args.threads, workers=args.workers,
                  job_workers=args.job_workers)


def cmd_setup(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=False, log=print)
    print("Database ready.")
    return 0


def cmd_load_demo(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    if not ensure_database(load_demo_if_new=True, log=print):
        from circularcities.site.demo import load_demo

        load_demo(log=print)
    return 0


def cmd_create_secretariat(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=False)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    User = get_user_model()
    if User.objects.filter(username=args.username).exists():
        print(f"error: an account named {args.username!r} exists already.", file=sys.stderr)
        return 1
    try:
        validate_password(password)
    except ValidationError as exc:
        print("error: " + " ".join(exc.messages), file=sys.stderr)
        return 1
    user = User.objects.create_user(args.username, email=args.email, password=password)
    user.profile.role = "secretariat"
    user.profile.save()
    print(f"Secretariat account {args.username!r} created.")
    return 0


def cmd_backup(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=False)
    from circularcities.web.backup import write_backup

    path = Path(args.path)
    write_backup(path)
    print(f"Backup written to {path} (readable by you only: it holds password hashes).")
    return 0


def cmd_restore(args) -> int:
    # The file is checked before anything else: a bad file is answered in one sentence, exit 2.
    from circularcities.web.backup import BackupError, read_backup

    path = Path(args.path)
    try:
        objects = read_backup(path)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.yes:
        if not sys.stdin.isatty():
            print("error: restore replaces all data; confirm it in a terminal, or add --yes.",
                  file=sys.stderr)
            return 2
        answer = input("This replaces ALL data with the backup. Type 'yes' to go on: ")
        if answer.strip().lower() != "yes":
            print("Nothing changed.")
            return 1
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=False)
    from django.conf import settings

    from circularcities.web.backup import restore_backup

    try:
        count = restore_backup(objects, settings.DATA_DIR)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Restored {count} records from {path}.")
    return 0


def cmd_manage(args) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["circularcities manage", *args.args])
    return 0
