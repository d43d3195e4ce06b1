"""Demo data: every app contributes a ``demo.load(log)``; accounts come last.

The demo data is loaded once, into a database without cities; ``circularcities
demo`` then only starts, so what people changed in demo records stays changed.
``circularcities load-demo`` refreshes the demo records on purpose.

Demo accounts get random passwords, kept in the data directory (mode 0600)
so ``circularcities demo`` can print them again at every start.
"""

from __future__ import annotations

import json
import secrets
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from circularcities.web.env import write_private

DEMO_APPS = ["coalition", "knowledge", "diagnosis", "planning", "marketplace", "logistics", "buildings", "waste",
             "procurement", "reuse", "systems"]

# (username, role, cities edited, organisation slug, what they can try)
DEMO_ACCOUNTS = [
    ("secretariat", "secretariat", [], None, "everything: invite people, edit any city"),
    ("amsterdam-editor", "city", ["amsterdam"], None, "edit Amsterdam: focal areas, diagnosis, plans"),
    ("changchun-editor", "city", ["changchun"], None, "edit Changchun"),
    ("partner", "partner", [], "iclei", "a knowledge partner"),
    ("business", "business", [], "demo-eastside-construction",
     "a business in Austin: list offers and wants, answer the deal waiting in My deals"),
    ("crc-staff", "partner", [], "prodabel",
     "staff of Belo Horizonte's refurbishment centre: move items from intake to donation"),
    ("borrower", "public", [], None, "a resident: borrow and return a tool (Share Peterborough)"),
]


def _accounts_file():
    return settings.DATA_DIR / "demo-accounts.json"


def load_demo(log=print) -> None:
    """Load or refresh every demo record (``load-demo``): demo records get their demo values back."""
    for app in DEMO_APPS:
        if find_spec(f"circularcities.{app}.demo") is not None:
            import_module(f"circularcities.{app}.demo").load(log=log)
    ensure_demo_accounts(reset=True)


def demo_loaded() -> bool:
    from circularcities.coalition.models import City

    return City.objects.exists()


@transaction.atomic
def ensure_demo_accounts(reset: bool = False) -> list[dict]:
    """The demo accounts with their passwords; missing ones are created.

    With ``reset`` (``load-demo``) existing accounts get their demo role and a
    known password back; without it an account someone changed is left alone
    and its password shown as changed (``None``).
    """
    from circularcities.accounts.models import CityMembership
    from circularcities.coalition.models import City, Partner

    path = _accounts_file()
    stored = json.loads(path.read_text()) if path.exists() else {}
    User = get_user_model()
    accounts = []
    for username, role, cities, org, what in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        password = stored.get(username)
        known = user is not None and bool(password) and user.check_password(password)
        if user is not None and not reset:
            accounts.append({"username": username, "password": password if known else None,
                             "role": user.profile.role, "what": what})
            continue
        if user is None or not known:  # no user means not known: create it
            password = secrets.token_urlsafe(9)
            user = user or User(username=username, email=f"{username}@demo.invalid")
            user.set_password(password)
            user.save()
        user.profile.role = role
        user.profile.organisation = Partner.objects.filter(slug=org).first() if org else None
        user.profile.save()
        for slug in cities:
            city = City.objects.filter(slug=slug).first()
            if city:
                CityMembership.objects.get_or_create(user=user, city=city)
        stored[username] = password
        accounts.append({"username": username, "password": password, "role": role, "what": what})
    write_private(path, json.dumps(stored, indent=1))
    return accounts
