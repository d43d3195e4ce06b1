"""``circularcities plans remind``: e-mail owners of overdue reports and milestones."""

from __future__ import annotations

import argparse
from datetime import date


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plans", help="action plans: reminders for overdue reports and milestones")
    plans = p.add_subparsers(dest="plans_command", metavar="SUBCOMMAND", required=True)
    r = plans.add_parser("remind", help="e-mail every owner their overdue items now (workers also do it daily)")
    r.add_argument("--as-of", type=date.fromisoformat, default=None,
                   help="date to judge overdue items by (YYYY-MM-DD, default today)")
    r.set_defaults(func=cmd_remind)


def cmd_remind(args) -> int:
    from circularcities.site.bootstrap import ensure_database

    ensure_database(load_demo_if_new=True)
    from circularcities.planning.review import send_reminders

    sent = send_reminders(args.as_of or date.today())
    print(f"{sent} reminder e-mail(s) sent.")
    return 0
