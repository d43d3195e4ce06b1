"""Life-cycle GHG: emission factors, avoided emissions of exchanges, and
comparison of alternative materials.

One documented method for avoided emissions lives in
:mod:`circularcities.core.lca.avoided` (also ``data/AVOIDED_EMISSIONS_METHOD.md``).
"""

from circularcities.core.lca.avoided import AvoidedEmissions, UsedFactor, avoided_emissions
from circularcities.core.lca.compare import (
    Alternative,
    AlternativeResult,
    MaterialComparison,
    compare_alternatives,
)
from circularcities.core.lca.factors import (
    DEFAULT_FACTOR_SET,
    FACTOR_SETS,
    Factor,
    FactorSet,
    choose_factor_set,
    materials_in_factor_table,
)
from circularcities.core.lca.mapping import MaterialMapping, lookup_material, material_factor_map

__all__ = [
    "DEFAULT_FACTOR_SET",
    "FACTOR_SETS",
    "Alternative",
    "AlternativeResult",
    "AvoidedEmissions",
    "Factor",
    "FactorSet",
    "MaterialComparison",
    "MaterialMapping",
    "UsedFactor",
    "avoided_emissions",
    "choose_factor_set",
    "compare_alternatives",
    "lookup_material",
    "material_factor_map",
    "materials_in_factor_table",
]
