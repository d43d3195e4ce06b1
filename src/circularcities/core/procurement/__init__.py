"""Circular procurement, pure computations: life-cycle comparison of alternatives
(EN 15804 / EN 15978 modules), EPD readers, certified-product requirements,
tender scorecards and savings roll-ups. No Django here."""

from circularcities.core.procurement.epd import (
    EpdData,
    generic_from_factor_table,
    lines_for,
    read_generic_table,
    read_ilcd,
    read_openepd,
)
from circularcities.core.procurement.items_csv import read_items
from circularcities.core.procurement.lifecycle import (
    Alternative,
    AlternativeResult,
    Item,
    ItemResult,
    ModuleLine,
    ReuseAssumption,
    compare_item,
    compare_items,
    evaluate,
    reused_component,
    total_saving_kgco2e,
)
from circularcities.core.procurement.modules import (
    A_TO_C,
    MODULE_NAMES,
    MODULES,
    module_code,
    unit_code,
)
from circularcities.core.procurement.requirements import (
    Certificate,
    Failure,
    Product,
    RequirementSet,
    Substance,
    cas_number,
    check_product,
    find_products,
)
from circularcities.core.procurement.savings import KINDS, Saving, rollup
from circularcities.core.procurement.scoring import (
    CRITERIA,
    LOWER_IS_BETTER,
    Bid,
    Criterion,
    Scorecard,
    rule_text,
    score,
)

__all__ = [
    "A_TO_C", "CRITERIA", "KINDS", "LOWER_IS_BETTER", "MODULES", "MODULE_NAMES",
    "Alternative", "AlternativeResult", "Bid", "Certificate", "Criterion", "EpdData", "Failure", "Item",
    "ItemResult", "ModuleLine", "Product", "RequirementSet", "ReuseAssumption", "Saving", "Scorecard",
    "Substance", "cas_number", "check_product", "compare_item", "compare_items", "evaluate",
    "find_products", "generic_from_factor_table", "lines_for", "module_code", "read_generic_table", "read_ilcd", "read_items",
    "read_openepd", "reused_component", "rollup", "rule_text", "score", "total_saving_kgco2e", "unit_code",
]
