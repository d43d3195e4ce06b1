"""Pages for city-to-city learning."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.permissions import editable_city_ids, is_secretariat
from circularcities.coalition import learning
from circularcities.coalition.models import City, HelpRequest, Pairing, ThematicArea
from circularcities.coalition.permissions import require_learning
from circularcities.core.rules import FieldError


@login_required
@require_http_methods(["GET", "POST"])
def requests(request):
    ids = editable_city_ids(request.user)
    sec = is_secretariat(request.user)
    require_learning(request.user)
    cities = City.objects.prefetch_related("translations", "focal_areas__area__translations")
    if not sec:
        cities = cities.filter(pk__in=ids)
    if request.method == "POST":
        city = get_object_or_404(City, slug=request.POST.get("city", ""))
        area = get_object_or_404(ThematicArea, slug=request.POST.get("area", ""))
        try:
            learning.ask(user=request.user, city=city, area=area, question=request.POST.get("question", ""))
        except FieldError as exc:
            messages.error(request, exc.text("en"))
        else:
            messages.success(request, _("Your request was sent to the secretariat."))
        return redirect("coalition:learning")
    reqs = HelpRequest.objects.select_related("city", "area").prefetch_related(
        "city__translations", "area__translations", "pairings__peer__translations")
    if not sec:
        reqs = reqs.filter(city_id__in=ids)
    rows = [(r, learning.suggest_peers(r) if sec and r.status != "closed" else []) for r in reqs[:100]]
    return render(request, "coalition/learning.html", {"rows": rows, "cities": cities, "is_secretariat": sec})


@login_required
@require_POST
def pair_view(request, pk):
    req = get_object_or_404(HelpRequest, pk=pk)
    peer = get_object_or_404(City, slug=request.POST.get("peer", ""))
    try:
        learning.pair(user=request.user, req=req, peer=peer)
    except FieldError as exc:
        messages.error(request, exc.text("en"))
    else:
        messages.success(request, _("Paired with %(city)s.") % {"city": peer.t("name")})
    return redirect("coalition:learning")


@login_required
@require_POST
def outcome_view(request, pk):
    pairing = get_object_or_404(Pairing, pk=pk)
    try:
        learning.record_outcome(user=request.user, pairing=pairing, outcome=request.POST.get("outcome", ""),
                                close=bool(request.POST.get("close")))
    except FieldError as exc:
        messages.error(request, exc.text("en"))
    else:
        messages.success(request, _("Outcome recorded."))
    return redirect("coalition:learning")
