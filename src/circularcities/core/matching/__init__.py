"""Materials marketplace and industrial-symbiosis matching.

Given offers and wants, :func:`match` finds the exchange plan that first
maximises the tonnes matched and then minimises the tonne-kilometres
travelled, exactly (one transportation problem per independent component,
solved by the network simplex and checked by its dual certificate).
"""

from circularcities.core.matching.compatibility import (
    Compatibility,
    default_compatibility,
    material_key,
    read_compatibility_csv,
)
from circularcities.core.matching.csv_io import parse_listings_csv, read_listings_csv
from circularcities.core.matching.distance import CircuityDistance, DistanceProvider, GreatCircle
from circularcities.core.matching.impacts import ExchangeImpact, annotate_plan
from circularcities.core.matching.matcher import (
    Components,
    candidate_arcs,
    greedy_nearest_partner,
    match,
    solve_component,
    split_components,
)
from circularcities.core.matching.model import QUANTITY_TOLERANCE_T, Listing, Match, MatchPlan
from circularcities.core.matching.reference import exact_lp_reference
from circularcities.core.matching.solvers import (
    ColumnGenerationLP,
    ComponentSolver,
    GreedyNearest,
    NetworkSimplex,
    StarSolver,
    TwoPhaseLP,
    WeightedLP,
)

__all__ = [
    "QUANTITY_TOLERANCE_T",
    "CircuityDistance",
    "ColumnGenerationLP",
    "Compatibility",
    "Components",
    "ComponentSolver",
    "DistanceProvider",
    "ExchangeImpact",
    "GreatCircle",
    "GreedyNearest",
    "Listing",
    "Match",
    "MatchPlan",
    "NetworkSimplex",
    "StarSolver",
    "TwoPhaseLP",
    "WeightedLP",
    "annotate_plan",
    "candidate_arcs",
    "default_compatibility",
    "exact_lp_reference",
    "greedy_nearest_partner",
    "match",
    "parse_listings_csv",
    "material_key",
    "read_compatibility_csv",
    "read_listings_csv",
    "solve_component",
    "split_components",
]
