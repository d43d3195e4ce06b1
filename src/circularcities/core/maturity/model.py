"""The 7R maturity model and its scoring.

After the Circular Peterborough measurement framework: seven strategies (rethink,
redesign, reuse/share, repair, remanufacture, recycle, recover), each assessed on
levels 1 (nothing yet) to 5 (leading practice). One neutral wording per level serves
both subjects, a city administration and a business, so that the two are scored on
the same scale and can be compared.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from circularcities.core.errors import ValidationError

R_STRATEGIES: tuple[str, ...] = ("rethink", "redesign", "reuse_share", "repair", "remanufacture",
                                 "recycle", "recover")
SUBJECTS: tuple[str, ...] = ("city", "business")
LEVEL_MIN, LEVEL_MAX = 1, 5
DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "maturity_7r.json"


LANGUAGES: tuple[str, ...] = ("en", "zh", "ja", "ko")
"""The languages the questionnaire is written in (base codes: 'zh' for 'zh-hans')."""


def _base(language: str | None) -> str:
    return (language or "en").lower().split("-")[0].split("_")[0]


@dataclass(frozen=True)
class Level:
    """One level of one R, in each language written (empty: not yet translated)."""

    level: int
    en: str
    zh: str
    ja: str = ""
    ko: str = ""

    def text_in(self, language: str | None) -> tuple[str, str]:
        """The level's wording in ``language`` ('zh-hans', 'ja', ...) and the language it
        is in: English when that language has none yet."""
        own = getattr(self, _base(language), "") if _base(language) in LANGUAGES else ""
        return (own, _base(language)) if own else (self.en, "en")

    # ``text_<lang>``: read like any other content (web.translated.translated(level, "text")).
    @property
    def text_en(self) -> str:
        return self.en

    @property
    def text_zh(self) -> str:
        return self.zh

    @property
    def text_ja(self) -> str:
        return self.ja

    @property
    def text_ko(self) -> str:
        return self.ko


@dataclass(frozen=True)
class Strategy:
    """One R strategy with its five levels; ``name_<lang>`` and ``description_<lang>`` per
    language (empty: not yet translated)."""

    r: str
    name_en: str
    name_zh: str
    description_en: str
    description_zh: str
    levels: tuple[Level, ...]
    name_ja: str = ""
    name_ko: str = ""
    description_ja: str = ""
    description_ko: str = ""

    def name_in(self, language: str | None) -> tuple[str, str]:
        """The strategy's name in ``language`` and the language it is in (English as fallback)."""
        return self._in("name", language)

    def description_in(self, language: str | None) -> tuple[str, str]:
        return self._in("description", language)

    def _in(self, field: str, language: str | None) -> tuple[str, str]:
        lang = _base(language)
        own = getattr(self, f"{field}_{lang}", "") if lang in LANGUAGES else ""
        return (own, lang) if own else (getattr(self, f"{field}_en"), "en")


@lru_cache(maxsize=1)
def load_maturity_model() -> dict[str, Strategy]:
    """The packaged 7R questionnaire, by R slug, in :data:`R_STRATEGIES` order."""
    data = json.loads(DATA_FILE.read_text("utf-8"))
    out = {}
    for s in data["strategies"]:
        levels = tuple(Level(**lv) for lv in s["levels"])
        out[s["r"]] = Strategy(s["r"], s["name_en"], s["name_zh"], s["description_en"],
                               s["description_zh"], levels,
                               **{f"{f}_{lang}": s.get(f"{f}_{lang}", "")
                                  for f in ("name", "description") for lang in ("ja", "ko")})
    return {r: out[r] for r in R_STRATEGIES}


@dataclass(frozen=True)
class Assessment:
    """One completed 7R questionnaire.

    Parameters
    ----------
    date
        When the assessment was made.
    subject
        ``city`` or ``business``.
    levels
        Level 1..5 for every R in :data:`R_STRATEGIES`.
    notes
        Optional free-text note per R.
    """

    date: dt.date
    subject: str
    levels: dict[str, int]
    notes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.date, dt.date):
            raise ValidationError(f"Expected a date, got {self.date!r}.")
        if self.subject not in SUBJECTS:
            raise ValidationError(f"Expected subject 'city' or 'business', got {self.subject!r}.")
        missing = [r for r in R_STRATEGIES if r not in self.levels]
        unknown = [r for r in self.levels if r not in R_STRATEGIES]
        if missing or unknown:
            raise ValidationError("Expected a level for every R (" + ", ".join(R_STRATEGIES) + ")"
                                  + (f"; missing {', '.join(missing)}" if missing else "")
                                  + (f"; unknown {', '.join(map(str, unknown))}" if unknown else "") + ".")
        for r, level in self.levels.items():
            if isinstance(level, bool) or not isinstance(level, int) or not LEVEL_MIN <= level <= LEVEL_MAX:
                raise ValidationError(f"Expected level 1..5 for {r}, got {level!r}.")
        object.__setattr__(self, "levels", {r: self.levels[r] for r in R_STRATEGIES})


@dataclass(frozen=True)
class MaturityScore:
    """Scores of one assessment: per R (1..5) and overall (their mean)."""

    per_r: dict[str, int]
    overall: float

    def weakest(self, n: int = 2) -> list[str]:
        """The ``n`` lowest-scoring Rs (ties in :data:`R_STRATEGIES` order)."""
        return sorted(self.per_r, key=lambda r: (self.per_r[r], R_STRATEGIES.index(r)))[:n]


@dataclass(frozen=True)
class MaturityChange:
    """Change from an earlier to a later assessment (later minus earlier)."""

    per_r: dict[str, int]
    overall: float
    days: int


def score(assessment: Assessment) -> MaturityScore:
    """Score an assessment: the level of each R, and their mean overall."""
    per_r = dict(assessment.levels)
    return MaturityScore(per_r=per_r, overall=sum(per_r.values()) / len(per_r))


def compare(earlier: Assessment, later: Assessment) -> MaturityChange:
    """Change per R and overall between two assessments of the same subject.

    Raises
    ------
    ValidationError
        If the subjects differ or ``later`` is dated before ``earlier``.
    """
    if earlier.subject != later.subject:
        raise ValidationError("Expected two assessments of the same subject.")
    if later.date < earlier.date:
        raise ValidationError("Expected the later assessment to be dated on or after the earlier one.")
    a, b = score(earlier), score(later)
    return MaturityChange(per_r={r: b.per_r[r] - a.per_r[r] for r in R_STRATEGIES},
                          overall=b.overall - a.overall, days=(later.date - earlier.date).days)
