"""The 7R maturity questionnaire (Circular Peterborough style) and its scoring."""

from circularcities.core.maturity.model import (
    LEVEL_MAX,
    LEVEL_MIN,
    R_STRATEGIES,
    SUBJECTS,
    Assessment,
    Level,
    MaturityChange,
    MaturityScore,
    Strategy,
    compare,
    load_maturity_model,
    score,
)

__all__ = ["LEVEL_MAX", "LEVEL_MIN", "R_STRATEGIES", "SUBJECTS", "Assessment", "Level",
           "MaturityChange", "MaturityScore", "Strategy", "compare", "load_maturity_model", "score"]
