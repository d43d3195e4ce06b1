"""Recording an exchange, the exchange history and one exchange's audit trail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.marketplace.forms import ExchangeForm
from circularcities.marketplace.models import Exchange, Listing
from circularcities.marketplace.permissions import require_record_exchange
from circularcities.marketplace.services import record_exchange
from circularcities.web.fielderrors import add_to_form


@login_required
@require_POST
def record(request, pk):
    offer = get_object_or_404(Listing, pk=pk)
    require_record_exchange(request.user, offer)
    form = ExchangeForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            ex = record_exchange(request.user, offer, d["quantity_t"],
                                 receiver_name=d["receiver_name"] or "",
                                 value=d["value"], currency=d["currency"] or "",
                                 disposal_cost_avoided=d["disposal_cost_avoided"],
                                 purchase_cost_avoided=d["purchase_cost_avoided"],
                                 end_use=d["end_use"] or "", date=d["date"], items=d["items"])
        except FieldError as exc:
            add_to_form(form, exc)
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Exchange #%(id)s recorded: %(q)s t.") % {"id": ex.pk, "q": ex.quantity_t})
            return redirect(ex.get_absolute_url())
    return render(request, "marketplace/exchange_form.html", {"form": form, "listing": offer}, status=400)


def exchange_list(request):
    qs = Exchange.objects.select_related("giver", "receiver", "city")
    city = None
    if request.GET.get("city"):
        city = City.objects.filter(slug=request.GET["city"]).first()
        if city is not None:
            qs = qs.filter(city=city)
    if request.GET.get("organisation"):
        slug = request.GET["organisation"]
        qs = qs.filter(giver__slug=slug) | qs.filter(receiver__slug=slug)
    page = Paginator(qs.order_by("-date", "-pk"), 50).get_page(request.GET.get("page"))
    return render(request, "marketplace/exchange_list.html", {
        "page": page, "city": city,
        "cities": City.objects.filter(exchanges__isnull=False).distinct()})


def exchange_detail(request, pk):
    ex = get_object_or_404(Exchange.objects.select_related("giver", "receiver", "offer", "want", "city"), pk=pk)
    return render(request, "marketplace/exchange_detail.html", {"ex": ex})
