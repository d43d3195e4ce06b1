"""Programme indicators: what funded projects report each quarter.

Drawn from the programmes in the case studies (Circular economy in cities: case studies):
Brussels' Be Circular (companies supported, people trained), Advance London
(SMEs supported, hours of support, funding raised, new products), Toronto's
procurement pilots (jobs, savings, waste diverted), Belo Horizonte's computer
refurbishment centre (items refurbished, people trained).
"""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core import rules
from circularcities.core.i18n import N_, translate


@dataclass(frozen=True)
class ProgrammeIndicator:
    """One programme indicator.

    Parameters
    ----------
    key
        Stable identifier used in files and the API.
    name_en, name_zh
        Name in English (the key of its translations in core's catalogues, see
        :meth:`name`) and in Chinese (kept for older callers).
    unit
        Unit of the value ("organisations", "people", "h", "t", ...); money
        indicators carry their currency on each entry instead.
    is_money
        True when the value is an amount of money (ISO 4217 currency required).
    """

    key: str
    name_en: str
    name_zh: str
    unit: str
    is_money: bool = False

    def name(self, language: str | None = None) -> str:
        """The name in ``language`` (default: the active one), from core's catalogues."""
        return translate(self.name_en, language)

    def __post_init__(self):
        if not self.key or not self.key.replace("_", "").isalnum() or self.key != self.key.lower():
            raise ValueError(f"Expected a lower-case key of letters, digits and '_'; got {self.key!r}.")
        if not self.unit:
            raise ValueError("Expected a unit.")


INDICATORS: dict[str, ProgrammeIndicator] = {i.key: i for i in [
    ProgrammeIndicator("companies_supported", N_("Companies supported"), "受支持企业数", "organisations"),
    ProgrammeIndicator("people_trained", N_("People trained"), "受培训人数", "people"),
    ProgrammeIndicator("support_hours", N_("Hours of support"), "支持服务时数", "h"),
    ProgrammeIndicator("funding_raised", N_("Funding raised"), "获得融资额", "currency", is_money=True),
    ProgrammeIndicator("new_products", N_("New products or services"), "新产品或服务数", "products"),
    ProgrammeIndicator("items_refurbished", N_("Items refurbished"), "翻新物品数", "items"),
    ProgrammeIndicator("jobs_created", N_("Jobs created"), "创造就业岗位数", "jobs"),
    ProgrammeIndicator("tonnes_diverted", N_("Waste diverted from landfill"), "填埋减量", "t"),
]}


def get(key: str) -> ProgrammeIndicator:
    try:
        return INDICATORS[key]
    except KeyError:
        raise ValueError(f"Expected a programme indicator among {', '.join(INDICATORS)}; got {key!r}.") from None


def parse_goals(text: str, allowed: list[str] | None = None) -> list[tuple[str, int, float]]:
    """Yearly programme targets written one per line: ``items_refurbished 2021: 1000``.

    Returns ``[(indicator, year, value), ...]``; raises ``ValueError`` naming the
    line. ``allowed`` limits the indicators to those the programme tracks.
    """
    out: list[tuple[str, int, float]] = []
    seen: set[tuple[str, int]] = set()
    for n, line in enumerate((text or "").replace(";", "\n").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        head, sep, val = line.rpartition(":")
        parts = head.split()
        if not sep or len(parts) != 2:
            raise ValueError(f"Line {n}: expected 'indicator year: value', e.g. 'items_refurbished 2021: 1000'; "
                             f"got {line!r}.")
        key, year_text = parts[0].lower(), parts[1]
        if key not in INDICATORS:
            raise ValueError(f"Line {n}: expected an indicator among {', '.join(INDICATORS)}; got {key!r}.")
        if allowed is not None and key not in allowed:
            raise ValueError(f"Line {n}: the programme does not track {key!r}; tick it among its indicators first.")
        try:
            year = int(year_text)
            value = float(val.strip().replace(",", ""))
        except ValueError:
            raise ValueError(f"Line {n}: expected a year and a number; got {line!r}.") from None
        try:
            rules.year("year", year)
            rules.non_negative("value", value, maximum=rules.MAX_MAGNITUDE)
        except rules.FieldError as exc:
            raise ValueError(f"Line {n}: {exc.text()}") from None
        if (key, year) in seen:
            raise ValueError(f"Line {n}: {key} {year} is given twice.")
        seen.add((key, year))
        out.append((key, year, value))
    return out
