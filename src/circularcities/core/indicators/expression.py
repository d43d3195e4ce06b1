"""Formulas a city writes for its own indicators, evaluated safely (never ``eval``).

A formula is an arithmetic expression over *terms*:

- other indicators, by code, written with ``_`` for ``-`` (``SW_RECYCLING`` for
  ``SW-RECYCLING``);
- a system's flows and stocks: ``flow("origin", "destination", "layer")`` (the sum
  over the second dimension for the year) and ``stock("process", "layer")``;
- numbers, ``+ - * /``, parentheses, ``min(a, b, ...)``, ``max(...)`` and ``abs(x)``.

:func:`parse` checks the text once (syntax, allowed operations, length) and gives a
:class:`Formula`; :meth:`Formula.evaluate` computes it for one period from a mapping
of term values. An unknown term is named in the error, a division by zero is an
error (never infinity), and so is any result that is not a finite number.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from circularcities.core.rules import FieldError, Msg

MAX_LENGTH = 500
MAX_NODES = 200

SYNTAX = Msg("The formula is not an arithmetic expression (%(detail)s).")
NOT_ALLOWED = Msg("The formula may use numbers, terms, + - * /, parentheses, min, max and abs; "
                  "'%(what)s' is not allowed.")
TOO_LONG = Msg("The formula is too long (at most %(limit)s characters).")
TOO_BIG = Msg("The formula is too complex (at most %(limit)s parts).")
UNKNOWN = Msg("Unknown term '%(term)s' in the formula.")
NO_VALUE = Msg("No value of '%(term)s' for %(period)s.")
DIVISION_BY_ZERO = Msg("Division by zero in the formula ('%(term)s' is 0).")
NOT_FINITE = Msg("The formula gives a number that is not finite.")
BAD_CALL = Msg("Expected %(function)s(%(arguments)s).")

FUNCTIONS = {"min": min, "max": max, "abs": abs}
SYSTEM_FUNCTIONS = {"flow": 3, "stock": 2}
"""System terms and their number of text arguments."""


def indicator_term(code: str) -> str:
    """The name of an indicator in formulas: ``SW-RECYCLING`` -> ``SW_RECYCLING``."""
    return code.replace("-", "_").replace(".", "_")


def system_term(function: str, *args: str) -> str:
    """The canonical text of a system term: ``flow("a", "b", "material")``."""
    return f"{function}({', '.join(repr(a).replace(chr(39), chr(34)) for a in args)})"


@dataclass(frozen=True)
class Formula:
    """A checked formula: its text, the indicator terms and system terms it uses."""

    text: str
    indicators: tuple[str, ...]
    system_terms: tuple[str, ...]
    _tree: ast.Expression

    @property
    def terms(self) -> tuple[str, ...]:
        return self.indicators + self.system_terms

    def check_terms(self, known: set[str] | frozenset[str], field: str = "formula") -> None:
        """Raise if a term is not among ``known`` (names the first unknown one)."""
        for term in self.terms:
            if term not in known:
                raise FieldError(field, UNKNOWN, term=term)

    def evaluate(self, values: Mapping[str, float], *, period: str = "", field: str = "formula") -> float:
        """The formula's value with ``values`` of its terms (by term text)."""
        result = _eval(self._tree.body, values, period, field)
        if not math.isfinite(result):
            raise FieldError(field, NOT_FINITE)
        return result


def parse(text: str, *, field: str = "formula") -> Formula:
    """Check ``text`` and return the :class:`Formula` (raises :class:`FieldError`)."""
    text = (text or "").strip()
    if not text:
        raise FieldError(field, Msg("A value is required."))
    if len(text) > MAX_LENGTH:
        raise FieldError(field, TOO_LONG, limit=MAX_LENGTH)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FieldError(field, SYNTAX, detail=str(exc.msg)[:80]) from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise FieldError(field, TOO_BIG, limit=MAX_NODES)
    indicators: list[str] = []
    system: list[str] = []
    _check(tree.body, indicators, system, field)
    return Formula(text, tuple(dict.fromkeys(indicators)), tuple(dict.fromkeys(system)), tree)


_BINOPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
}


def _check(node: ast.AST, indicators: list[str], system: list[str], field: str) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FieldError(field, NOT_ALLOWED, what=repr(node.value)[:40])
        return
    if isinstance(node, ast.Name):
        if node.id in FUNCTIONS or node.id in SYSTEM_FUNCTIONS:
            raise FieldError(field, NOT_ALLOWED, what=node.id)
        indicators.append(node.id)
        return
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        _check(node.left, indicators, system, field)
        _check(node.right, indicators, system, field)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check(node.operand, indicators, system, field)
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        name = node.func.id
        if name in FUNCTIONS:
            if not node.args or (name == "abs" and len(node.args) != 1):
                raise FieldError(field, BAD_CALL, function=name, arguments="x" if name == "abs" else "a, b, ...")
            for arg in node.args:
                _check(arg, indicators, system, field)
            return
        if name in SYSTEM_FUNCTIONS:
            n = SYSTEM_FUNCTIONS[name]
            args = node.args
            if len(args) != n or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                shown = '"origin", "destination", "layer"' if name == "flow" else '"process", "layer"'
                raise FieldError(field, BAD_CALL, function=name, arguments=shown)
            system.append(system_term(name, *(a.value for a in args)))  # type: ignore[attr-defined]
            return
        raise FieldError(field, NOT_ALLOWED, what=name)
    op = getattr(node, "op", None)
    what = _OPERATORS.get(type(op), "") if op is not None else ""
    raise FieldError(field, NOT_ALLOWED, what=what or ast.unparse(node)[:40])


_OPERATORS = {ast.Pow: "**", ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&",
              ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>", ast.Not: "not",
              ast.Invert: "~", ast.And: "and", ast.Or: "or"}


def _term(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SYSTEM_FUNCTIONS:
        return system_term(node.func.id, *(a.value for a in node.args))  # type: ignore[attr-defined]
    return ast.unparse(node)


def _eval(node: ast.AST, values: Mapping[str, float], period: str, field: str) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # parse() let only numbers through
    if isinstance(node, ast.Name) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                                      and node.func.id in SYSTEM_FUNCTIONS):
        term = _term(node)
        if term not in values or values[term] is None:
            raise FieldError(field, NO_VALUE, term=term, period=period or "-")
        return float(values[term])
    if isinstance(node, ast.BinOp):
        left = _eval(node.left, values, period, field)
        right = _eval(node.right, values, period, field)
        if isinstance(node.op, ast.Div) and right == 0:
            raise FieldError(field, DIVISION_BY_ZERO, term=_term(node.right))
        return _BINOPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, values, period, field)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.Call):
        args = [_eval(a, values, period, field) for a in node.args]
        name = node.func.id  # type: ignore[attr-defined]
        return float(abs(args[0]) if name == "abs" else min(args) if name == "min" else max(args))
    raise FieldError(field, NOT_ALLOWED, what=type(node).__name__)  # parse() let nothing else through
