"""Quantities computed from a city metabolism, as inputs to indicators.

Each function returns a :class:`Quantity`: the value in tonnes and how many
flow rows contributed, so an indicator can tell "measured zero" from "no data"
instead of silently filling a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.model import ENVIRONMENT, PROCESSES, CityMetabolism

TREATMENT_ROUTES: tuple[str, ...] = (
    "recycling", "composting_digestion", "incineration_energy_recovery", "landfill")
"""Processes that receive collected waste, in the waste hierarchy's order."""

WASTE_SOURCES: tuple[str, ...] = ("collection", "sorting")
_DISPOSAL = {"landfill", "incineration_energy_recovery", ENVIRONMENT}


@dataclass(frozen=True)
class Quantity:
    """A computed amount (t) with the number of flow rows behind it (0 = no data)."""

    value: float
    n_rows: int

    @property
    def present(self) -> bool:
        return self.n_rows > 0


def _q(pair: tuple[float, int]) -> Quantity:
    return Quantity(*pair)


def domestic_extraction(model: CityMetabolism, year: int) -> Quantity:
    """Material leaving ``extraction`` (t): what the city's territory yields."""
    return _q(model.flow_between(["extraction"], _all_but("extraction"), year))


def imports(model: CityMetabolism, year: int) -> Quantity:
    """Material leaving ``imports`` into the city (t)."""
    return _q(model.flow_between(["imports"], _all_but("imports"), year))


def exports(model: CityMetabolism, year: int) -> Quantity:
    """Material entering ``exports`` (t)."""
    return _q(model.flow_between(_all_but("exports"), ["exports"], year))


def domestic_material_consumption(model: CityMetabolism, year: int) -> Quantity:
    """DMC = domestic extraction + imports - exports (t), as in economy-wide MFA."""
    parts = [domestic_extraction(model, year), imports(model, year), exports(model, year)]
    return Quantity(parts[0].value + parts[1].value - parts[2].value, sum(p.n_rows for p in parts))


def recycled_material_use(model: CityMetabolism, year: int) -> Quantity:
    """U: material recovered by recycling and composting/digestion and sent on to use (t).

    Outflows of ``recycling`` and ``composting_digestion`` to anything but disposal
    (landfill, incineration) or the environment. Exported secondary material counts,
    as Eurostat adds waste exported for recycling to U.
    """
    sources = ["recycling", "composting_digestion"]
    return _q(model.flow_between(sources, _all_but(*sources, *_DISPOSAL), year))


def waste_by_route(model: CityMetabolism, year: int) -> dict[str, Quantity]:
    """Collected waste entering each treatment route (t), from collection or sorting."""
    return {route: _q(model.flow_between(WASTE_SOURCES, [route], year)) for route in TREATMENT_ROUTES}


def waste_collected(model: CityMetabolism, year: int) -> Quantity:
    """Material entering ``collection`` (t): municipal waste collected."""
    return _q(model.flow_between(_all_but("collection"), ["collection"], year))


def _all_but(*excluded: str) -> list[str]:
    return [p for p in PROCESSES if p not in excluded]
