"""Collection logistics: plan routes that collect waste and bring it to a facility.

Pure computation (no Django). Typical use::

    from circularcities.core import routing
    scenario = routing.read_scenario("scenario.xlsx")
    comparison = routing.compare_partitions(scenario, seconds=5)
    print(comparison.summary())

Main entry points: :func:`solve` (one scenario, one facility),
:func:`compare_partitions` / :func:`compare_all_partitions` (plans),
:func:`evaluate` (independent recomputation), :func:`solve_vrplib`
(standard benchmark files), :func:`routes_to_geojson` /
:func:`routes_to_csv` (exports).
"""

from .checks import check_feasibility as check_feasibility
from .checks import check_partition as check_partition
from .checks import check_references as check_references
from .distance import DistanceProvider as DistanceProvider
from .distance import GreatCircleCircuity as GreatCircleCircuity
from .distance import MatrixDistances as MatrixDistances
from .distance import haversine_km as haversine_km
from .evaluate import evaluate as evaluate
from .excel import read_scenario as read_scenario
from .excel import read_scenario_workbook as read_scenario_workbook
from .excel import write_result as write_result
from .excel import write_scenario as write_scenario
from .excel import write_template as write_template
from .export import routes_to_csv as routes_to_csv
from .export import routes_to_geojson as routes_to_geojson
from .export import stop_rows as stop_rows
from .model import CollectionPoint as CollectionPoint
from .model import Depot as Depot
from .model import Facility as Facility
from .model import Partition as Partition
from .model import PlanGroup as PlanGroup
from .model import RoutingValidationError as RoutingValidationError
from .model import Scenario as Scenario
from .model import VehicleType as VehicleType
from .partitions import Comparison as Comparison
from .partitions import GroupResult as GroupResult
from .partitions import PlanResult as PlanResult
from .partitions import all_partitions as all_partitions
from .partitions import bell_number as bell_number
from .partitions import compare_all_partitions as compare_all_partitions
from .partitions import compare_partitions as compare_partitions
from .partitions import default_facility as default_facility
from .partitions import rank_partitions as rank_partitions
from .result import Evaluation as Evaluation
from .result import Progress as Progress
from .result import Route as Route
from .result import RouteMetrics as RouteMetrics
from .result import SolveResult as SolveResult
from .result import Stop as Stop
from .solver import ProgressStop as ProgressStop
from .solver import solve as solve
from .vrplib_io import nint as nint
from .vrplib_io import read_vrplib as read_vrplib
from .vrplib_io import read_vrplib_solution as read_vrplib_solution
from .vrplib_io import solve_vrplib as solve_vrplib
from .vrplib_io import vrplib_cost as vrplib_cost

__all__ = [
    "CollectionPoint", "Comparison", "DistanceProvider", "Depot", "Evaluation", "Facility",
    "GreatCircleCircuity", "GroupResult", "MatrixDistances", "Partition", "PlanGroup",
    "PlanResult", "Progress", "ProgressStop", "Route", "RouteMetrics", "RoutingValidationError",
    "Scenario", "SolveResult", "Stop", "VehicleType", "all_partitions", "bell_number",
    "check_feasibility", "check_partition", "check_references", "compare_all_partitions",
    "compare_partitions", "default_facility", "evaluate", "haversine_km", "nint",
    "rank_partitions", "read_scenario", "read_scenario_workbook", "read_vrplib",
    "read_vrplib_solution", "routes_to_csv", "routes_to_geojson", "solve", "solve_vrplib",
    "stop_rows", "vrplib_cost", "write_result", "write_scenario", "write_template",
]
