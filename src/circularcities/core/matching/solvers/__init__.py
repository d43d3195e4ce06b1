"""Solvers for one transportation sub-problem (one connected component).

Interchangeable strategies, one class per file, all following
:class:`ComponentSolver`: :class:`TwoPhaseLP` (exact, two LPs),
:class:`NetworkSimplex` (exact, the default: the network simplex on the
real-valued data, dual-certified), :class:`ColumnGenerationLP` (exact: the
weighted LP by column generation), :class:`WeightedLP` (exact, one LP with a provably safe weight),
:class:`StarSolver` (exact closed form when one side has a single listing) and
:class:`GreedyNearest` (the nearest-partner baseline, for benchmarks only).
"""

from circularcities.core.matching.solvers.column_generation import ColumnGenerationLP
from circularcities.core.matching.solvers.greedy import GreedyNearest
from circularcities.core.matching.solvers.network_simplex import NetworkSimplex
from circularcities.core.matching.solvers.protocol import ComponentSolver
from circularcities.core.matching.solvers.star import StarSolver
from circularcities.core.matching.solvers.two_phase import TwoPhaseLP
from circularcities.core.matching.solvers.weighted import WeightedLP

__all__ = ["ColumnGenerationLP", "ComponentSolver", "GreedyNearest", "NetworkSimplex", "StarSolver",
           "TwoPhaseLP", "WeightedLP"]
