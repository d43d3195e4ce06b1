"""City-to-city learning: a city asks for help on a focal area, the platform suggests
peers (cities with that focal area, a measured result and a published case), the
secretariat pairs them and records what came of it."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import require_secretariat
from circularcities.coalition.models import City, HelpRequest, Pairing, ThematicArea
from circularcities.coalition.permissions import require_ask_for_help
from circularcities.core import rules
from circularcities.core.rules import FieldError


def ask(*, user, city: City, area: ThematicArea, question: str) -> HelpRequest:
    """The city's editors (or the secretariat) ask for help on one of the city's focal areas."""
    require_ask_for_help(user, city)
    if not city.focal_areas.filter(area=area).exists():
        raise FieldError("area", _("Ask about one of the city's focal areas."))
    question = rules.text("question", question, max_length=4000, required=True)
    return HelpRequest.objects.create(city=city, area=area, question=question, asked_by=user)


def suggest_peers(req: HelpRequest, limit: int = 5) -> list[City]:
    """Cities with the area as a focal area, a measured result (an indicator value) and a
    published case; those with a published case in that very area first."""
    peers = (City.objects.exclude(pk=req.city_id).filter(archived_at__isnull=True, focal_areas__area=req.area)
             .filter(indicator_values__isnull=False, cases__published=True)
             .annotate(area_cases=Count("cases", filter=Q(cases__published=True, cases__areas=req.area),
                                        distinct=True))
             .distinct().order_by("-area_cases", "slug").prefetch_related("translations"))
    return list(peers[:limit])


def pair(*, user, req: HelpRequest, peer: City) -> Pairing:
    require_secretariat(user, _("Only the secretariat pairs cities."))
    if peer.pk == req.city_id:
        raise FieldError("peer", _("A city cannot be paired with itself."))
    with transaction.atomic():
        pairing, _created = Pairing.objects.get_or_create(request=req, peer=peer, defaults={"paired_by": user})
        HelpRequest.objects.filter(pk=req.pk).update(status=HelpRequest.Status.PAIRED)
    return pairing


def record_outcome(*, user, pairing: Pairing, outcome: str, close: bool = False) -> Pairing:
    require_secretariat(user, _("Only the secretariat records what came of a pairing."))
    pairing.outcome = rules.text("outcome", outcome, max_length=8000, required=True)
    pairing.outcome_at = timezone.now()
    with transaction.atomic():
        pairing.save(update_fields=["outcome", "outcome_at"])
        if close:
            HelpRequest.objects.filter(pk=pairing.request_id).update(status=HelpRequest.Status.CLOSED)
    return pairing
