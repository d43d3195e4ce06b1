"""Materials marketplace and industrial-symbiosis matching.

Given offers and wants, :func:`match` finds the exchange plan that first
maximises the tonnes matched and then minimises the tonne-kilometres
travelled, exactly (one transportation LP per independent component).
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
from circularcities.core.matching.matcher import candidate_arcs, greedy_nearest_partner, match
from circularcities.core.matching.model import QUANTITY_TOLERANCE_T, Listing, Match, MatchPlan
from circularcities.core.matching.reference import exact_lp_reference
from circularcities.core.matching.solvers import (
    ColumnGenerationLP,
    ComponentSolver,
    GreedyNearest,
    StarSolver,
    TwoPhaseLP,
    WeightedLP,
)

__all__ = [
    "QUANTITY_TOLERANCE_T",
    "CircuityDistance",
    "ColumnGenerationLP",
    "Compatibility",
    "ComponentSolver",
    "DistanceProvider",
   "ExchangeImpact",
    "GreatCircle",
    "GreedyNearest",
    "Listing",
    "Match",
    "MatchPlan",
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
]
