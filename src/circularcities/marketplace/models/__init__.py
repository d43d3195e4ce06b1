from circularcities.marketplace.models.business import CircularityAnswer, CircularityAssessment
from circularcities.marketplace.models.catalogue import (
    CompatibilityRule,
    MaterialWeight,
    ProductCategory,
    ProgrammeFigure,
    WasteCode,
)
from circularcities.marketplace.models.deals import Proposal, ProposalEvent
from circularcities.marketplace.models.listings import Exchange, Listing
from circularcities.marketplace.models.parks import Facility, Flow, FlowValue, Park

__all__ = ["CircularityAnswer", "CircularityAssessment", "CompatibilityRule", "Exchange", "Facility", "Flow", "FlowValue", "Listing",
           "MaterialWeight", "Park", "ProductCategory", "ProgrammeFigure", "Proposal", "ProposalEvent",
           "WasteCode"]
