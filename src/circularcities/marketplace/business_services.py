"""Business circularity self-assessment: the one write path (form, API, demo).

A business answers each of the coalition's R-strategies on a four-step scale with
evidence; the score is computed by core/circularity.py (its docstring is the method
the page shows) and stored with the assessment, so earlier ones stay as they were.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.coalition.models import RStrategy
from circularcities.core import circularity, rules
from circularcities.core.rules import FieldError
from circularcities.marketplace.models import CircularityAnswer, CircularityAssessment
from circularcities.marketplace.permissions import require_assess_business

EVIDENCE_LENGTH = 1000


def ladder() -> list[RStrategy]:
    """The coalition's R-strategies, most preferred first (their ``order``)."""
    return list(RStrategy.objects.order_by("order", "pk"))


def score_of(answers: dict[str, tuple[int, str]], strategies: list[RStrategy]) -> circularity.Score:
    rank = {s.slug: i for i, s in enumerate(strategies)}
    return circularity.score([circularity.Answer(slug, rank[slug], level, bool(evidence.strip()))
                              for slug, (level, evidence) in answers.items()], len(strategies))


def check_answers(data: dict[str, Any], strategies: list[RStrategy]) -> dict[str, tuple[int, str]]:
    """``data`` holds ``level_<slug>`` (0..3) and ``evidence_<slug>`` for every strategy."""
    known = {s.slug for s in strategies}
    for key in data:
        if key.startswith("level_") and key[len("level_"):] not in known:
            raise FieldError("strategy", _("Unknown R-strategy '%(slug)s'; expected one of %(known)s.")
                             % {"slug": key[len("level_"):][:60], "known": ", ".join(sorted(known))})
    answers = {}
    for s in strategies:
        raw = data.get(f"level_{s.slug}")
        if raw in (None, ""):
            raise FieldError(f"level_{s.slug}", _("Choose a level for this strategy."))
        level = rules.number(f"level_{s.slug}", raw, minimum=0, maximum=3, integer=True)
        evidence = rules.text(f"evidence_{s.slug}", data.get(f"evidence_{s.slug}"), max_length=EVIDENCE_LENGTH)
        answers[s.slug] = (int(level), evidence)
    return answers


@transaction.atomic
def save_assessment(user, organisation, data: dict[str, Any], *, is_demo: bool = False,
                    assessed_on: dt.date | None = None) -> CircularityAssessment:
    """Record a new self-assessment of ``organisation`` (a business) from ``data``."""
    if not is_demo:
        require_assess_business(user, organisation)
    strategies = ladder()
    answers = check_answers(data, strategies)
    on = assessed_on or rules.date("assessed_on", data.get("assessed_on") or timezone.localdate(),
                                   not_future=True, required=True)
    assert on is not None
    result = score_of(answers, strategies)
    a = CircularityAssessment.objects.create(
        organisation=organisation, assessed_on=on, score=result.score, is_demo=is_demo,
        created_by=user if getattr(user, "pk", None) else None)
    by_slug = {s.slug: s for s in strategies}
    CircularityAnswer.objects.bulk_create([
        CircularityAnswer(assessment=a, strategy=by_slug[slug], level=level, evidence=evidence)
        for slug, (level, evidence) in answers.items()])
    return a
