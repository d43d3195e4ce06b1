"""Business circularity self-assessment in the marketplace API (added to its router
by ``api.py``): read a business's assessments with their score; a business's own
people record a new one. Scores are 0..100 (method: core/circularity.py)."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import Partner
from circularcities.marketplace.business_services import save_assessment
from circularcities.marketplace.models import CircularityAssessment
from circularcities.web.api_support import responses

router = Router(tags=["marketplace"])


class CircularityAnswerOut(Schema):
    strategy: str
    level: int
    evidence: str


class CircularityAssessmentOut(Schema):
    id: int
    organisation: str
    assessed_on: dt.date
    score: float
    answers: list[CircularityAnswerOut]


class CircularityAnswerIn(Schema):
    strategy: str = Field(..., max_length=60, description="R-strategy slug")
    level: int = Field(..., description="0 not started, 1 planned, 2 in part of the business, 3 standard practice")
    evidence: str = ""


class CircularityAssessmentIn(Schema):
    answers: list[CircularityAnswerIn] = Field(..., max_length=20)
    assessed_on: dt.date | None = None


def _out(a: CircularityAssessment) -> dict:
    return {"id": a.pk, "organisation": a.organisation.slug, "assessed_on": a.assessed_on, "score": a.score,
            "answers": [{"strategy": x.strategy.slug, "level": x.level, "evidence": x.evidence}
                        for x in a.answers.select_related("strategy")]}


def _business(slug: str) -> Partner:
    return get_object_or_404(Partner, slug=slug, kind=Partner.Kind.BUSINESS)


@router.get("/businesses/{slug}/circularity", response=responses(list[CircularityAssessmentOut], 404))
def assessments(request, slug: str):
    org = _business(slug)
    return [_out(a) for a in org.circularity_assessments.order_by("-assessed_on", "-pk")]


@router.post("/businesses/{slug}/circularity", response=responses(CircularityAssessmentOut, 404, status=201, write=True),
             auth=write_auth)
def assess(request, slug: str, payload: CircularityAssessmentIn):
    org = _business(slug)
    data: dict = {}
    for x in payload.answers:
        data[f"level_{x.strategy}"] = x.level
        data[f"evidence_{x.strategy}"] = x.evidence
    if payload.assessed_on is not None:
        data["assessed_on"] = payload.assessed_on
    return Status(201, _out(save_assessment(request.user, org, data)))
