"""Planning and tracking: target status rules, trajectories, quarters, roll-ups.

Pure computation, no Django: the planning app feeds plain data in and shows
what comes out.
"""

from circularcities.core.planning.measures import (
    MEASURE_STATUSES,
    MeasureSummary,
    is_overdue,
    measure_overdue,
    split_exact,
    summarise,
)
from circularcities.core.planning.programme import INDICATORS as PROGRAMME_INDICATORS
from circularcities.core.planning.programme import ProgrammeIndicator
from circularcities.core.planning.progress_io import ProgressRow, read_progress
from circularcities.core.planning.quarters import Quarter, quarter_range
from circularcities.core.planning.rollup import RollUp, Tally, roll_up
from circularcities.core.planning.status import (
    DEFAULT_TOLERANCE,
    RULE_TEXT,
    Assessment,
    Observation,
    Status,
    annual_observations,
    assess,
)
from circularcities.core.planning.trajectory import Trajectory

__all__ = [
    "DEFAULT_TOLERANCE", "MEASURE_STATUSES", "PROGRAMME_INDICATORS", "RULE_TEXT",
    "Assessment", "MeasureSummary", "Observation", "ProgrammeIndicator", "ProgressRow", "Quarter",
    "RollUp", "Status", "Tally", "Trajectory", "annual_observations", "assess", "is_overdue",
    "measure_overdue", "quarter_range", "read_progress", "roll_up", "split_exact", "summarise",
]
