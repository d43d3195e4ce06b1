"""Peer benchmarks and recommendations from a city's diagnosis.

Three steps, each usable alone:

1. :func:`select_peers`: cities in the same region with a population within a
   factor of the city's (default 1/3x..3x); if fewer than ``min_peers`` qualify,
   every city of the region (the rule used is returned, so the page can say so).
2. :func:`benchmark`: per indicator, the city's percentile among peers
   (100 = best, whatever the indicator's direction), the peers' median, and the gap.
3. :func:`suggest_focal_areas` (at most three of the six areas, each with a reason
   in English and Chinese) and :func:`rank_cases` (library cases by relevance).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError
from circularcities.core.indicators.catalogue import AREAS, DIRECTIONS

R_AREAS: dict[str, tuple[str, ...]] = {
    "rethink": ("spatial-planning", "procurement"),
    "redesign": ("buildings", "procurement"),
    "reuse_share": ("municipal-resources", "buildings"),
    "repair": ("municipal-resources",),
    "remanufacture": ("industrial-symbiosis",),
    "recycle": ("municipal-resources", "industrial-symbiosis"),
    "recover": ("nexus", "industrial-symbiosis"),
}
"""Which thematic areas act on each R strategy (the platform's own mapping)."""

AREA_NAMES = {
    "spatial-planning": ("spatial planning", "空间规划"),
    "procurement": ("circular procurement", "循环采购"),
    "industrial-symbiosis": ("industrial symbiosis", "产业共生"),
    "municipal-resources": ("municipal resource management", "城市资源管理"),
    "buildings": ("circular buildings", "循环建筑"),
    "nexus": ("water-food-energy nexus", "水-粮食-能源关联"),
}


@dataclass(frozen=True)
class CityProfile:
    """A city as a peer candidate: ``name``, ``region`` (e.g. World Bank region id), ``population`` > 0."""

    name: str
    region: str
    population: float

    def __post_init__(self):
        if not isinstance(self.population, int | float) or self.population <= 0:
            raise ValidationError(f"Expected population > 0 for {self.name}, got {self.population!r}.")


@dataclass(frozen=True)
class PeerSelection:
    """Chosen peers and the rule applied: ``region+population`` or ``region``."""

    peers: list[CityProfile]
    rule: str


def select_peers(city: CityProfile, candidates: Iterable[CityProfile], factor: float = 3.0,
                 min_peers: int = 3) -> PeerSelection:
    """Peers of ``city`` by region and population.

    Parameters
    ----------
    factor
        Population window: a peer has ``population / factor <= p <= population * factor`` (> 1).
    min_peers
        Below this many, fall back to every city of the region.
    """
    if factor <= 1:
        raise ValidationError("Expected factor > 1.")
    same_region = [c for c in candidates if c.region == city.region and c.name != city.name]
    close = [c for c in same_region if city.population / factor <= c.population <= city.population * factor]
    if len(close) >= min_peers:
        return PeerSelection(close, "region+population")
    return PeerSelection(same_region, "region")


@dataclass(frozen=True)
class Benchmark:
    """The city against its peers on one indicator.

    Attributes
    ----------
    percentile
        0..100, 100 = best: the share of peers the city does better than, counting
        ties as half (the mid-rank convention), so equal values give 50. ``None``
        without peer values.
    median
        Median of the peers' values.
    gap
        How far the city is behind the median in the good direction (> 0 = behind,
        < 0 = ahead), in the indicator's unit; ``relative_gap`` divides by ``|median|``.
    """

    code: str
    value: float
    year: int
    n_peers: int
    percentile: float | None
    median: float | None
    gap: float | None
    relative_gap: float | None


def benchmark(city_values: Mapping[str, tuple[float, int]],
              peer_values: Mapping[str, Iterable[float]],
              directions: Mapping[str, str]) -> dict[str, Benchmark]:
    """Percentile, peer median and gap for every indicator the city has a value for.

    Parameters
    ----------
    city_values
        ``code -> (value, year)``.
    peer_values
        ``code -> peers' values`` (use each peer's latest year).
    directions
        ``code -> "higher_is_better" | "lower_is_better"``.
    """
    out = {}
    for code, (value, year) in city_values.items():
        direction = directions.get(code)
        if direction not in DIRECTIONS:
            raise ValidationError(f"Expected a direction for indicator {code}.")
        sign = 1.0 if direction == "higher_is_better" else -1.0
        peers = [float(v) for v in peer_values.get(code, [])]
        if not peers:
            out[code] = Benchmark(code, value, year, 0, None, None, None, None)
            continue
        better = sum(1 for p in peers if sign * value > sign * p)
        ties = sum(1 for p in peers if p == value)
        med = statistics.median(peers)
        gap = sign * (med - value)
        out[code] = Benchmark(code, value, year, len(peers), 100.0 * (better + 0.5 * ties) / len(peers),
                              med, gap, gap / abs(med) if med else None)
    return out


@dataclass(frozen=True)
class FocalArea:
    """A suggested thematic area, with what drove it and a reason in two languages."""

    area: str
    score: float
    indicators: tuple[str, ...]
    weak_rs: tuple[str, ...]
    reason_en: str
    reason_zh: str


def suggest_focal_areas(benchmarks: Mapping[str, Benchmark],
                        related_areas: Mapping[str, Iterable[str]],
                        maturity: Mapping[str, int] | None = None,
                        max_areas: int = 3, names: Mapping[str, tuple[str, str]] | None = None,
                        ) -> list[FocalArea]:
    """At most ``max_areas`` areas where the city lags most.

    Each indicator behind the peer median adds ``(100 - percentile) / 100`` to each
    of its related areas; each R at level ``l`` < 4 adds ``(4 - l) / 3`` to the areas
    acting on it (:data:`R_AREAS`). Areas with score 0 are not suggested.

    Parameters
    ----------
    benchmarks
        From :func:`benchmark`.
    related_areas
        ``code -> area slugs`` (from the catalogue).
    maturity
        ``r -> level`` from the latest assessment, optional.
    names
        ``code -> (name_en, name_zh)`` for the reasons (default: the codes).
    """
    if not 1 <= max_areas <= len(AREAS):
        raise ValidationError("Expected max_areas between 1 and 6.")
    scores = {a: 0.0 for a in AREAS}
    drivers: dict[str, list[tuple[float, str]]] = {a: [] for a in AREAS}
    weak: dict[str, list[str]] = {a: [] for a in AREAS}
    for code, b in benchmarks.items():
        if b.percentile is None or b.gap is None or b.gap <= 0:
            continue
        weight = (100 - b.percentile) / 100
        for area in related_areas.get(code, ()):
            scores[area] += weight
            drivers[area].append((weight, code))
    for r, level in (maturity or {}).items():
        if level < 4:
            for area in R_AREAS.get(r, ()):
                scores[area] += (4 - level) / 3
                weak[area].append(r)
    ranked = sorted((a for a in AREAS if scores[a] > 0), key=lambda a: (-scores[a], AREAS.index(a)))
    names = names or {}
    out = []
    for area in ranked[:max_areas]:
        codes = tuple(c for _, c in sorted(drivers[area], reverse=True)[:3])
        en_parts, zh_parts = [], []
        if codes:
            en_parts.append("behind peers on " + ", ".join(
                f"{names.get(c, (c, c))[0]} (percentile {benchmarks[c].percentile:.0f})" for c in codes))
            zh_parts.append("以下指标落后于同类城市：" + "、".join(
                f"{names.get(c, (c, c))[1]}（百分位 {benchmarks[c].percentile:.0f}）" for c in codes))
        if weak[area]:
            r_names = _r_names()
            en_parts.append("low 7R maturity in " + ", ".join(
                f"{r_names.get(r, (r, r))[0]} (level {maturity[r]})" for r in weak[area]))  # type: ignore[index]
            zh_parts.append("7R成熟度较低：" + "、".join(
                f"{r_names.get(r, (r, r))[1]}（等级 {maturity[r]}）" for r in weak[area]))  # type: ignore[index]
        en_name, zh_name = AREA_NAMES[area]
        out.append(FocalArea(area, round(scores[area], 6), codes, tuple(weak[area]),
                             f"Suggested focus on {en_name}: " + "; ".join(en_parts) + ".",
                             f"建议重点关注{zh_name}：" + "；".join(zh_parts) + "。"))
    return out


def _r_names() -> dict[str, tuple[str, str]]:
    """English and Chinese names of the 7Rs, from the maturity questionnaire."""
    from circularcities.core.maturity import load_maturity_model

    return {r: (s.name_en, s.name_zh) for r, s in load_maturity_model().items()}


@dataclass(frozen=True)
class RankedCase:
    """A library case with its relevance score and what matched."""

    slug: str
    score: float
    matched_areas: tuple[str, ...]
    matched_rs: tuple[str, ...]
    matched_keywords: tuple[str, ...] = field(default_factory=tuple)


def rank_cases(cases: Iterable[Mapping], focal_areas: Iterable[str], weak_rs: Iterable[str],
               keywords: Iterable[str] = ()) -> list[RankedCase]:
    """Library cases by relevance, best first; cases matching nothing are left out.

    Score: 2 per suggested area the case covers (3 for the first area, the most
    urgent), 1 per weak R it addresses, 0.5 per keyword it shares (case-insensitive).
    Ties are broken by slug, so the order is stable.

    Parameters
    ----------
    cases
        Dicts with ``slug``, ``areas``, ``r_strategies``, ``keywords``.
    """
    focal = list(focal_areas)
    weak = set(weak_rs)
    kws = {k.lower() for k in keywords}
    ranked = []
    for case in cases:
        if "slug" not in case:
            raise ValidationError("Expected every case to have a slug.")
        areas = tuple(a for a in focal if a in set(case.get("areas", ())))
        rs = tuple(r for r in case.get("r_strategies", ()) if r in weak)
        words = tuple(k for k in case.get("keywords", ()) if k.lower() in kws)
        score = sum(3.0 if focal.index(a) == 0 else 2.0 for a in areas) + len(rs) + 0.5 * len(words)
        if score > 0:
            ranked.append(RankedCase(case["slug"], score, areas, rs, words))
    return sorted(ranked, key=lambda c: (-c.score, c.slug))
