"""Every string the pages show has a Chinese translation, and the compiled catalogues are current."""

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_catalogues_complete_and_compiled():
    i18n = runpy.run_path(str(ROOT / "scripts" / "i18n.py"), run_name="i18n_check")
    problems = i18n["problems"]()
    assert problems == [], "\n".join(problems[:20])
    assert list(i18n["catalogues"]()), "no catalogue found"
