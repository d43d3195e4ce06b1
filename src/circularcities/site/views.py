from django.db import connection
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import render

from circularcities.coalition.models import City, Event, Partner, RStrategy, ThematicArea
from circularcities.coalition.views import city_points
from circularcities.knowledge.models import Case


def home(request):
    cities = list(City.objects.prefetch_related("translations"))
    context = {
        "city_points": city_points(cities),
        "n_members": sum(1 for c in cities if c.is_member),
        "n_cities": len(cities),
        "n_cases": Case.objects.filter(published=True).count(),
        "n_partners": Partner.objects.count(),
        "areas": ThematicArea.objects.annotate(n_cities=Count("focal_cities")).prefetch_related("translations"),
        "strategies": RStrategy.objects.prefetch_related("translations"),
        "events": Event.objects.order_by("-date").prefetch_related("translations")[:4],
        "featured": Case.objects.filter(published=True).select_related("city").prefetch_related(
            "translations", "city__translations").order_by("?")[:3],
    }
    return render(request, "coalition/home.html", context)


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else None
    return render(request, "403.html", {"message": message}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def switch_language(request):
    """Switch language and stay on the same page in the other language.

    A link (GET) on every page and the older form (POST) both land here; the
    choice is kept in the language cookie, so later visits to unprefixed
    addresses open in that language. Django's ``set_language`` cannot
    translate a prefixed URL when called from an unprefixed one (it resolves
    the path in the current language), so the prefix is swapped directly.
    """
    from django.conf import settings
    from django.http import HttpResponseBadRequest, HttpResponseRedirect
    from django.utils.http import url_has_allowed_host_and_scheme

    from circularcities.web.language import codes, language_path

    if request.method not in ("GET", "POST"):
        return HttpResponseBadRequest("Use GET or POST with 'language' and 'next'.")
    data = request.POST if request.method == "POST" else request.GET
    lang = data.get("language", "")
    if lang not in codes():
        return HttpResponseBadRequest(f"Unknown language {lang!r}; expected one of {', '.join(codes())}.")
    next_url = data.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = "/"
    path, sep, query = next_url.partition("?")
    response = HttpResponseRedirect(language_path(path, lang) + (sep + query if query else ""))
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, max_age=365 * 24 * 3600,
                        samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
    return response
