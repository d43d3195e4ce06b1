"""A refurbishment centre's workflow (modelled on Belo Horizonte's computer
refurbishment centre): the states an item goes through, the one rule for
moving it on, and the figures a centre reports (stock on hand, throughput per
year, progress against yearly targets).

An item is taken in (donor, category, mass), assessed, then refurbished or
dismantled, then donated (to a named recipient) or auctioned (at a price in an
ISO 4217 currency)::

    intake --assess--> assessed --refurbish--> refurbished --donate/auction--> donated / auctioned
                                 --dismantle--> dismantled  --donate/auction--> donated / auctioned

Each step is dated (not before the previous step, not after today) and names
who did it. The assessment decides the route: an item assessed for
refurbishment is refurbished, one assessed for dismantling is dismantled.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from circularcities.core import rules
from circularcities.core.rules import FieldError, Msg

INTAKE, ASSESSED, REFURBISHED, DISMANTLED, DONATED, AUCTIONED = (
    "intake", "assessed", "refurbished", "dismantled", "donated", "auctioned")
STATES = (INTAKE, ASSESSED, REFURBISHED, DISMANTLED, DONATED, AUCTIONED)
FINAL = (DONATED, AUCTIONED)

ASSESS, REFURBISH, DISMANTLE, DONATE, AUCTION = "assess", "refurbish", "dismantle", "donate", "auction"
ACTIONS = (ASSESS, REFURBISH, DISMANTLE, DONATE, AUCTION)
DECISIONS = (REFURBISH, DISMANTLE)

TRANSITIONS: dict[tuple[str, str], str] = {
    (INTAKE, ASSESS): ASSESSED,
    (ASSESSED, REFURBISH): REFURBISHED,
    (ASSESSED, DISMANTLE): DISMANTLED,
    (REFURBISHED, DONATE): DONATED,
    (REFURBISHED, AUCTION): AUCTIONED,
    (DISMANTLED, DONATE): DONATED,
    (DISMANTLED, AUCTION): AUCTIONED,
}
"""(state, action) -> next state; anything else is refused."""

MAX_ITEM_KG = 10_000.0
MAX_PRICE = rules.MAX_PRICE

NOT_ALLOWED = Msg("An item that is %(state)s cannot be %(action)s; next: %(allowed)s.")
FOLLOW_DECISION = Msg("The assessment decided to %(decision)s this item.")
BEFORE_PREVIOUS = Msg("Expected a date on or after the previous step (%(previous)s); got %(value)s.")
RECIPIENT = Msg("Name who receives the donation.")
NOBODY = Msg("Name who did this step.")


def allowed_actions(state: str) -> list[str]:
    """Actions that can follow ``state``, in workflow order."""
    return [a for a in ACTIONS if (state, a) in TRANSITIONS]


@dataclass(frozen=True)
class Step:
    """A checked step: the next state and the values to store with it."""

    action: str
    from_state: str
    to_state: str
    date: dt.date
    actor: str
    decision: str = ""
    recipient: str = ""
    price: Decimal | None = None
    currency: str = ""


def check_intake(*, donor, category, mass_kg, date, today: dt.date) -> tuple[str, str, float, dt.date]:
    """The intake values, checked: donor and category named, mass in kg above zero."""
    donor = rules.name("donor", donor, required=True)
    category = rules.name("category", category, required=True, max_length=100)
    mass = float(rules.positive("mass_kg", mass_kg, maximum=MAX_ITEM_KG))
    day = rules.date("date", date, not_future=True, today=today)
    assert day is not None
    return donor, category, mass, day


def check_step(state: str, action: str, *, date, actor: str, today: dt.date,
               previous: dt.date | None = None, decision: str = "", assessed_decision: str = "",
               recipient: str = "", price=None, currency: str = "") -> Step:
    """Check one move of the workflow and return it; raises :class:`FieldError`.

    ``previous`` is the date of the item's last step; ``assessed_decision`` the
    route its assessment chose (``refurbish`` or ``dismantle``).
    """
    rules.choice("action", action, ACTIONS)
    nxt = TRANSITIONS.get((state, action))
    if nxt is None:
        raise FieldError("action", NOT_ALLOWED, state=state, action=action,
                         allowed=", ".join(allowed_actions(state)) or "none (the item has left the centre)")
    if action in DECISIONS and assessed_decision and action != assessed_decision:
        raise FieldError("action", FOLLOW_DECISION, decision=assessed_decision)
    day = rules.date("date", date, not_future=True, today=today)
    assert day is not None
    if previous is not None and day < previous:
        raise FieldError("date", BEFORE_PREVIOUS, previous=previous.isoformat(), value=day.isoformat())
    actor = rules.name("actor", actor)
    if not actor:
        raise FieldError("actor", NOBODY)
    step = Step(action, state, nxt, day, actor)
    if action == ASSESS:
        return Step(action, state, nxt, day, actor, decision=rules.choice("decision", decision, DECISIONS))
    if action == DONATE:
        who = rules.name("recipient", recipient)
        if not who:
            raise FieldError("recipient", RECIPIENT)
        return Step(action, state, nxt, day, actor, recipient=who)
    if action == AUCTION:
        amount = rules.positive("price", price, maximum=MAX_PRICE)
        return Step(action, state, nxt, day, actor, recipient=rules.name("recipient", recipient),
                    price=Decimal(str(amount)).quantize(Decimal("0.01")),
                    currency=rules.currency("currency", currency))
    return step


# --- figures -----------------------------------------------------------------

@dataclass(frozen=True)
class ItemFacts:
    """What the figures need of an item: its state, mass and the dates of its steps."""

    state: str
    mass_kg: float
    intake: dt.date
    steps: tuple[tuple[str, dt.date], ...] = ()  # (to_state, date)


@dataclass(frozen=True)
class Stock:
    items: int
    kg: float
    by_state: dict[str, int]


def stock_on_hand(items: Iterable[ItemFacts]) -> Stock:
    """Items still in the centre (not donated or auctioned), by state."""
    held = [i for i in items if i.state not in FINAL]
    counts = Counter(i.state for i in held)
    return Stock(len(held), sum(i.mass_kg for i in held), {s: counts[s] for s in STATES if counts[s]})


@dataclass(frozen=True)
class YearFigures:
    year: int
    taken_in: int = 0
    kg_taken_in: float = 0.0
    refurbished: int = 0
    dismantled: int = 0
    donated: int = 0
    auctioned: int = 0
    kg_out: float = 0.0  # mass that left the centre (donated or auctioned) that year


def throughput(items: Iterable[ItemFacts]) -> list[YearFigures]:
    """Per calendar year: items taken in (and kg), refurbished, dismantled, donated,
    auctioned, and the kg that left the centre, each counted in the year of its step."""
    acc: dict[int, dict] = {}

    def row(year: int) -> dict:
        return acc.setdefault(year, {"taken_in": 0, "kg_taken_in": 0.0, "refurbished": 0, "dismantled": 0,
                                     "donated": 0, "auctioned": 0, "kg_out": 0.0})

    for item in items:
        r = row(item.intake.year)
        r["taken_in"] += 1
        r["kg_taken_in"] += item.mass_kg
        for state, day in item.steps:
            r = row(day.year)
            if state in (REFURBISHED, DISMANTLED, DONATED, AUCTIONED):
                r[state] += 1
            if state in FINAL:
                r["kg_out"] += item.mass_kg
    return [YearFigures(year, **acc[year]) for year in sorted(acc)]


@dataclass(frozen=True)
class TargetProgress:
    year: int
    measure: str
    target: float
    actual: float

    @property
    def share(self) -> float:
        return self.actual / self.target if self.target else 0.0

    @property
    def met(self) -> bool:
        return self.actual >= self.target


MEASURES = ("refurbished", "taken_in", "kg_taken_in", "donated", "kg_out")


def target_progress(years: list[YearFigures], targets: Iterable[tuple[int, str, float]]) -> list[TargetProgress]:
    """Each yearly target ``(year, measure, value)`` against that year's figure."""
    by_year = {y.year: y for y in years}
    out = []
    for year, measure, value in targets:
        rules.choice("measure", measure, MEASURES)
        fig = by_year.get(year)
        out.append(TargetProgress(year, measure, float(value), float(getattr(fig, measure)) if fig else 0.0))
    return out


def yearly_rate(value: float, year_from: int, year_to: int) -> float:
    """A figure reported for a period (both years included) as an average per year."""
    rules.year_after("year_to", year_to + 1, year_from)
    return value / (year_to - year_from + 1)


__all__ = ["ACTIONS", "FINAL", "STATES", "TRANSITIONS", "ItemFacts", "Step", "Stock", "TargetProgress",
           "YearFigures", "allowed_actions", "check_intake", "check_step", "stock_on_hand", "target_progress",
           "throughput", "yearly_rate"]
