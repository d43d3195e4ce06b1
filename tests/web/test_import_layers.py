"""The house has floors: no import cycle anywhere in src/.

Two checks, both on the source text (no import is executed):

- between packages (``core``, ``web``, each app, ``site``, ``commands``), with
  every import counted, including those inside functions: the packages form
  layers, so a newcomer knows that ``web`` is the base every app may use and
  ``site`` the assembly that uses every app;
- between modules, with every import counted too: no two modules lean on
  each other, even lazily.

``core`` never imports Django.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import circularcities

PACKAGE = Path(circularcities.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the package and the circularcities modules it imports."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        graph[name]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                candidates = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            for target in candidates:
                # "from pkg import module" names a module; "from module import name" does not.
                if target in modules and target != name:
                    graph[name].add(target)
                    break
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` if there is any (iterative depth-first search)."""
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        stack = [(root, iter(sorted(graph[root])))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child):] + [child]
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(sorted(graph.get(child, ())))))
                path.append(child)
    return None


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_no_cycle_between_modules():
    assert _cycle(_imports()) is None


def test_packages_form_layers():
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in _imports().items():
        for target in targets:
            if _package(module) != _package(target):
                packages[_package(module)].add(_package(target))
    assert _cycle(packages) is None
    assert packages["core"] <= {"core"}, "core builds on nothing else of the platform"
    assert packages["web"] <= {"core"}, "web is the shared base: it imports no app"
    assert "site" not in {t for src, ts in packages.items() if src not in ("commands", "cli")
                          for t in ts}, "only the command line imports the site assembly"


def test_core_never_imports_django():
    for path in (PACKAGE / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "django" or n.startswith("django.") for n in names), path


def test_the_detector_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
