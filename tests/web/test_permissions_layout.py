"""Permission rules live in each app's permissions.py, and their refusals
reach API clients in the reader's language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import circularcities

PACKAGE = Path(circularcities.__file__).resolve().parent


def _raises_permission_denied(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id == "PermissionDenied":
                lines.append(node.lineno)
    return lines


def test_only_permissions_modules_refuse():
    stray = [f"{p.relative_to(PACKAGE)}:{n}" for p in PACKAGE.rglob("*.py")
             if p.name != "permissions.py" for n in _raises_permission_denied(p)]
    assert stray == []


def test_each_app_that_writes_has_a_permissions_module():
    for app in ["accounts", "coalition", "diagnosis", "planning", "marketplace", "logistics", "jobs"]:
        assert (PACKAGE / app / "permissions.py").exists(), app


@pytest.mark.django_db
@pytest.mark.parametrize("language, expected", [("en", "Only the editors of"), ("zh-hans", "只有")])
def test_api_refusal_in_the_readers_language(client, outsider, city, language, expected):
    client.force_login(outsider)
    resp = client.patch(f"/api/cities/{city.slug}", {"population": 1000}, content_type="application/json",
                        HTTP_ACCEPT_LANGUAGE=language)
    assert resp.status_code == 403
    assert expected in resp.json()["detail"]
